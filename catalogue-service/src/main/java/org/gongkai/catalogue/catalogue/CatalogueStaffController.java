package org.gongkai.catalogue.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.CurrentActor;
import org.gongkai.support.web.PageView;
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
@Tag(name = "目录维护", description = "工作人员维护政务公开事项目录：各股室提出修订建议，政务公开办公室审定、核实待核实事项、导入表格、发布新版本。需登录。")
@RestController
@RequestMapping("/api/catalogues")
class CatalogueStaffController {

    private final CatalogueService catalogues;
    private final org.gongkai.support.organisation.Sections sections;

    CatalogueStaffController(CatalogueService catalogues, org.gongkai.support.organisation.Sections sections) {
        this.catalogues = catalogues;
        this.sections = sections;
    }

    record ProposalRequest(@NotBlank @Size(max = 64) String section, @NotNull ProposalKind kind, @Size(max = 20) String itemCode,
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

    @Operation(summary = "提出目录修订建议",
            description = "股室工作人员为本股室负责的事项提出修订建议：新增事项、细化事项、认领责任或标为县级不适用，写明理由，交政务公开办公室审定。只能为本股室提出。")
    @PostMapping("/{catalogue}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('section-staff')")
    ProposalView propose(@PathVariable String catalogue, @Valid @RequestBody ProposalRequest request) {
        return ProposalView.of(sections, catalogues.propose(catalogue, request.section(), request.kind(), request.itemCode(),
                request.level1(), request.changes(), request.reason(), CurrentActor.get()));
    }

    @Operation(summary = "查看修订建议列表",
            description = "分页列出当前用户可见的修订建议，按建议编号排序：股室工作人员看到本股室的建议，政务公开办公室、领导和管理员看到全部建议。page 从 0 开始，size 最多 100。")
    @GetMapping("/proposals")
    PageView<ProposalView> proposals(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(catalogues.proposals(CurrentActor.get(), page, size), p -> ProposalView.of(sections, p));
    }

    @Operation(summary = "查看一条修订建议",
            description = "查看修订建议的内容、状态、审定结果和操作记录。看不到其他股室的建议。")
    @GetMapping("/proposals/{id}")
    ProposalView proposal(@PathVariable String id) {
        return ProposalView.of(sections, catalogues.proposal(id, CurrentActor.get()));
    }

    @Operation(summary = "审定修订建议",
            description = "政务公开办公室同意或不同意一条修订建议，并写明理由。同意的修改进入目录的下一个草稿版本；已有决定的建议不能再次审定。")
    @PostMapping("/proposals/{id}/decision")
    @PreAuthorize("hasRole('disclosure-office')")
    ProposalView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return ProposalView.of(sections, catalogues.decide(id, request.approve(), request.reason(), CurrentActor.get()));
    }

    /** The rows of the version in force that sources back least, reconstructed first: what the office confirms first. */
    @Operation(summary = "查看待核实事项",
            description = "分页列出现行版本中尚未经公开文本印证的事项，依据最少、系重建的事项排在前面（其次按目录中的顺序），供政务公开办公室逐条核实。page 从 0 开始，size 最多 100。")
    @GetMapping("/{catalogue}/rows-to-confirm")
    @PreAuthorize("hasAnyRole('disclosure-office', 'leader', 'admin')")
    PageView<CatalogueItem> rowsToConfirm(@PathVariable String catalogue,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        // the rows of one stored version, paged in memory
        return PageView.of(catalogues.rowsToConfirm(catalogue), page, size);
    }

    record ConfirmationRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String checkedAgainst) {
    }

    /** The office confirms one 待核实 row into the open draft; the confirmation is published with the next version. */
    @Operation(summary = "核实一个事项",
            description = "政务公开办公室对照原件或公开文本核实一个“待核实”事项，写明核对依据。核实结果记入草稿版本，随下一个版本发布，并留有操作记录。")
    @PostMapping("/{catalogue}/items/{code}/confirmation")
    @PreAuthorize("hasRole('disclosure-office')")
    PublicCatalogueController.VersionView confirm(@PathVariable String catalogue, @PathVariable String code,
            @Valid @RequestBody ConfirmationRequest request) {
        return PublicCatalogueController.VersionView.of(catalogues.confirmRow(catalogue, code, request.checkedAgainst(), CurrentActor.get()));
    }

    @Operation(summary = "查看目录草稿版本",
            description = "查看指定目录尚未发布的草稿版本（已同意的修订、导入和核实都先进入草稿）。没有草稿时返回“没有草稿”。")
    @GetMapping("/{catalogue}/draft")
    @PreAuthorize("hasAnyRole('disclosure-office', 'section-staff', 'leader', 'admin')")
    PublicCatalogueController.VersionView draft(@PathVariable String catalogue) {
        return PublicCatalogueController.VersionView.of(catalogues.draft(catalogue)
                .orElseThrow(() -> DomainException.notFound("no-draft", "目录“" + catalogue + "”目前没有未发布的草稿版本。")));
    }

    @Operation(summary = "放弃目录草稿版本",
            description = "政务公开办公室放弃尚未发布的草稿版本。草稿中已有经审定的修改时不能放弃。")
    @DeleteMapping("/{catalogue}/draft")
    @PreAuthorize("hasRole('disclosure-office')")
    ResponseEntity<Void> discard(@PathVariable String catalogue) {
        catalogues.discardDraft(catalogue, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "发布目录新版本",
            description = "政务公开办公室发布草稿版本，并确定施行日期。发布后该版本成为现行版本，公众可查阅，其他服务同步收到新版本。")
    @PostMapping("/{catalogue}/versions/{version}/publication")
    @PreAuthorize("hasRole('disclosure-office')")
    PublicCatalogueController.VersionSummary publish(@PathVariable String catalogue, @PathVariable int version,
            @Valid @RequestBody PublishRequest request) {
        return PublicCatalogueController.VersionSummary.of(catalogues.publish(catalogue, version, request.effectiveFrom(),
                CurrentActor.get()));
    }

    @Operation(summary = "导入目录表格",
            description = "政务公开办公室上传官方样式的目录表格（xlsx，或 UTF-8/GB18030 编码的 csv，表头上方可有标题行），生成新的草稿版本。表格有误时逐项说明哪一行哪一栏不对。")
    @PostMapping(path = "/{catalogue}/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('disclosure-office')")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogueService.ImportReport importTable(@PathVariable String catalogue, @RequestParam("file") MultipartFile file)
            throws IOException {
        return catalogues.importTable(catalogue, file.getOriginalFilename(), file.getBytes(), CurrentActor.get());
    }
}
