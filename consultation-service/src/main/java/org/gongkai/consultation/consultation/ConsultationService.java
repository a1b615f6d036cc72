package org.gongkai.consultation.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Use cases of the consultation lifecycle; the rules live in {@link Consultation}. Other features read consultations here. */
@Service
public class ConsultationService {

    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);

    private final ConsultationRepository consultations;
    private final CatalogueSnapshots catalogue;
    private final Clock clock;

    ConsultationService(ConsultationRepository consultations, CatalogueSnapshots catalogue, Clock clock) {
        this.consultations = consultations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Consultation draft(Consultation.Draft draft, Actor actor) {
        requireKnownCatalogueItem(draft.catalogueItemCode());
        return consultations.insert(Consultation.draft(UUID.randomUUID().toString(), draft, actor, now()));
    }

    public Consultation revise(String id, Consultation.Draft draft, Actor actor) {
        requireKnownCatalogueItem(draft.catalogueItemCode());
        return change(id, actor, c -> c.revise(actor, draft, now()));
    }

    public Consultation open(String id, Actor actor) {
        return change(id, actor, c -> c.open(actor, today(), now()));
    }

    public Consultation showCommentsPublicly(String id, boolean visible, String reason, Actor actor) {
        return change(id, actor, c -> c.showCommentsPublicly(actor, visible, reason, now()));
    }

    public Consultation get(String id, Actor actor) {
        return consultations.findById(id).filter(c -> c.isVisibleTo(actor)).orElseThrow(() -> Consultation.notFound(id));
    }

    /** The latest start first, then by id, so that pages never overlap. */
    public static final Sort LATEST_START_FIRST = Sort.by(Sort.Order.desc("period.start"), Sort.Order.asc("_id"));

    /** One page of the consultations the actor sees, paged in the database. */
    public Page<Consultation> list(Actor actor, int page, int size) {
        PageRequest request = PageRequest.of(page, size, LATEST_START_FIRST);
        return actor.overseesAllSections() ? consultations.findAll(request) : consultations.findBySection(actor.section(), request);
    }

    /** Any consultation, for the other features' use cases, which apply their own checks. */
    public Consultation find(String id) {
        return consultations.findById(id).orElseThrow(() -> Consultation.notFound(id));
    }

    public Consultation save(Consultation consultation) {
        return consultations.save(consultation);
    }

    /** One page of the published consultations, the latest start first, paged in the database. */
    public Page<Consultation> publicConsultations(int page, int size) {
        return consultations.findByStatusIn(
                EnumSet.of(Consultation.Status.OPEN, Consultation.Status.CLOSED, Consultation.Status.FEEDBACK_PUBLISHED),
                PageRequest.of(page, size, LATEST_START_FIRST));
    }

    public Consultation publicConsultation(String id) {
        return consultations.findById(id).filter(Consultation::isPublic).orElseThrow(() -> Consultation.notFound(id));
    }

    public FeedbackReport publishedFeedback(String id) {
        Consultation consultation = publicConsultation(id);
        if (consultation.feedback() == null) {
            throw DomainException.notFound("feedback-not-published", "征求意见 " + id + " 的意见采纳情况尚未公布。");
        }
        return consultation.feedback();
    }

    /**
     * Closes every open consultation whose period ended before {@code now} (in China). Another instance closing
     * the same one at the same time loses the optimistic lock and skips it. Returns how many this call closed.
     */
    public int closeEndedPeriods(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Consultation.ZONE);
        int closed = 0;
        for (Consultation consultation : consultations.findByStatus(Consultation.Status.OPEN)) {
            if (consultation.closeIfPeriodEnded(today, now)) {
                try {
                    consultations.save(consultation);
                    closed++;
                } catch (OptimisticLockingFailureException e) {
                    log.info("consultation {} changed while closing; the next round looks again", consultation.id());
                }
            }
        }
        return closed;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Consultation.ZONE));
    }

    private void requireKnownCatalogueItem(String code) {
        if (code == null || catalogue.item(code.strip()).isEmpty()) {
            throw DomainException.invalid("unknown-catalogue-item",
                    "目录事项“" + code + "”不在现行公布的目录中。");
        }
    }

    private Consultation change(String id, Actor actor, Consumer<Consultation> action) {
        Consultation consultation = get(id, actor);
        action.accept(consultation);
        return consultations.save(consultation);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
