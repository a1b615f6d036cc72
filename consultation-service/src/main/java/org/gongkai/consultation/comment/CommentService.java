package org.gongkai.consultation.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.consultation.ConsultationService;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Use cases of comments: the public submission (the busiest write path), offline entry, moderation, reading. */
@Service
public class CommentService {

    private final CommentRepository comments;
    private final ConsultationService consultations;
    private final Fingerprints fingerprints;
    private final CommentProperties properties;
    private final Clock clock;

    CommentService(CommentRepository comments, ConsultationService consultations, Fingerprints fingerprints,
            CommentProperties properties, Clock clock) {
        this.comments = comments;
        this.consultations = consultations;
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
    }

    /** The receipt of a submission; {@code created} is false when a retry or duplicate found the existing comment. */
    public record Submitted(Comment comment, boolean created) {
    }

    /**
     * Takes a comment through the public route. A retry with the same idempotency key, or the same text from
     * the same client within the duplicate window, answers with the existing receipt and stores nothing.
     * The client address is only fingerprinted, never stored.
     * <p>
     * The key is looked up only off the common path (issue 16: one round trip less per new comment): when the
     * submission is refused (the consultation no longer takes comments, a field is invalid), when the duplicate check
     * finds the same text, or when the insert hits the key's unique index. A comment stored under the key is found in
     * each of these cases, so every retry gets the answer it got when the key was looked up first.
     * <p>
     * The duplicate check reads the comments themselves, through their {@code same_text_same_client} index, so a new
     * comment is one write (issue 16: a document of its own per client and text cost a second write per comment).
     */
    public Submitted submit(String consultationId, Comment.Submission submission, String idempotencyKey, String clientAddress) {
        String key = Comment.requireValidIdempotencyKey(idempotencyKey);
        Consultation consultation = consultations.find(consultationId);
        if (!consultation.isPublic()) {
            throw Consultation.notFound(consultationId);
        }
        Instant now = now();
        String fingerprint = fingerprints.ofClient(clientAddress);
        Comment comment;
        try {
            consultation.requireAcceptingCommentsOn(consultations.today());
            comment = Comment.receivedOnline(UUID.randomUUID().toString(), consultation, submission, key, fingerprint, now);
        } catch (DomainException refused) {
            // a retry of a comment taken before still gets its receipt, even when the period has ended since or the
            // retry's contact is one a rule refuses: the stored comment is the answer, not the retry's body
            return replay(consultationId, key, submission.content()).orElseThrow(() -> refused);
        }
        // the window is open at its far end: exactly duplicateWindow later is a new comment
        Optional<Comment> duplicate = comments.sameTextFromSameClientSince(consultationId, fingerprint, comment.contentHash(),
                now.minus(properties.duplicateWindow()));
        if (duplicate.isPresent()) {
            // the key, when already used, decides the answer (its receipt, or the refusal of a key reused for other text)
            return replay(consultationId, key, submission.content()).orElse(new Submitted(duplicate.get(), false));
        }
        try {
            return new Submitted(comments.insert(comment), true);
        } catch (DuplicateKeyException e) {
            // the key is taken: a retry, concurrent or not, answered with the first comment's receipt
            return replay(consultationId, key, submission.content()).orElseThrow(() -> e);
        }
    }

    /** The comment stored under this idempotency key, if any; none without a key. */
    private Optional<Submitted> replay(String consultationId, String key, String content) {
        if (key == null) {
            return Optional.empty();
        }
        return comments.findBySubmissionKey(Comment.submissionKey(consultationId, key, null)).map(existing -> {
            if (!existing.hasSameContentAs(content)) {
                throw DomainException.invalid("idempotency-key-reused",
                        "该 Idempotency-Key 已用于另一条留言，提交新留言请使用新的 Idempotency-Key。");
            }
            return new Submitted(existing, false);
        });
    }

    public Comment enterOffline(String consultationId, Channel channel, Comment.Submission submission, Actor actor) {
        Consultation consultation = visibleConsultation(consultationId, actor);
        return comments.insert(Comment.enteredOffline(UUID.randomUUID().toString(), consultation, channel, submission,
                actor, now()));
    }

    public Comment moderate(String consultationId, String commentId, boolean hide, String reason, Actor actor) {
        Consultation consultation = visibleConsultation(consultationId, actor);
        consultation.requireManagedBy(actor);
        Comment comment = comments.findById(commentId).filter(c -> c.consultationId().equals(consultationId))
                .orElseThrow(() -> notFound(commentId));
        comment.moderate(actor, hide, reason, now());
        return comments.save(comment);
    }

    /** Oldest first, then by id, so that pages never overlap. */
    public static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("receivedAt"), Sort.Order.asc("_id"));

    /** Staff read every comment of a consultation they can see, hidden ones and private fields included; paged in the database. */
    public Page<Comment> forStaff(String consultationId, Actor actor, int page, int size) {
        visibleConsultation(consultationId, actor);
        return comments.findByConsultationId(consultationId, PageRequest.of(page, size, OLDEST_FIRST));
    }

    /** Comments shown on the public route: only where the section chose so, never hidden ones. */
    public Page<Comment> forPublic(String consultationId, int page, int size) {
        Consultation consultation = consultations.publicConsultation(consultationId);
        if (!consultation.commentsPublic()) {
            throw DomainException.notFound("comments-not-public", "该征求意见的留言不对外公开。");
        }
        return comments.findByConsultationIdAndHiddenFalse(consultationId, PageRequest.of(page, size, OLDEST_FIRST));
    }

    public Comment byReceipt(String receipt) {
        return (ReceiptCodes.looksValid(receipt) ? comments.findByReceipt(receipt) : Optional.<Comment>empty())
                .orElseThrow(() -> DomainException.notFound("receipt-not-found", "没有与该回执号对应的留言。"));
    }

    /** All comments of a consultation, for grouping; the caller checked access. */
    public List<Comment> ofConsultation(String consultationId) {
        return comments.findByConsultationIdOrderByReceivedAt(consultationId);
    }

    public List<Comment> inOpinion(String opinionId) {
        return comments.findByOpinionId(opinionId);
    }

    /** The comments of these opinions, oldest first. */
    public List<Comment> inOpinions(java.util.Collection<String> opinionIds) {
        return opinionIds.isEmpty() ? List.of() : comments.findByOpinionIdIn(opinionIds).stream()
                .sorted(java.util.Comparator.comparing(Comment::receivedAt).thenComparing(Comment::id)).toList();
    }

    public List<Comment> saveAll(List<Comment> changed) {
        return comments.saveAll(changed);
    }

    private Consultation visibleConsultation(String consultationId, Actor actor) {
        return consultations.get(consultationId, actor);
    }

    /** Milliseconds, as MongoDB stores them, so that a replayed receipt shows the same time as the first answer. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static DomainException notFound(String commentId) {
        return DomainException.notFound("comment-not-found", "该征求意见中没有编号为 " + commentId + " 的留言。");
    }
}
