package org.gongkai.reporting.figures;

import org.gongkai.reporting.facts.Period;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.Actor;
import org.gongkai.support.security.CurrentActor;
import org.gongkai.support.web.Downloads;
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
class FiguresController {

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
        return Downloads.table(section + "-" + period, format, () -> FiguresExport.xlsx(f), () -> FiguresExport.csv(FiguresExport.rows(f)));
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
        return Downloads.table("leadership-" + period, format, () -> FiguresExport.xlsx(report), () -> FiguresExport.csv(report));
    }

    private static void requireOwnOrOverseer(String section) {
        Actor actor = CurrentActor.get();
        if (!actor.overseesAllSections() && !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "只能查看本股室的统计数据。");
        }
    }
}
