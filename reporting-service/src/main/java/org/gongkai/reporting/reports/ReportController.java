package org.gongkai.reporting.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gongkai.reporting.facts.Period;
import org.gongkai.reporting.figures.FiguresExport;
import org.gongkai.reporting.figures.SectionFigures;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.CurrentActor;
import org.gongkai.support.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

    @PostMapping("/sections/{section}/reports/{period}")
    @ResponseStatus(HttpStatus.CREATED)
    ReportView start(@PathVariable String section, @PathVariable String period) {
        return ReportView.of(sections, reports.start(section, Period.parse(period), CurrentActor.get()));
    }

    @GetMapping("/sections/{section}/reports/{period}")
    ReportView get(@PathVariable String section, @PathVariable String period) {
        return ReportView.of(sections, reports.get(section, Period.parse(period), CurrentActor.get()));
    }

    @PutMapping("/sections/{section}/reports/{period}/narrative")
    ReportView write(@PathVariable String section, @PathVariable String period, @Valid @RequestBody NarrativeRequest r) {
        return ReportView.of(sections, reports.write(section, Period.parse(period), new Narrative(r.workDone(), r.problems(), r.nextSteps()),
                CurrentActor.get()));
    }

    @PostMapping("/sections/{section}/reports/{period}/submission")
    ReportView submit(@PathVariable String section, @PathVariable String period) {
        return ReportView.of(sections, reports.submit(section, Period.parse(period), CurrentActor.get()));
    }

    @PostMapping("/sections/{section}/reports/{period}/acceptance")
    @PreAuthorize("hasRole('disclosure-office')")
    ReportView accept(@PathVariable String section, @PathVariable String period) {
        return ReportView.of(sections, reports.accept(section, Period.parse(period), CurrentActor.get()));
    }

    @PostMapping("/sections/{section}/reports/{period}/return")
    @PreAuthorize("hasRole('disclosure-office')")
    ReportView returnForRevision(@PathVariable String section, @PathVariable String period, @Valid @RequestBody ReturnRequest r) {
        return ReportView.of(sections, reports.returnForRevision(section, Period.parse(period), r.reason(), CurrentActor.get()));
    }

    /** The report as written and frozen: its figures, then the narrative, as XLSX or CSV. */
    @GetMapping("/sections/{section}/reports/{period}/export")
    ResponseEntity<byte[]> export(@PathVariable String section, @PathVariable String period,
            @RequestParam(defaultValue = "xlsx") String format) {
        SectionReport report = reports.get(section, Period.parse(period), CurrentActor.get());
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

    @GetMapping("/reports/overdue")
    @PreAuthorize("hasAnyRole('disclosure-office', 'leader', 'admin')")
    List<ReportService.OverdueSection> overdue(@RequestParam String period) {
        return reports.overdue(Period.parse(period)).stream().map(o -> o.withSectionLabel(sections.label(o.section()))).toList();
    }
}
