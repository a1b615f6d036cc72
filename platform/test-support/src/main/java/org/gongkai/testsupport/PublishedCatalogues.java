package org.gongkai.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;

/**
 * The catalogue the services that learn it from events (publication, consultation) are tested with: the work-safety
 * catalogue with one item, WS-03 (其他政策文件, 20 working days, three channels), as catalogue-service would publish it.
 */
public final class PublishedCatalogues {

    public static final String ITEM = "WS-03";

    private PublishedCatalogues() {
    }

    public static CatalogueVersionPublished workSafety(int version) {
        return new CatalogueVersionPublished("work-safety", version, LocalDate.of(2019, 5, 30), Instant.now(), List.of(
                new CatalogueVersionPublished.Item(ITEM, "政策文件", "其他政策文件", "信息形成或变更之日起20个工作日内",
                        "WORKING_DAYS_AFTER_CHANGE(20)", List.of("gov-website", "new-media", "reading-point"),
                        List.of("all-society"), List.of("proactive"), List.of("county"), List.of("safety-coordination"), true)));
    }

    /** Publishes version 1 as catalogue-service would and waits until the service {@code knowsTheItem}. */
    public static void teach(TestEvents events, BooleanSupplier knowsTheItem) {
        events.send("catalogue", workSafety(1));
        await().atMost(Duration.ofSeconds(60)).until(knowsTheItem::getAsBoolean);
    }
}
