package org.gongkai.support.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A consumer's local copy of one published catalogue version, learned only from
 * {@code gongkai.catalogue.version-published.v1}; one document per catalogue, highest version wins.
 */
@Document("catalogue_snapshots")
public record CatalogueSnapshot(@Id String catalogue, int version, LocalDate effectiveFrom,
        List<CatalogueVersionPublished.Item> items) {

    public Optional<CatalogueVersionPublished.Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
