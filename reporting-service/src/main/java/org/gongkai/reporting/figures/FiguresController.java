package org.gongkai.reporting.figures;

import java.util.List;

import org.gongkai.reporting.facts.Period;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.Actor;
import org.gongkai.support.security.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures per section and county-wide, and the leadership report. A section reads only its own figures. */
@RestController
@RequestMapping("/api/reporting")
public class FiguresController {

    private final FiguresService figures;

    FiguresController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/sections/{section}/figures")
    SectionFigures section(@PathVariable String section, @RequestParam String period) {
        requireOwnOrOverseer(section);
        return figures.section(section, Period.parse(period));
    }

    @GetMapping("/sections/{section}/figures/export")
    ResponseEntity<byte[]> exportSection(@PathVariable String section, @RequestParam String period,
            @RequestParam(defaultValue = "xlsx") String format) {
        requireOwnOrOverseer(section);
        SectionFigures f = figures.section(section, Period.parse(period));
        return file(section + "-" + period, format, () -> FiguresExport.xlsx(f), () -> FiguresExport.csv(FiguresExport.rows(f)));
    }

    @GetMapping("/county/figures")
    @PreAuthorize("hasAnyRole('leader', 'disclosure-office', 'admin')")
    SectionFigures county(@RequestParam String period) {
        return figures.county(Period.parse(period));
    }

    @GetMapping("/leadership/report")
    @PreAuthorize("hasAnyRole('leader', 'disclosure-office', 'admin')")
    FiguresService.LeadershipReport leadership(@RequestParam String period) {
        return figures.leadership(Period.parse(period));
    }

    @GetMapping("/leadership/report/export")
    @PreAuthorize("hasAnyRole('leader', 'disclosure-office', 'admin')")
    ResponseEntity<byte[]> exportLeadership(@RequestParam String period, @RequestParam(defaultValue = "xlsx") String format) {
        FiguresService.LeadershipReport report = figures.leadership(Period.parse(period));
        return file("leadership-" + period, format, () -> FiguresExport.xlsx(report), () -> FiguresExport.csv(report));
    }

    private static void requireOwnOrOverseer(String section) {
        Actor actor = CurrentActor.get();
        if (!actor.overseesAllSections() && !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "You may read the figures of your own section only.");
        }
    }

    /** A download of rows as XLSX or CSV; any other format is a client error. */
    public static org.springframework.http.ResponseEntity<byte[]> file(String name, String format, List<String[]> rows) {
        return file(name, format, () -> FiguresExport.xlsx(rows), () -> FiguresExport.csv(rows));
    }

    public static org.springframework.http.ResponseEntity<byte[]> file(String name, String format,
            java.util.function.Supplier<byte[]> xlsx, java.util.function.Supplier<byte[]> csv) {
        boolean isCsv = switch (format) {
            case "xlsx" -> false;
            case "csv" -> true;
            default -> throw DomainException.invalid("unknown-export-format", "Format must be xlsx or csv.");
        };
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(name + "." + format).build().toString())
                .contentType(isCsv ? new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(isCsv ? csv.get() : xlsx.get());
    }





}
