package org.gongkai.publication.concern;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.AccessRules.SectionStaffOrOffice;
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

/** Staff routes for public concerns: register, escalate, respond. */
@Tag(name = "回应社会关切", description = "工作人员登记监测到的社会关切（舆情），在 48 小时内作出回应，必要时提请宣传、网信等部门会商。需登录。")
@RestController
@RequestMapping("/api/concerns")
class ConcernController {

    private final ConcernService concerns;
    private final org.gongkai.support.organisation.Sections sections;

    ConcernController(ConcernService concerns, org.gongkai.support.organisation.Sections sections) {
        this.concerns = concerns;
        this.sections = sections;
    }

    record RegisterRequest(@NotBlank @Size(max = 100) String source, @Size(max = 500) String link, @NotNull Instant firstSeenAt,
            @NotBlank @Size(max = 2000) String summary, @NotNull Severity severity, @NotBlank @Size(max = 64) String section,
            boolean crossDepartment) {
    }

    record ResponseRequest(@NotBlank @Size(max = 5000) String text, @NotBlank @Size(max = 60) String channel, Instant at) {
    }

    record EscalationRequest(@NotEmpty Set<@NotNull Department> departments, @NotBlank @Size(max = 2000) String proposal) {
    }

    record ConcernView(String id, String source, String link, Instant firstSeenAt, String summary, Severity severity,
            String severityLabel, String section, String sectionLabel, boolean crossDepartment, Instant responseDueAt, boolean answered, Boolean answeredOnTime,
            List<Concern.Response> responses, Concern.Escalation escalation, List<AuditEntry> audit) {
        static ConcernView of(org.gongkai.support.organisation.Sections sections, Concern c) {
            return new ConcernView(c.id(), c.source(), c.link(), c.firstSeenAt(), c.summary(), c.severity(),
                    c.severity() == null ? null : c.severity().label(), c.section(), sections.label(c.section()),
                    c.crossDepartment(), c.responseDueAt(), !c.responses().isEmpty(),
                    c.responses().isEmpty() ? null : c.isAnsweredOnTime(), c.responses(), c.escalation(), c.audit());
        }
    }

    @Operation(summary = "登记社会关切",
            description = "登记一条社会关切：来源、链接、首次发现时间、内容摘要、严重程度、负责股室、是否涉及多个部门。登记后开始计算回应时限。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    ConcernView register(@Valid @RequestBody RegisterRequest r, @AuthenticationPrincipal Actor actor) {
        return ConcernView.of(sections, concerns.register(r.source(), r.link(), r.firstSeenAt(), r.summary(), r.severity(), r.section(),
                r.crossDepartment(), actor));
    }

    @Operation(summary = "查看社会关切列表",
            description = "分页列出当前用户可见的社会关切及其回应期限、是否已回应、是否按时回应，最近发现的在前；股室工作人员只看到本股室的。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<ConcernView> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(concerns.list(actor, page, size), c -> ConcernView.of(sections, c));
    }

    @Operation(summary = "查看一条社会关切",
            description = "查看社会关切的详情、各次回应、会商情况和操作记录。")
    @GetMapping("/{id}")
    @SignedIn
    ConcernView get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return ConcernView.of(sections, concerns.get(id, actor));
    }

    @Operation(summary = "登记回应",
            description = "登记对社会关切的回应：回应内容、发布渠道和发布时间（不填为现在）。回应随后在公开的“回应关切”栏目中公布。")
    @PostMapping("/{id}/responses")
    @SectionStaffOrOffice
    ConcernView respond(@PathVariable String id, @Valid @RequestBody ResponseRequest r, @AuthenticationPrincipal Actor actor) {
        return ConcernView.of(sections, concerns.respond(id, r.text(), r.channel(), r.at(), actor));
    }

    @Operation(summary = "提请部门会商",
            description = "涉及多个部门的关切，提请宣传部门、网信部门、应急管理部门或政务公开部门会商，写明处置建议。")
    @PostMapping("/{id}/escalation")
    @SectionStaffOrOffice
    ConcernView escalate(@PathVariable String id, @Valid @RequestBody EscalationRequest r, @AuthenticationPrincipal Actor actor) {
        return ConcernView.of(sections, concerns.escalate(id, r.departments(), r.proposal(), actor));
    }
}
