package org.gongkai.reporting.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The indicators leadership is shown, each against its target, and the quantified evaluation score (O2):
 * 100 × Σ weight × min(1, value ÷ target) ÷ Σ weight, over the indicators that have a value in the period.
 */
public final class Indicators {

    public record Indicator(String name, Double value, Double target, Boolean met, String nameLabel) {
        public Indicator(String name, Double value, Double target, Boolean met) {
            this(name, value, target, met, CodeLabels.of(name));
        }
    }

    private Indicators() {
    }

    /** I4: at least 70 % non-text interpretations in 2020, at least 90 % from 2021. */
    public static double nonTextTarget(int year) {
        return year <= 2020 ? 0.7 : 0.9;
    }

    public static List<Indicator> of(SectionFigures f, int year) {
        List<Indicator> list = new ArrayList<>();
        list.add(indicator("onTimePublication", f.onTimePublicationRate(), 1.0));
        list.add(indicator("nonTextInterpretationShare", f.nonTextInterpretationShare(), nonTextTarget(year)));
        list.add(indicator("responseWithin48Hours", f.responseWithin48HoursRate(), 1.0));
        list.add(indicator("catalogueCoverage", f.catalogueCoverage(), 1.0));
        list.add(indicator("adoptionRate", f.adoptionRate(), null));
        return list;
    }

    private static Indicator indicator(String name, Double value, Double target) {
        return new Indicator(name, value, target, value == null || target == null ? null : value >= target);
    }

    public static Double score(List<Indicator> indicators, Map<String, Double> weights) {
        double weighted = 0;
        double total = 0;
        for (Indicator i : indicators) {
            Double weight = weights.get(i.name());
            if (weight == null || weight <= 0 || i.value() == null || i.target() == null || i.target() == 0) {
                continue;
            }
            weighted += weight * Math.min(1.0, i.value() / i.target());
            total += weight;
        }
        return total == 0 ? null : Math.round(weighted / total * 1000) / 10.0;
    }
}
