package org.gongkai.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresExport;
import org.gongkai.reporting.figures.SectionFigures;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.AccessRules.OfficeLeadershipOrAdmin;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.security.AccessRules.SectionStaff;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.Downloads;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Semiannual progress reports of sections (O3). */
@Tag(name = "半年进展报告", description = "各股室每半年填报政务公开工作进展报告，政务公开办公室审核、退回或接收。需登录。")
@RestController
@RequestMapping("/api/reporting")
class ReportController {

    private final ReportService reports;
    private final org.gongkai.support.organisation.Sections sections;

    ReportController(ReportService reports, org.gongkai.support.organisation.Sections sections) {
        this.reports = reports;
        this.sections = sections;
    }

    record NarrativeRequest(@NotBlank @Size(max = 20_000) String workDone, @Size(max = 20_000) String problems,
            @Size(max = 20_000) String nextSteps) {
    }

    record ReturnRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ReportView(String section, String sectionLabel, String period, LocalDate dueOn, SectionReport.Status status, String statusLabel,
            SectionFigures figures, Narrative narrative, Instant submittedAt, Boolean submittedLate, String returnReason,
            List<AuditEntry> audit) {
        static ReportView of(org.gongkai.support.organisation.Sections sections, SectionReport r) {
            return new ReportView(r.section(), sections.label(r.section()), r.period(), r.dueOn(), r.status(), r.status() == null ? null : r.status().label(), r.figures(), r.narrative(), r.submittedAt(),
                    r.submittedLate(), r.returnReason(), r.audit());
        }
    }

    @Operation(summary = "开始填报进展报告",
            description = "为股室某一期间（如 2026-H2）的进展报告建立草稿，自动带入该期间的统计数据。")
    @PostMapping("/sections/{section}/reports/{period}")
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaff
    ReportView start(@PathVariable String section, @PathVariable String period, @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.start(section, Period.parse(period), actor));
    }

    @Operation(summary = "查看进展报告",
            description = "查看股室某一期间的进展报告：统计数据、文字内容、报送期限、状态、是否逾期和操作记录。")
    @GetMapping("/sections/{section}/reports/{period}")
    @SignedIn
    ReportView get(@PathVariable String section, @PathVariable String period, @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.get(section, Period.parse(period), actor));
    }

    @Operation(summary = "填写报告文字",
            description = "填写或修改报告的文字部分：已做工作（必填）、存在问题、下一步打算。")
    @PutMapping("/sections/{section}/reports/{period}/narrative")
    @SectionStaff
    ReportView write(@PathVariable String section, @PathVariable String period, @Valid @RequestBody NarrativeRequest r,
            @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.write(section, Period.parse(period), new Narrative(r.workDone(), r.problems(), r.nextSteps()),
                actor));
    }

    @Operation(summary = "报送进展报告",
            description = "股室把进展报告报送政务公开办公室；报送时统计数据随之固定，超过报送期限的标为逾期。")
    @PostMapping("/sections/{section}/reports/{period}/submission")
    @SectionStaff
    ReportView submit(@PathVariable String section, @PathVariable String period, @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.submit(section, Period.parse(period), actor));
    }

    @Operation(summary = "接收进展报告",
            description = "政务公开办公室审核后接收股室报送的进展报告。")
    @PostMapping("/sections/{section}/reports/{period}/acceptance")
    @OfficeOnly
    ReportView accept(@PathVariable String section, @PathVariable String period, @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.accept(section, Period.parse(period), actor));
    }

    @Operation(summary = "退回进展报告",
            description = "政务公开办公室把进展报告退回股室修改，须写明退回理由。")
    @PostMapping("/sections/{section}/reports/{period}/return")
    @OfficeOnly
    ReportView returnForRevision(@PathVariable String section, @PathVariable String period, @Valid @RequestBody ReturnRequest r,
            @AuthenticationPrincipal Actor actor) {
        return ReportView.of(sections, reports.returnForRevision(section, Period.parse(period), r.reason(), actor));
    }

    /** The report as written and frozen: its figures, then the narrative, as XLSX or CSV. */
    @Operation(summary = "导出进展报告",
            description = "把进展报告（统计数据和文字内容）导出为 xlsx（默认）或 csv。")
    @GetMapping("/sections/{section}/reports/{period}/export")
    @SignedIn
    ResponseEntity<byte[]> export(@PathVariable String section, @PathVariable String period,
            @RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal Actor actor) {
        SectionReport report = reports.get(section, Period.parse(period), actor);
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"status", report.status().name()});
        rows.add(new String[] {"dueOn", String.valueOf(report.dueOn())});
        rows.add(new String[] {"submittedLate", report.submittedLate() == null ? "" : String.valueOf(report.submittedLate())});
        rows.addAll(FiguresExport.rows(report.figures()));
        if (report.narrative() != null) {
            rows.addAll(FiguresExport.rows(report.narrative()));
        }
        return Downloads.table(section + "-report-" + period, format, () -> FiguresExport.xlsx(rows), () -> FiguresExport.csv(rows));
    }

    @Operation(summary = "查看逾期未报的股室",
            description = "政务公开办公室、领导和管理员分页查看某一期间尚未按期报送进展报告的股室，按股室的固定顺序。page 从 0 开始，size 最多 100。")
    @GetMapping("/reports/overdue")
    @OfficeLeadershipOrAdmin
    PageView<ReportService.OverdueSection> overdue(@RequestParam String period,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        // at most one row per section, a handful: paged in memory
        return PageView.of(reports.overdue(Period.parse(period)), page, size).map(o -> o.withSectionLabel(sections.label(o.section())));
    }
}
