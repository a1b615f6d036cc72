package org.gongkai.publication.attributereview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gongkai.support.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The annual review of on-request and not-disclosed documents (P4). */
@RestController
@RequestMapping("/api/attribute-reviews")
class AttributeReviewController {

    private final AttributeReviewService reviews;

    AttributeReviewController(AttributeReviewService reviews) {
        this.reviews = reviews;
    }

    record OpinionRequest(@NotBlank @Size(max = 2000) String opinion) {
    }

    record ReviewView(int year, java.util.List<AttributeReview.Entry> entries) {
        static ReviewView of(AttributeReview r) {
            org.gongkai.support.security.Actor actor = CurrentActor.get();
            return new ReviewView(r.year(), r.entriesVisibleTo(actor));
        }
    }

    record DecisionRequest(@NotNull AttributeReview.Decision decision, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/{year}")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('disclosure-office')")
    ReviewView open(@PathVariable int year) {
        return ReviewView.of(reviews.open(year, CurrentActor.get()));
    }

    @GetMapping("/{year}")
    @PreAuthorize("hasAnyRole('disclosure-office', 'section-staff', 'leader', 'admin', 'confidentiality-officer')")
    ReviewView get(@PathVariable int year) {
        return ReviewView.of(reviews.get(year));
    }

    @PostMapping("/{year}/documents/{documentId}/opinion")
    @PreAuthorize("hasRole('section-staff')")
    ReviewView opinion(@PathVariable int year, @PathVariable String documentId, @Valid @RequestBody OpinionRequest request) {
        return ReviewView.of(reviews.recordOpinion(year, documentId, request.opinion(), CurrentActor.get()));
    }

    @PostMapping("/{year}/documents/{documentId}/decision")
    @PreAuthorize("hasRole('disclosure-office')")
    ReviewView decide(@PathVariable int year, @PathVariable String documentId, @Valid @RequestBody DecisionRequest request) {
        return ReviewView.of(reviews.decide(year, documentId, request.decision(), request.reason(), CurrentActor.get()));
    }
}
