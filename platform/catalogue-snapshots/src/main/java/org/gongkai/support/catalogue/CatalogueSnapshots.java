package org.gongkai.support.catalogue;

import java.util.List;
import java.util.Optional;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps the latest catalogue snapshots. Versions may arrive twice or out of order: a snapshot is replaced
 * only by a higher version, in one conditional single-document write.
 */
public class CatalogueSnapshots {

    private final MongoTemplate mongo;

    public CatalogueSnapshots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns true when the event's version became the snapshot. */
    public boolean apply(CatalogueVersionPublished event) {
        CatalogueSnapshot snapshot = new CatalogueSnapshot(event.catalogue(), event.version(), event.effectiveFrom(), event.items());
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(event.catalogue()).and("version").lt(event.version()));
        try {
            return mongo.findAndReplace(olderOrAbsent, snapshot, FindAndReplaceOptions.options().upsert()) != null
                    || mongo.findById(event.catalogue(), CatalogueSnapshot.class).version() == event.version();
        } catch (DuplicateKeyException newerAlreadyThere) {
            return false;
        }
    }

    public List<CatalogueSnapshot> all() {
        return mongo.findAll(CatalogueSnapshot.class);
    }

    /** The item with this code in any catalogue's latest snapshot. */
    public Optional<CatalogueVersionPublished.Item> item(String code) {
        return all().stream().flatMap(s -> s.item(code).stream()).findFirst();
    }
}
