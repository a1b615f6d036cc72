package org.gongkai.catalogue.version;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.catalogue.access.CatalogueAccessRules.DraftReaders;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.AccessRules.OfficeLeadershipOrAdmin;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of the catalogues' versions: rows to confirm, the open draft, confirmation, discarding, publishing. */
@Tag(name = "目录维护", description = "工作人员维护政务公开事项目录：各股室提出修订建议，政务公开办公室审定、核实待核实事项、导入表格、发布新版本。需登录。")
@RestController
@RequestMapping("/api/catalogues")
class VersionStaffController {

    private final CatalogueService catalogues;

    VersionStaffController(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    record PublishRequest(@NotNull LocalDate effectiveFrom) {
    }

    /** The rows of the version in force that sources back least, reconstructed first: what the office confirms first. */
    @Operation(summary = "查看待核实事项",
            description = "分页列出现行版本中尚未经公开文本印证的事项，依据最少、系重建的事项排在前面（其次按目录中的顺序），供政务公开办公室逐条核实。page 从 0 开始，size 最多 100。")
    @GetMapping("/{catalogue}/rows-to-confirm")
    @OfficeLeadershipOrAdmin
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
    @OfficeOnly
    PublicCatalogueController.VersionView confirm(@PathVariable String catalogue, @PathVariable String code,
            @Valid @RequestBody ConfirmationRequest request, @AuthenticationPrincipal Actor actor) {
        return PublicCatalogueController.VersionView.of(catalogues.confirmRow(catalogue, code, request.checkedAgainst(), actor));
    }

    @Operation(summary = "查看目录草稿版本",
            description = "查看指定目录尚未发布的草稿版本（已同意的修订、导入和核实都先进入草稿）。没有草稿时返回“没有草稿”。")
    @GetMapping("/{catalogue}/draft")
    @DraftReaders
    PublicCatalogueController.VersionView draft(@PathVariable String catalogue) {
        return PublicCatalogueController.VersionView.of(catalogues.draft(catalogue)
                .orElseThrow(() -> DomainException.notFound("no-draft", "目录“" + catalogue + "”目前没有未发布的草稿版本。")));
    }

    @Operation(summary = "放弃目录草稿版本",
            description = "政务公开办公室放弃尚未发布的草稿版本。草稿中已有经审定的修改时不能放弃。")
    @DeleteMapping("/{catalogue}/draft")
    @OfficeOnly
    ResponseEntity<Void> discard(@PathVariable String catalogue, @AuthenticationPrincipal Actor actor) {
        catalogues.discardDraft(catalogue, actor);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "发布目录新版本",
            description = "政务公开办公室发布草稿版本，并确定施行日期。发布后该版本成为现行版本，公众可查阅，其他服务同步收到新版本。")
    @PostMapping("/{catalogue}/versions/{version}/publication")
    @OfficeOnly
    PublicCatalogueController.VersionSummary publish(@PathVariable String catalogue, @PathVariable int version,
            @Valid @RequestBody PublishRequest request, @AuthenticationPrincipal Actor actor) {
        return PublicCatalogueController.VersionSummary.of(catalogues.publish(catalogue, version, request.effectiveFrom(),
                actor));
    }
}
