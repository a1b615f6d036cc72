package org.gongkai.consultation.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.comment.CommentService;
import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.consultation.ConsultationService;
import org.gongkai.consultation.consultation.FeedbackReport;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Use cases of opinions: similarity suggestions, confirming, splitting and merging groups, adoption decisions,
 * publishing the feedback, and a citizen's receipt lookup. Comments record which opinion they belong to.
 */
@Service
public class OpinionService {

    private final OpinionRepository opinions;
    private final CommentService comments;
    private final ConsultationService consultations;
    private final OpinionProperties properties;
    private final Clock clock;

    OpinionService(OpinionRepository opinions, CommentService comments, ConsultationService consultations,
            OpinionProperties properties, Clock clock) {
        this.opinions = opinions;
        this.comments = comments;
        this.consultations = consultations;
        this.properties = properties;
        this.clock = clock;
    }

    /** An opinion with the visible comments it holds now. */
    public record OpinionWithComments(Opinion opinion, List<Comment> comments, boolean concentrated) {
    }

    /** Ungrouped visible comments that look alike, as proposals for staff to confirm. */
    public List<List<Comment>> suggestions(String consultationId, Double threshold, Actor actor) {
        consultations.get(consultationId, actor);
        double limit = threshold == null ? properties.similarityThreshold() : threshold;
        List<Comment> ungrouped = comments.ofConsultation(consultationId).stream()
                .filter(c -> !c.hidden() && c.opinionId() == null)
                .toList();
        Map<String, Comment> byId = ungrouped.stream().collect(Collectors.toMap(Comment::id, Function.identity()));
        return SimilarComments.groups(ungrouped.stream().map(c -> new SimilarComments.Text(c.id(), c.content())).toList(), limit)
                .stream().map(ids -> ids.stream().map(byId::get).toList()).toList();
    }

    /**
     * One page of the active opinions of a consultation, by id (stable; opinions have no date of their own), each with
     * its visible comments; paged in the database, and only the comments of the opinions on the page are read.
     */
    public Page<OpinionWithComments> list(String consultationId, Actor actor, int page, int size) {
        consultations.get(consultationId, actor);
        Page<Opinion> found = opinions.findByConsultationIdAndMergedIntoIsNull(consultationId, PageRequest.of(page, size, Sort.by("_id")));
        Map<String, List<Comment>> grouped = comments.inOpinions(found.map(Opinion::id).getContent()).stream()
                .filter(c -> !c.hidden()).collect(Collectors.groupingBy(Comment::opinionId));
        return found.map(o -> withComments(o, grouped.getOrDefault(o.id(), List.of())));
    }

    public OpinionWithComments confirm(String consultationId, String summary, Collection<String> commentIds, Actor actor) {
        Consultation consultation = editable(consultationId, actor);
        List<Comment> chosen = ungroupedComments(consultationId, commentIds);
        Instant now = now();
        Opinion opinion = opinions.insert(Opinion.confirm(UUID.randomUUID().toString(), consultation, summary, chosen.size(), actor, now));
        return withComments(opinion, assign(chosen, opinion.id(), actor, now));
    }

    public OpinionWithComments addComments(String consultationId, String opinionId, Collection<String> commentIds, Actor actor) {
        editable(consultationId, actor);
        Opinion opinion = activeOpinion(consultationId, opinionId);
        List<Comment> chosen = ungroupedComments(consultationId, commentIds);
        Instant now = now();
        opinion.recordCommentsAdded(chosen.size(), actor, now);
        opinion = opinions.save(opinion);
        assign(chosen, opinion.id(), actor, now);
        return withComments(opinion, comments.inOpinion(opinion.id()));
    }

    /** Moves some comments of an opinion into a new one; the rest stay, with the old opinion's decision. */
    public OpinionWithComments split(String consultationId, String opinionId, String summary, Collection<String> commentIds, Actor actor) {
        Consultation consultation = editable(consultationId, actor);
        Opinion source = activeOpinion(consultationId, opinionId);
        List<Comment> inSource = comments.inOpinion(opinionId);
        Set<String> wanted = distinct(commentIds);
        List<Comment> moving = inSource.stream().filter(c -> wanted.contains(c.id())).toList();
        if (moving.size() != wanted.size()) {
            throw DomainException.invalid("comment-not-in-opinion", "只能拆分属于意见 " + opinionId + " 的留言。");
        }
        if (moving.size() == inSource.size()) {
            throw DomainException.invalid("split-leaves-nothing", "拆分后原意见中至少要保留一条留言。");
        }
        Instant now = now();
        Opinion split = opinions.insert(Opinion.confirm(UUID.randomUUID().toString(), consultation, summary, moving.size(), actor, now));
        source.recordSplit(split, moving.size(), actor, now);
        opinions.save(source);
        return withComments(split, assign(moving, split.id(), actor, now));
    }

    /** Moves every comment of the other opinions into this one; the others stay as merged, for their history. */
    public OpinionWithComments merge(String consultationId, String opinionId, Collection<String> otherOpinionIds, Actor actor) {
        editable(consultationId, actor);
        Opinion target = activeOpinion(consultationId, opinionId);
        Set<String> others = distinct(otherOpinionIds);
        if (others.contains(opinionId)) {
            throw DomainException.invalid("invalid-merge", "意见不能与自身合并。");
        }
        Instant now = now();
        for (String otherId : others) {
            Opinion other = activeOpinion(consultationId, otherId);
            List<Comment> moving = comments.inOpinion(otherId);
            target.absorb(other, moving.size(), actor, now);
            opinions.save(other);
            assign(moving, target.id(), actor, now);
        }
        target = opinions.save(target);
        return withComments(target, comments.inOpinion(target.id()));
    }

