package org.gongkai.contracts.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * A catalogue version was published. Carries the complete item list so that consumers keep a local
 * snapshot without calling catalogue-service; consumers keep the highest {@code version} per catalogue.
 */
@EventType("gongkai.catalogue.version-published.v1")
public record CatalogueVersionPublished(
        String catalogue,
        int version,
        LocalDate effectiveFrom,
        Instant publishedAt,
        List<Item> items) implements IntegrationEvent {

    @Override
    public String subject() {
        return catalogue + "/v" + version;
    }

    /**
     * One second-level item with its rules. {@code timeLimitRule} uses the catalogue rule vocabulary,
     * e.g. {@code WORKING_DAYS_AFTER_CHANGE(20)}.
     */
    public record Item(
            String code,
            String level1,
            String level2,
            String timeLimit,
            String timeLimitRule,
            List<String> channels,
            List<String> audience,
            List<String> method,
            List<String> level,
            List<String> sections,
            boolean applicable) {
    }
}
