package org.gongkai.publication;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;

/** Shared steps of publication-service tests: a catalogue learned from events, and document drafts. */
public final class PublicationTestSupport {

    private PublicationTestSupport() {
    }

    public static CatalogueVersionPublished workSafetyCatalogue(int version) {
        return new CatalogueVersionPublished("work-safety", version, LocalDate.of(2019, 5, 30), Instant.now(), List.of(
                new CatalogueVersionPublished.Item("WS-03", "政策文件", "其他政策文件", "信息形成或变更之日起20个工作日内",
                        "WORKING_DAYS_AFTER_CHANGE(20)", List.of("gov-website", "new-media", "reading-point"),
                        List.of("all-society"), List.of("proactive"), List.of("county"), List.of("safety-coordination"), true)));
    }

    /** Publishes the catalogue as catalogue-service would and waits until this service has its snapshot. */
    public static void learnCatalogue(TestEvents events, CatalogueSnapshots snapshots) {
        events.send("catalogue", workSafetyCatalogue(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshots.item("WS-03").isPresent());
    }

    /** Learns the catalogue once per test context (contexts are shared between test classes). */
    public static void ensureCatalogue(TestEvents events, CatalogueSnapshots snapshots) {
        if (snapshots.item("WS-03").isEmpty()) {
            learnCatalogue(events, snapshots);
        }
    }

    public static Map<String, Object> draft(String number, String attribute, String legalBasis) {
        Map<String, Object> draft = new java.util.HashMap<>(Map.of(
                "documentNumber", number,
                "title", "关于开展危险化学品安全专项整治的通知",
                "body", "各乡镇：为防范危险化学品事故，现就专项整治通知如下。",
                "catalogueItemCode", "WS-03",
                "issuedInCountyName", false,
                "disclosureAttribute", attribute,
                "mayInvolveStateSecrets", false));
        if (legalBasis != null) {
            draft.put("legalBasis", legalBasis);
        }
        return draft;
    }
}
