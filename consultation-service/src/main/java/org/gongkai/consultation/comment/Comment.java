package org.gongkai.consultation.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One comment on a consultation, in its own document: received anonymously through the public route or entered
 * by staff from an offline channel. Content is plain text, stored exactly as given. Name and contact are private.
 * The comment-received event sits in this document's own outbox, written with the comment in one insert.
 */
@Document("comments")
@CompoundIndex(name = "staff_list", def = "{'consultationId': 1, 'receivedAt': 1, '_id': 1}")
@CompoundIndex(name = "public_list", def = "{'consultationId': 1, 'hidden': 1, 'receivedAt': 1, '_id': 1}")
// the outbox relay looks for pending events in every comment; only the few with one are in this index
@CompoundIndex(name = "pending_events", def = "{'outbox.eventId': 1}", sparse = true)
// the duplicate check: equalities on the first three keys, the newest first (CommentRepository#sameTextFromSameClientSince)
@CompoundIndex(name = "same_text_same_client", def = "{'consultationId': 1, 'clientFingerprint': 1, 'contentHash': 1, 'receivedAt': -1}")
public class Comment implements RecordsChanges {

    public static final int MAX_CONTENT_LENGTH = 2000;
    public static final int MAX_NAME_LENGTH = 50;

    @Id
    private final String id;
    // no index of its own: the list indexes begin with it, and the wire server keeps every index in memory
    private final String consultationId;
    private final String section;
    private final String catalogueItemCode;
    private final Channel channel;
    private final String content;
    private final String authorName;
    private final Contact contact;
    /** The citizen's handle on the comment; unguessable and unique. */
    @Indexed(unique = true)
    private final String receipt;
    /**
     * Unique per submission: the consultation and the client's idempotency key when one was sent, otherwise the
     * comment's own id. Always set, so the unique index needs no sparse or partial support from the database.
     */
    @Indexed(unique = true)
    private final String submissionKey;
    private final String clientFingerprint;
    private final String contentHash;
    private final Instant receivedAt;
    private final String enteredBy;
    private boolean hidden;
    private String moderationReason;
    // sparse: only the comments grouped into an opinion are in it, and it is only asked for an opinion's comments;
    // a name of its own, as a database of before holds a plain index named opinionId that an equal name would conflict with
    @Indexed(name = "grouped_into_opinion", sparse = true)
    private String opinionId;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    Comment(String id, String consultationId, String section, String catalogueItemCode, Channel channel, String content,
            String authorName, Contact contact, String receipt, String submissionKey, String clientFingerprint,
            String contentHash, Instant receivedAt, String enteredBy, boolean hidden, String moderationReason,
            String opinionId, Changes changes, Long revision) {
        this.id = id;
        this.consultationId = consultationId;
        this.section = section;
        this.catalogueItemCode = catalogueItemCode;
        this.channel = channel;
        this.content = content;
        this.authorName = authorName;
        this.contact = contact;
        this.receipt = receipt;
        this.submissionKey = submissionKey;
        this.clientFingerprint = clientFingerprint;
        this.contentHash = contentHash;
        this.receivedAt = receivedAt;
        this.enteredBy = enteredBy;
        this.hidden = hidden;
        this.moderationReason = moderationReason;
        this.opinionId = opinionId;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** What a citizen or a staff member writes down; name and contact are optional. */
    public record Submission(String content, String authorName, String contact) {
    }

    /**
     * A comment through the public route. The caller has checked that the consultation takes comments today;
     * {@code idempotencyKey} may be null.
     */
    public static Comment receivedOnline(String id, Consultation consultation, Submission submission, String idempotencyKey,
            String clientFingerprint, Instant now) {
        return create(id, consultation, Channel.WEBSITE, submission, submissionKey(consultation.id(), idempotencyKey, id),
                clientFingerprint, null, now);
    }

    /** An {@code Idempotency-Key} is optional; when sent it is 1–128 printable ASCII characters (a UUID, say). */
    public static String requireValidIdempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("invalid-idempotency-key",
                    "Idempotency-Key 须为 1 至 128 个可打印的 ASCII 字符，且不含空格。");
        }
        return key;
    }

    /** An opinion gathered offline (hearing, symposium …) and entered by staff with its channel. */
    public static Comment enteredOffline(String id, Consultation consultation, Channel channel, Submission submission,
            Actor actor, Instant now) {
        consultation.requireAcceptingOfflineOpinions(actor);
        if (channel == null || !channel.isOffline()) {
            throw DomainException.invalid("offline-channel-required",
                    "工作人员只录入线下渠道（听证、座谈等）收集的意见；网站留言由公众通过网站提交。");
        }
        Comment comment = create(id, consultation, channel, submission, submissionKey(consultation.id(), null, id), null,
                actor.username(), now);
        comment.changes.audit(actor, now, "entered-offline", channel.name());
        return comment;
    }

    private static Comment create(String id, Consultation consultation, Channel channel, Submission submission,
            String submissionKey, String clientFingerprint, String enteredBy, Instant now) {
        String content = submission.content();
        if (content == null || content.isBlank()) {
            throw DomainException.invalid("content-required", "留言内容不能为空。");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw DomainException.invalid("content-too-long", "留言内容不能超过 " + MAX_CONTENT_LENGTH + " 个字。");
        }
        String name = submission.authorName() == null || submission.authorName().isBlank() ? null : submission.authorName().strip();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name-too-long", "姓名不能超过 " + MAX_NAME_LENGTH + " 个字。");
        }
        Contact contact = Contact.parse(submission.contact());
        Comment comment = new Comment(id, consultation.id(), consultation.section(), consultation.catalogueItemCode(), channel,
                content, name, contact, ReceiptCodes.next(), submissionKey, clientFingerprint, contentHash(content), now,
                enteredBy, false, null, null, Changes.none(), null);
        comment.changes.announce(new CommentReceived(consultation.id(), id, consultation.section(),
                consultation.catalogueItemCode(), channel.name(), now), now);
        return comment;
    }

    /** The key under which a retried submission finds the comment it already created. */
    public static String submissionKey(String consultationId, String idempotencyKey, String commentId) {
        return idempotencyKey == null ? "comment:" + commentId
                : "idempotency:" + consultationId + ":" + Fingerprints.sha256(idempotencyKey);
    }

    /** Identical means the same text once surrounding whitespace is ignored. */
    public static String contentHash(String content) {
        return Fingerprints.sha256(content.strip());
    }

    public boolean hasSameContentAs(String otherContent) {
        return otherContent != null && contentHash.equals(contentHash(otherContent));
    }

    /** Moderation hides spam or abuse from the public and from grouping; the reason is kept and audited. */
    public void moderate(Actor actor, boolean hide, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "隐藏或恢复留言须说明理由。");
        }
        if (hide == hidden) {
            throw DomainException.conflict("invalid-state", hide ? "该留言已被隐藏。" : "该留言未被隐藏。");
        }
        hidden = hide;
        moderationReason = hide ? reason.strip() : null;
        String formerOpinion = opinionId;
        if (hide) {
            opinionId = null;
        }
        changes.audit(actor, now, hide ? "hidden" : "shown",
                formerOpinion != null && hide ? reason.strip() + " (removed from opinion " + formerOpinion + ")" : reason.strip());
    }

    /** Puts the comment into an opinion, or takes it out with {@code null}; a comment is in at most one opinion. */
    public void assignTo(String newOpinionId, Actor actor, Instant now) {
        if (hidden && newOpinionId != null) {
            throw DomainException.conflict("comment-hidden", "留言 " + id + " 已被隐藏，不能归入意见。");
        }
        opinionId = newOpinionId;
        changes.audit(actor, now, newOpinionId == null ? "ungrouped" : "grouped", newOpinionId);
    }

    public boolean isVisibleToPublic() {
        return !hidden;
    }

    public String id() { return id; }
    public String consultationId() { return consultationId; }
    public String section() { return section; }
    public String catalogueItemCode() { return catalogueItemCode; }
    public Channel channel() { return channel; }
    public String content() { return content; }
    public String authorName() { return authorName; }
    public Contact contact() { return contact; }
    public String receipt() { return receipt; }
    public String submissionKey() { return submissionKey; }
    public String clientFingerprint() { return clientFingerprint; }
    public String contentHash() { return contentHash; }
    public Instant receivedAt() { return receivedAt; }
    public String enteredBy() { return enteredBy; }
    public boolean hidden() { return hidden; }
    public String moderationReason() { return moderationReason; }
    public String opinionId() { return opinionId; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
