package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gongkai.support.domain.Actor;
import org.gongkai.testsupport.Actors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Versions stored before the service was split into feature packages name the old class in {@code _class}; they
 * still load, with the changes already applied to them, because the mapper falls back to the type it was asked for.
 */
class StoredBeforeTheSplitTest {

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDraftStoredUnderTheOldPackageNameLoadsWithItsAppliedChanges() {
        MongoTemplate mongo = new MongoTemplate(client, "catalogue-service");
        Actor office = Actors.OFFICE;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        CatalogueVersion draft = CatalogueVersion.draft("work-safety", "目录", 2, List.of(new CatalogueItem("WS-01", 1, "政策文件",
                "规范性文件", "内容", List.of(), "信息形成或变更之日起20个工作日内", "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门",
                List.of("gov-website"), List.of("all-society"), List.of("proactive"), List.of("county"), List.of(), "verified",
                true, null)), office, now, "x");
        draft.apply(new ItemChange("p1", ItemChange.Kind.TAKE_RESPONSIBILITY, "WS-01", null, "safety-coordination", null, null));
        mongo.insert(draft);
        mongo.getCollection("catalogue_versions").updateOne(Filters.eq("_id", "work-safety:2"),
                Updates.set("_class", "org.gongkai.catalogue.catalogue.CatalogueVersion"));
        assertThat(mongo.getCollection("catalogue_versions").find().first()).extracting(d -> d.get("_class"))
                .isEqualTo("org.gongkai.catalogue.catalogue.CatalogueVersion");

        CatalogueVersion loaded = mongo.findById("work-safety:2", CatalogueVersion.class);

        assertThat(loaded.item("WS-01")).get().extracting(CatalogueItem::sections).isEqualTo(List.of("safety-coordination"));
        // the proposal recorded as applied is still recognised: applying it again changes nothing
        assertThat(loaded.apply(new ItemChange("p1", ItemChange.Kind.ADD_ITEM, null, "政策文件", "other", null, null)))
                .isEqualTo("WS-01");
        assertThat(loaded.items()).hasSize(1);
    }
}
