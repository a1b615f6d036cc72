package org.gongkai.reporting.figures;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.Actor;
import org.gongkai.support.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures per section and county-wide. A section reads only its own; leadership and the office read all. */
@RestController
@RequestMapping("/api/reporting")
class FiguresController {

    private final FiguresService figures;

    FiguresController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/sections/{section}/figures")
    SectionFigures section(@PathVariable String section, @RequestParam String period) {
        Actor actor = CurrentActor.get();
        if (!actor.overseesAllSections() && !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "You may read the figures of your own section only.");
        }
        return figures.figures(section, Period.parse(period));
    }

    @GetMapping("/county/figures")
    @PreAuthorize("hasAnyRole('leader', 'disclosure-office', 'admin')")
    SectionFigures county(@RequestParam String period) {
        return figures.figures(null, Period.parse(period));
    }
}
