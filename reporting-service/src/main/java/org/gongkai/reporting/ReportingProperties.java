package org.gongkai.reporting;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sections that report are those of the one registry, {@code gongkai.organisation.sections}.
 *
 * @param reminderLeadDays   how many days before a report's due date reminders go out
 * @param weights            indicator weights of the quantified evaluation (O2)
 */
@ConfigurationProperties("gongkai.reporting")
public record ReportingProperties(List<Integer> reminderLeadDays, Map<String, Double> weights) {

    public ReportingProperties {
        reminderLeadDays = reminderLeadDays == null ? List.of(14, 7, 1) : List.copyOf(reminderLeadDays);
        weights = weights == null ? Map.of("onTimePublication", 40.0, "nonTextInterpretationShare", 20.0,
                "responseWithin48Hours", 30.0, "catalogueCoverage", 10.0) : Map.copyOf(weights);
    }
}
