package org.gongkai.catalogue.proposal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.catalogue.version.ItemChanges;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.security.AccessRules.SectionStaff;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of refining the catalogues: sections propose, the disclosure office decides. */
@Tag(name = "目录维护", description = "工作人员维护政务公开事项目录：各股室提出修订建议，政务公开办公室审定、核实待核实事项、导入表格、发布新版本。需登录。")
@RestController
@RequestMapping("/api/catalogues")
class ProposalController {

    private final ProposalService proposals;
    private final org.gongkai.support.organisation.Sections sections;

    ProposalController(ProposalService proposals, org.gongkai.support.organisation.Sections sections) {
        this.proposals = proposals;
        this.sections = sections;
    }

    record ProposalRequest(@NotBlank @Size(max = 64) String section, @NotNull ProposalKind kind, @Size(max = 20) String itemCode,
            @Size(max = 40) String level1, @Valid ItemChanges changes, @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Boolean approve, @Size(max = 2000) String reason) {
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
    @SectionStaff
    ProposalView propose(@PathVariable String catalogue, @Valid @RequestBody ProposalRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ProposalView.of(sections, proposals.propose(catalogue, request.section(), request.kind(), request.itemCode(),
                request.level1(), request.changes(), request.reason(), actor));
    }

    @Operation(summary = "查看修订建议列表",
            description = "分页列出当前用户可见的修订建议，按建议编号排序：股室工作人员看到本股室的建议，政务公开办公室、领导和管理员看到全部建议。page 从 0 开始，size 最多 100。")
    @GetMapping("/proposals")
    @SignedIn
    PageView<ProposalView> proposals(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(proposals.proposals(actor, page, size), p -> ProposalView.of(sections, p));
    }

    @Operation(summary = "查看一条修订建议",
            description = "查看修订建议的内容、状态、审定结果和操作记录。看不到其他股室的建议。")
    @GetMapping("/proposals/{id}")
    @SignedIn
    ProposalView proposal(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return ProposalView.of(sections, proposals.proposal(id, actor));
    }

    @Operation(summary = "审定修订建议",
            description = "政务公开办公室同意或不同意一条修订建议，并写明理由。同意的修改进入目录的下一个草稿版本；已有决定的建议不能再次审定。")
    @PostMapping("/proposals/{id}/decision")
    @OfficeOnly
    ProposalView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ProposalView.of(sections, proposals.decide(id, request.approve(), request.reason(), actor));
    }
}
