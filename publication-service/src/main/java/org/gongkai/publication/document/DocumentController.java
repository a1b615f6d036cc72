package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gongkai.publication.document.ReviewStep.ReviewDecision;
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

/** Staff routes of the document lifecycle. Roles are checked here coarsely and again by the domain. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService service;

    DocumentController(DocumentService service) {
        this.service = service;
    }

    record DraftRequest(
            @NotBlank @Size(max = 60) String documentNumber,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200_000) String body,
            @NotBlank @Size(max = 20) String catalogueItemCode,
            boolean issuedInCountyName,
            @NotNull DisclosureAttribute disclosureAttribute,
            LegalBasis legalBasis,
            boolean mayInvolveStateSecrets) {
    }

    record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = 2000) String note) {
    }

    record IssueRequest(LocalDate issuedOn) {
    }

    record PublishRequest(LocalDate publishedOn, @Size(max = 13) List<@NotBlank String> channels) {
    }

    record TransferRequest(LocalDate transferredOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('section-staff')")
    DocumentView draft(@Valid @RequestBody DraftRequest request) {
        return DocumentView.of(service.draft(new PolicyDocument.Draft(request.documentNumber(), request.title(), request.body(),
                request.catalogueItemCode(), request.issuedInCountyName(), request.disclosureAttribute(), request.legalBasis(),
                request.mayInvolveStateSecrets()), CurrentActor.get()));
    }

    @GetMapping
    List<DocumentView> list() {
        return service.list(CurrentActor.get()).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable String id) {
        return DocumentView.of(service.get(id, CurrentActor.get()));
    }

    @PostMapping("/{id}/submission")
    DocumentView submit(@PathVariable String id) {
        return DocumentView.of(service.submit(id, CurrentActor.get()));
    }

    @PostMapping("/{id}/reviews")
    @PreAuthorize("hasAnyRole('disclosure-office', 'confidentiality-officer')")
    DocumentView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return DocumentView.of(service.review(id, request.decision(), request.note(), CurrentActor.get()));
    }

    @PostMapping("/{id}/issuance")
    DocumentView issue(@PathVariable String id, @Valid @RequestBody(required = false) IssueRequest request) {
        return DocumentView.of(service.issue(id, request == null ? null : request.issuedOn(), CurrentActor.get()));
    }

    @PostMapping("/{id}/publication")
    DocumentView publish(@PathVariable String id, @Valid @RequestBody(required = false) PublishRequest request) {
        return DocumentView.of(service.publish(id, request == null ? null : request.publishedOn(),
                request == null ? null : request.channels(), CurrentActor.get()));
    }

    @PostMapping("/{id}/reading-room-transfer")
    DocumentView transfer(@PathVariable String id, @Valid @RequestBody(required = false) TransferRequest request) {
        return DocumentView.of(service.transferToReadingRoom(id, request == null ? null : request.transferredOn(), CurrentActor.get()));
    }

    @GetMapping("/deadline-board")
    @PreAuthorize("hasAnyRole('disclosure-office', 'leader', 'admin')")
    List<DocumentView> deadlineBoard() {
        return service.awaitingPublication().stream().map(DocumentView::of).toList();
    }
}
