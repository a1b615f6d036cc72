package org.gongkai.catalogue.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Staff routes: sections propose, the disclosure office decides, imports and publishes versions. */
@RestController
@RequestMapping("/api/catalogues")
class CatalogueStaffController {

    private final CatalogueService catalogues;
    private final org.gongkai.support.organisation.Sections sections;

    CatalogueStaffController(CatalogueService catalogues, org.gongkai.support.organisation.Sections sections) {
        this.catalogues = catalogues;
        this.sections = sections;
    }

    record ProposalRequest(@NotBlank String section, @NotNull ProposalKind kind, @Size(max = 20) String itemCode,
            @Size(max = 40) String level1, @Valid ItemChanges changes, @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Boolean approve, @Size(max = 2000) String reason) {
    }

    record PublishRequest(@NotNull LocalDate effectiveFrom) {
    }

    record ProposalView(String id, String catalogue, String section, String sectionLabel, String proposer, ProposalKind kind, String kindLabel,
            String itemCode, String level1, ItemChanges changes, String reason, Proposal.Status status, String statusLabel,
            String decidedBy, String decisionReason, Integer appliedToVersion, String resultingItemCode, List<AuditEntry> audit) {
        static ProposalView of(org.gongkai.support.organisation.Sections sections, Proposal p) {
            return new ProposalView(p.id(), p.catalogue(), p.section(), sections.label(p.section()), p.proposer(), p.kind(),
                    p.kind() == null ? null : p.kind().label(), p.itemCode(), p.level1(), p.changes(), p.reason(), p.status(),
                    p.status() == null ? null : p.status().label(), p.decidedBy(), p.decisionReason(), p.appliedToVersion(),
                    p.resultingItemCode(), p.audit());
        }
    }

    @PostMapping("/{catalogue}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('section-staff')")
    ProposalView propose(@PathVariable String catalogue, @Valid @RequestBody ProposalRequest request) {
        return ProposalView.of(sections, catalogues.propose(catalogue, request.section(), request.kind(), request.itemCode(),
                request.level1(), request.changes(), request.reason(), CurrentActor.get()));
    }

    @GetMapping("/proposals")
    List<ProposalView> proposals() {
        return catalogues.proposals(CurrentActor.get()).stream().map(p -> ProposalView.of(sections, p)).toList();
    }

    @GetMapping("/proposals/{id}")
    ProposalView proposal(@PathVariable String id) {
        return ProposalView.of(sections, catalogues.proposal(id, CurrentActor.get()));
    }

    @PostMapping("/proposals/{id}/decision")
    @PreAuthorize("hasRole('disclosure-office')")
    ProposalView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return ProposalView.of(sections, catalogues.decide(id, request.approve(), request.reason(), CurrentActor.get()));
    }

    /** The rows of the version in force that sources back least, reconstructed first: what the office confirms first. */
    @GetMapping("/{catalogue}/rows-to-confirm")
    @PreAuthorize("hasAnyRole('disclosure-office', 'leader', 'admin')")
    List<CatalogueItem> rowsToConfirm(@PathVariable String catalogue) {
        return catalogues.rowsToConfirm(catalogue);
    }

    record ConfirmationRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String checkedAgainst) {
    }

    /** The office confirms one 待核实 row into the open draft; the confirmation is published with the next version. */
    @PostMapping("/{catalogue}/items/{code}/confirmation")
    @PreAuthorize("hasRole('disclosure-office')")
    PublicCatalogueController.VersionView confirm(@PathVariable String catalogue, @PathVariable String code,
            @Valid @RequestBody ConfirmationRequest request) {
        return PublicCatalogueController.VersionView.of(catalogues.confirmRow(catalogue, code, request.checkedAgainst(), CurrentActor.get()));
    }

    @GetMapping("/{catalogue}/draft")
    @PreAuthorize("hasAnyRole('disclosure-office', 'section-staff', 'leader', 'admin')")
    PublicCatalogueController.VersionView draft(@PathVariable String catalogue) {
        return PublicCatalogueController.VersionView.of(catalogues.draft(catalogue)
                .orElseThrow(() -> DomainException.notFound("no-draft", "目录“" + catalogue + "”目前没有未发布的草稿版本。")));
    }

    @DeleteMapping("/{catalogue}/draft")
    @PreAuthorize("hasRole('disclosure-office')")
    ResponseEntity<Void> discard(@PathVariable String catalogue) {
        catalogues.discardDraft(catalogue, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{catalogue}/versions/{version}/publication")
    @PreAuthorize("hasRole('disclosure-office')")
    PublicCatalogueController.VersionSummary publish(@PathVariable String catalogue, @PathVariable int version,
            @Valid @RequestBody PublishRequest request) {
        return PublicCatalogueController.VersionSummary.of(catalogues.publish(catalogue, version, request.effectiveFrom(),
                CurrentActor.get()));
    }

    @PostMapping(path = "/{catalogue}/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('disclosure-office')")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogueService.ImportReport importTable(@PathVariable String catalogue, @RequestParam("file") MultipartFile file)
            throws IOException {
        return catalogues.importTable(catalogue, file.getOriginalFilename(), file.getBytes(), CurrentActor.get());
    }
}
