package org.gongkai.consultation.consultation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gongkai.support.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of the consultation lifecycle. Roles are checked here coarsely and again by the domain. */
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final ConsultationService service;
    private final org.gongkai.support.organisation.Sections sections;

    ConsultationController(ConsultationService service, org.gongkai.support.organisation.Sections sections) {
        this.service = service;
        this.sections = sections;
    }

    record DraftRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200_000) String draftText,
            @NotBlank @Size(max = 50_000) String decisionBasis,
            @NotBlank @Size(max = 50_000) String explanation,
            @NotBlank @Size(max = 20) String catalogueItemCode,
            @NotEmpty @Size(max = 6) List<@NotNull Channel> channels,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @Size(max = 1000) String shortPeriodReason,
            boolean commentsPublic) {

        Consultation.Draft toDraft() {
            return new Consultation.Draft(title, draftText, decisionBasis, explanation, catalogueItemCode, channels,
                    periodStart, periodEnd, shortPeriodReason, commentsPublic);
        }
    }

    record CommentVisibilityRequest(@NotNull Boolean commentsPublic, @Size(max = 1000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('section-staff')")
    ConsultationView draft(@Valid @RequestBody DraftRequest request) {
        return ConsultationView.of(sections, service.draft(request.toDraft(), CurrentActor.get()));
    }

    @GetMapping
    List<ConsultationView> list() {
        return service.list(CurrentActor.get()).stream().map(c -> ConsultationView.of(sections, c)).toList();
    }

    @GetMapping("/{id}")
    ConsultationView get(@PathVariable String id) {
        return ConsultationView.of(sections, service.get(id, CurrentActor.get()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('section-staff', 'disclosure-office')")
    ConsultationView revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        return ConsultationView.of(sections, service.revise(id, request.toDraft(), CurrentActor.get()));
    }

    @PostMapping("/{id}/opening")
    @PreAuthorize("hasAnyRole('section-staff', 'disclosure-office')")
    ConsultationView open(@PathVariable String id) {
        return ConsultationView.of(sections, service.open(id, CurrentActor.get()));
    }

    @PutMapping("/{id}/comment-visibility")
    @PreAuthorize("hasAnyRole('section-staff', 'disclosure-office')")
    ConsultationView commentVisibility(@PathVariable String id, @Valid @RequestBody CommentVisibilityRequest request) {
        return ConsultationView.of(sections, service.showCommentsPublicly(id, request.commentsPublic(), request.reason(), CurrentActor.get()));
    }
}
