package org.gongkai.publication.attributereview;

import java.time.Clock;
import java.time.Instant;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.publication.document.DocumentService;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Runs the annual review; a change to proactive is written to the document first, then recorded in the review. */
@Service
public class AttributeReviewService {

    private final AttributeReviewRepository reviews;
    private final DocumentService documents;
    private final Clock clock;

    AttributeReviewService(AttributeReviewRepository reviews, DocumentService documents, Clock clock) {
        this.reviews = reviews;
        this.documents = documents;
        this.clock = clock;
    }

    public AttributeReview open(int year, Actor actor) {
        var entries = documents.nonPublicIssuedDocuments().stream()
                .map(d -> new AttributeReview.Entry(d.id(), d.documentNumber(), d.title(), d.section(), d.attribute().name(),
                        d.legalBasis() == null ? null : d.legalBasis().name(), null, null, null, null, null, null))
                .toList();
        try {
            Instant now = Instant.now(clock);
            int currentYear = now.atZone(WorkingCalendar.CHINA).getYear();
            return reviews.insert(AttributeReview.open(year, currentYear, entries, actor, now));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("review-already-open", "" + year + " 年度公开属性审查已经开始。");
        }
    }

    public AttributeReview get(int year) {
        return reviews.findById(String.valueOf(year))
                .orElseThrow(() -> DomainException.notFound("review-not-found", "没有 " + year + " 年度的公开属性审查。"));
    }

    public AttributeReview recordOpinion(int year, String documentId, String opinion, Actor actor) {
        AttributeReview review = get(year);
        review.recordOpinion(documentId, opinion, actor, Instant.now(clock));
        return reviews.save(review);
    }

    public AttributeReview decide(int year, String documentId, AttributeReview.Decision decision, String reason, Actor actor) {
        AttributeReview review = get(year);
        Instant now = Instant.now(clock);
        AttributeReview.Entry decided = review.decide(documentId, decision, reason, actor, now);
        if (decided.decision() == AttributeReview.Decision.CHANGE_TO_PROACTIVE) {
            documents.proposeProactive(documentId, year, reason, actor);
        }
        return reviews.save(review);
    }

}
