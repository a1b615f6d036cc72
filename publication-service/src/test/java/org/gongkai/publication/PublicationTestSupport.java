package org.gongkai.publication;

import java.util.Map;

import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.PublishedCatalogues;
import org.gongkai.testsupport.TestEvents;

/** Shared steps of publication-service tests: a catalogue learned from events, and document drafts. */
public final class PublicationTestSupport {

    private PublicationTestSupport() {
    }

    /** Publishes the catalogue as catalogue-service would and waits until this service has its snapshot. */
    public static void learnCatalogue(TestEvents events, CatalogueSnapshots snapshots) {
        PublishedCatalogues.teach(events, () -> snapshots.item(PublishedCatalogues.ITEM).isPresent());
    }

    /** Learns the catalogue once per test context (contexts are shared between test classes). */
    public static void ensureCatalogue(TestEvents events, CatalogueSnapshots snapshots) {
        if (snapshots.item(PublishedCatalogues.ITEM).isEmpty()) {
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
