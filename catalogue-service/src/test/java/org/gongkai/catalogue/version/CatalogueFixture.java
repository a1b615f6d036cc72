package org.gongkai.catalogue.version;

import static org.gongkai.testsupport.Actors.OFFICE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A small catalogue for unit tests: items with every column filled, and a published first version to draft from. */
public final class CatalogueFixture {

    public static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    private CatalogueFixture() {
    }

    /** A verified, applicable item of the county's own, published proactively on the government website. */
    public static CatalogueItem item(String code, int seq, String level1) {
        return new CatalogueItem(code, seq, level1, "二级" + seq, "内容", List.of("条例"), "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门", List.of("gov-website"), List.of("all-society"),
                List.of("proactive"), List.of("county"), List.of(), "verified", true, null);
    }

    /** Version 1 of work-safety, published by the office: WS-01 under 政策文件 and WS-02 under 依法行政. */
    public static CatalogueVersion published() {
        CatalogueVersion v1 = CatalogueVersion.draft("work-safety", "目录", 1,
                List.of(item("WS-01", 1, "政策文件"), item("WS-02", 2, "依法行政")), OFFICE, NOW, "seed");
        v1.publish(LocalDate.of(2019, 5, 30), Optional.empty(), OFFICE, NOW);
        return v1;
    }
}