    public OpinionWithComments decide(String consultationId, String opinionId, AdoptionDecision decision, String reason, Actor actor) {
        editable(consultationId, actor);
        Opinion opinion = activeOpinion(consultationId, opinionId);
        List<Comment> grouped = visible(comments.inOpinion(opinionId));
        opinion.decide(actor, decision, reason, grouped.size(), properties.concentratedThreshold(), now());
        return withComments(opinions.save(opinion), grouped);
    }

    public OpinionWithComments reviseSummary(String consultationId, String opinionId, String summary, Actor actor) {
        editable(consultationId, actor);
        Opinion opinion = activeOpinion(consultationId, opinionId);
        opinion.reviseSummary(actor, summary, now());
        return withComments(opinions.save(opinion), visible(comments.inOpinion(opinionId)));
    }

    /** Publishes the adoption feedback; refused while an opinion lacks its decision or a concentrated one its reason. */
    public FeedbackReport publishFeedback(String consultationId, String finalDecisionChanges, Actor actor) {
        Consultation consultation = consultations.get(consultationId, actor);
        consultation.requireReadyForFeedback(actor);
        List<Comment> all = comments.ofConsultation(consultationId);
        Map<String, List<Comment>> grouped = visibleGroupedComments(all);
        List<AdoptionFeedback.Tally> tallies = opinions.findByConsultationId(consultationId).stream()
                .map(o -> new AdoptionFeedback.Tally(o, grouped.getOrDefault(o.id(), List.of()).size()))
                .toList();
        int visibleComments = (int) all.stream().filter(Comment::isVisibleToPublic).count();
        Instant now = now();
        FeedbackReport report = AdoptionFeedback.compile(tallies, visibleComments, properties.concentratedThreshold(),
                finalDecisionChanges, now);
        consultation.publishFeedback(actor, report, now);
        consultations.save(consultation);
        return report;
    }

    public ReceiptAnswer status(String receipt) {
        Comment comment = comments.byReceipt(receipt);
        Consultation consultation = consultations.find(comment.consultationId());
        Opinion opinion = comment.opinionId() == null ? null : opinions.findById(comment.opinionId()).orElse(null);
        return ReceiptAnswer.of(comment, consultation, opinion);
    }

    private Consultation editable(String consultationId, Actor actor) {
        Consultation consultation = consultations.get(consultationId, actor);
        consultation.requireOpinionsEditable(actor);
        return consultation;
    }

    private Opinion activeOpinion(String consultationId, String opinionId) {
        Opinion opinion = opinions.findById(opinionId).filter(o -> o.consultationId().equals(consultationId))
                .orElseThrow(() -> DomainException.notFound("opinion-not-found", "该征求意见中没有编号为 " + opinionId + " 的意见。"));
        if (!opinion.isActive()) {
            throw DomainException.conflict("opinion-merged", "意见 " + opinionId + " 已并入意见 " + opinion.mergedInto() + "。");
        }
        return opinion;
    }

    /** The named comments, all of this consultation, visible and not yet in an opinion. */
    private List<Comment> ungroupedComments(String consultationId, Collection<String> commentIds) {
        Set<String> wanted = distinct(commentIds);
        if (wanted.isEmpty()) {
            throw DomainException.invalid("comments-required", "请指明要归并的留言。");
        }
        List<Comment> found = comments.ofConsultation(consultationId).stream().filter(c -> wanted.contains(c.id())).toList();
        if (found.size() != wanted.size()) {
            throw DomainException.invalid("comment-not-found", "部分留言不属于该征求意见。");
        }
        for (Comment comment : found) {
            if (comment.hidden()) {
                throw DomainException.conflict("comment-hidden", "留言 " + comment.id() + " 已被隐藏，不能归入意见。");
            }
            if (comment.opinionId() != null) {
                throw DomainException.conflict("comment-already-grouped", "留言 " + comment.id() + " 已归入意见 "
                        + comment.opinionId() + "，如需调整请使用拆分或合并。");
            }
        }
        return found;
    }

    private List<Comment> assign(List<Comment> chosen, String opinionId, Actor actor, Instant now) {
        chosen.forEach(c -> c.assignTo(opinionId, actor, now));
        return comments.saveAll(chosen);
    }

    private OpinionWithComments withComments(Opinion opinion, List<Comment> grouped) {
        List<Comment> shown = visible(grouped);
        return new OpinionWithComments(opinion, shown, Opinion.isConcentrated(shown.size(), properties.concentratedThreshold()));
    }

    private static Map<String, List<Comment>> visibleGroupedComments(List<Comment> all) {
        return all.stream().filter(c -> !c.hidden() && c.opinionId() != null).collect(Collectors.groupingBy(Comment::opinionId));
    }

    private static List<Comment> visible(List<Comment> grouped) {
        return grouped.stream().filter(Comment::isVisibleToPublic).toList();
    }

    private static Set<String> distinct(Collection<String> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
