package org.gongkai.reporting.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gongkai.reporting.ReportingProperties;
import org.gongkai.reporting.facts.CatalogueVersionFacts;
import org.gongkai.reporting.facts.CommentFacts;
import org.gongkai.reporting.facts.ConcernFacts;
import org.gongkai.reporting.facts.ConsultationFacts;
import org.gongkai.reporting.facts.DocumentFacts;
import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.facts.OpinionFacts;
import org.gongkai.reporting.facts.Period;
import org.gongkai.support.organisation.Sections;
import org.springframework.stereotype.Service;

/** Figures per section and county-wide, indicators against targets, scores and trends, all from facts. */
@Service
public class FiguresService {

    private final FactsProjection facts;
    private final ReportingProperties properties;
    private final Sections sections;
    private final Clock clock;

    FiguresService(FactsProjection facts, ReportingProperties properties, Sections sections, Clock clock) {
        this.facts = facts;
        this.properties = properties;
        this.sections = sections;
        this.clock = clock;
    }

    public record SectionEvaluation(String section, SectionFigures figures, List<Indicators.Indicator> indicators, Double score) {
    }

    public record TrendPoint(String period, Double onTimePublicationRate, Double nonTextInterpretationShare,
            Double responseWithin48HoursRate, Double adoptionRate, Double score) {
    }

    public record LeadershipReport(String period, SectionFigures county, List<Indicators.Indicator> indicators, Double score,
            List<SectionEvaluation> sections, List<TrendPoint> trend) {
    }

    /** How one report obtains a section's (or, for {@code null}, the county's) figures for a period. */
    private interface Figures {
        SectionFigures of(String section, Period period);
    }

    public SectionFigures section(String section, Period period) {
        sections.requireKnown(section);
        return preAggregated(List.of(period)).figures(section, period);
    }

    public SectionFigures county(Period period) {
        return preAggregated(List.of(period)).figures(null, period);
    }

    /** From the pre-aggregated counters: a handful of documents read by id, whatever the number of facts. */
    public LeadershipReport leadership(Period period) {
        return leadership(period, preAggregated(period.previous(4))::figures);
    }

    private PreAggregatedFigures preAggregated(List<Period> periods) {
        LocalDate today = today();
        return PreAggregatedFigures.of(facts.counters(PreAggregatedFigures.idsFor(periods, today)), today);
    }

    /** Recomputed from every fact, as before the pre-aggregation: the oracle the counters are checked against. */
    SectionFigures recomputedSection(String section, Period period) {
        sections.requireKnown(section);
        return FiguresCalculator.figures(section, period, facts(section), today());
    }

    SectionFigures recomputedCounty(Period period) {
        return FiguresCalculator.figures(null, period, facts(), today());
    }

    LeadershipReport recomputedLeadership(Period period) {
        FiguresCalculator.Facts all = facts();
        LocalDate today = today();
        return leadership(period, (section, p) -> FiguresCalculator.figures(section, p,
                section == null ? all : all.ofSection(section), today));
    }

    private LeadershipReport leadership(Period period, Figures figuresOf) {
        SectionFigures county = figuresOf.of(null, period);
        List<Indicators.Indicator> countyIndicators = Indicators.of(county, period.year());
        // the registry's sections only: a fact naming an unknown section counts for the county, never as a section
        List<SectionEvaluation> evaluations = new ArrayList<>();
        for (String section : new TreeSet<>(sections.sections().keySet())) {
            SectionFigures figures = figuresOf.of(section, period);
            List<Indicators.Indicator> indicators = Indicators.of(figures, period.year());
            evaluations.add(new SectionEvaluation(section, figures, indicators, Indicators.score(indicators, properties.weights())));
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (Period p : period.previous(4)) {
            SectionFigures f = figuresOf.of(null, p);
            trend.add(new TrendPoint(p.toString(), f.onTimePublicationRate(), f.nonTextInterpretationShare(),
                    f.responseWithin48HoursRate(), f.adoptionRate(), Indicators.score(Indicators.of(f, p.year()), properties.weights())));
        }
        return new LeadershipReport(period.toString(), county, countyIndicators,
                Indicators.score(countyIndicators, properties.weights()), evaluations, trend);
    }

    FiguresCalculator.Facts facts() {
        return facts(null);
    }

    /** The facts of one section (every section's when null); catalogue versions are county-wide and always all read. */
    private FiguresCalculator.Facts facts(String section) {
        return new FiguresCalculator.Facts(factsOf(section, DocumentFacts.class), factsOf(section, ConcernFacts.class),
                factsOf(section, ConsultationFacts.class), factsOf(section, CommentFacts.class), factsOf(section, OpinionFacts.class),
                facts.all(CatalogueVersionFacts.class));
    }

    private <T> List<T> factsOf(String section, Class<T> type) {
        return section == null ? facts.all(type) : facts.ofSection(section, type);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(FiguresCalculator.CHINA));
    }
}
