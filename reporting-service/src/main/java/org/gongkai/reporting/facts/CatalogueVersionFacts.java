package org.gongkai.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One published catalogue version and the codes of its applicable items, for coverage. */
@Document("catalogue_version_facts")
public record CatalogueVersionFacts(@Id String id, String catalogue, int version, LocalDate effectiveFrom, Instant publishedAt,
        List<String> itemCodes) {
}
