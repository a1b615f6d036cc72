package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of the document lifecycle. Roles are checked here coarsely and again by the domain. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService service;
    private final org.gongkai.support.organisation.Sections sections;

    DocumentController(DocumentService service, org.gongkai.support.organisation.Sections sections) {
        this.service = service;
        this.sections = sections;
    }

    record AttachmentRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String mediaType,
            @NotBlank String contentBase64) {
    }

    record DraftRequest(
            @NotBlank @Size(max = 60) String documentNumber,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200_000) String body,
            @NotBlank @Size(max = 20) String catalogueItemCode,
            boolean issuedInCountyName,
            @NotNull DisclosureAttribute disclosureAttribute,
            LegalBasis legalBasis,
            boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed,
            @Size(max = PolicyDocument.MAX_ATTACHMENTS) List<@NotNull @Valid AttachmentRequest> attachments) {

        PolicyDocument.Draft toDraft() {
            return new PolicyDocument.Draft(documentNumber, title, body, catalogueItemCode, issuedInCountyName,
                    disclosureAttribute, legalBasis, mayInvolveStateSecrets, interpretationNeed,
                    attachments == null ? List.of() : attachments.stream()
                            .map(a -> new Attachment(a.name(), a.mediaType(), 0, a.contentBase64())).toList());
        }
    }

    record AuthorityRulingRequest(@NotBlank @Size(max = 100) String authority, @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 100) String reference) {
    }

    /**
     * {@code authorityRuling}: the competent authority's decision, recorded at the entitled-organ step;
     * {@code responsibleHead}: the unit head who signed off, required when the office finally approves.
     */
    record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = 2000) String note,
            @Valid AuthorityRulingRequest authorityRuling, @Size(max = 50) String responsibleHead) {

        AuthorityRuling ruling() {
            return authorityRuling == null ? null
                    : new AuthorityRuling(authorityRuling.authority(), authorityRuling.decidedOn(), authorityRuling.reference());
        }
    }

    record MediaRequest(@NotNull InterpretationForm form, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 500) String location) {
    }

    record InterpretationRequest(@NotBlank @Size(max = 100_000) String content, @NotNull List<@NotNull InterpretationForm> forms,
            boolean textUsesCasesDataOrQa, @NotNull Set<@NotNull InterpretationElement> elementsCovered,
            @Size(max = 20) List<@NotNull @Valid MediaRequest> media) {

        List<InterpretationMedia> toMedia() {
            return media == null ? List.of() : media.stream().map(m -> new InterpretationMedia(m.form(), m.title(), m.location())).toList();
        }
    }

    record CoordinationRequest(@NotNull LocalDate on, @NotBlank String propagandaContact, @NotBlank String cyberspaceContact,
            @Size(max = 2000) String note) {
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
        return view(service.draft(request.toDraft(), CurrentActor.get()));
    }

    @GetMapping
    List<DocumentView> list() {
        return service.list(CurrentActor.get()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable String id) {
        return view(service.get(id, CurrentActor.get()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('section-staff')")
    DocumentView revise(@PathVariable String id, @Valid @RequestBody DraftRequest request) {
        return view(service.revise(id, request.toDraft(), CurrentActor.get()));
    }

    @PostMapping("/{id}/submission")
    DocumentView submit(@PathVariable String id) {
        return view(service.submit(id, CurrentActor.get()));
    }

    @PostMapping("/{id}/reviews")
    @PreAuthorize("hasAnyRole('disclosure-office', 'confidentiality-officer')")
    DocumentView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return view(service.review(id, request.decision(), request.note(), request.ruling(), request.responsibleHead(),
                CurrentActor.get()));
    }

    @PutMapping("/{id}/interpretation")
    @PreAuthorize("hasRole('section-staff')")
    DocumentView interpret(@PathVariable String id, @Valid @RequestBody InterpretationRequest r) {
        return view(service.draftInterpretation(id, new Interpretation(r.content(), r.forms(), r.textUsesCasesDataOrQa(),
                r.elementsCovered(), null, null, null, null, r.toMedia()), CurrentActor.get()));
    }

    @PostMapping("/{id}/interpretation/review")
    @PreAuthorize("hasRole('disclosure-office')")
    DocumentView reviewInterpretation(@PathVariable String id) {
        return view(service.reviewInterpretation(id, CurrentActor.get()));
    }

    @PostMapping("/{id}/coordination")
    DocumentView coordinate(@PathVariable String id, @Valid @RequestBody CoordinationRequest r) {
        return view(service.recordCoordination(id, new Coordination(r.on(), r.propagandaContact(), r.cyberspaceContact(),
                r.note(), null), CurrentActor.get()));
    }

    @PostMapping("/{id}/issuance")
    DocumentView issue(@PathVariable String id, @Valid @RequestBody(required = false) IssueRequest request) {
        return view(service.issue(id, request == null ? null : request.issuedOn(), CurrentActor.get()));
    }

    @PostMapping("/{id}/publication")
    DocumentView publish(@PathVariable String id, @Valid @RequestBody(required = false) PublishRequest request) {
        return view(service.publish(id, request == null ? null : request.publishedOn(),
                request == null ? null : request.channels(), CurrentActor.get()));
    }

    @PostMapping("/{id}/reading-room-transfer")
    DocumentView transfer(@PathVariable String id, @Valid @RequestBody(required = false) TransferRequest request) {
        return view(service.transferToReadingRoom(id, request == null ? null : request.transferredOn(), CurrentActor.get()));
    }

    @GetMapping("/deadline-board")
    @PreAuthorize("hasAnyRole('disclosure-office', 'leader', 'admin')")
    List<DocumentView> deadlineBoard() {
        return service.awaitingPublication().stream().map(this::view).toList();
    }

    /** After an administrator added calendar data: reload it now and recompute open deadlines. */
    @PostMapping("/deadlines/recalculation")
    @PreAuthorize("hasAnyRole('admin', 'disclosure-office')")
    Map<String, Integer> recalculate() {
        return Map.of("deadlinesChanged", service.reloadCalendarAndRecompute());
    }

    private DocumentView view(PolicyDocument document) {
        return DocumentView.of(document, service.today(), sections.label(document.section()));
    }
}
