package org.gongkai.portal.catalogue;

import java.util.List;

/** The catalogue service's public answers, as far as the pages show them. */
public final class CatalogueModels {

    private CatalogueModels() {
    }

    public record Summary(String catalogue, String title, int version, String effectiveFrom, int items) {
    }

    public record Version(String catalogue, String title, int version, String status, String effectiveFrom, List<Item> items) {
    }

    public record Item(String code, int seq, String level1, String level2, String content, List<String> basis,
            String timeLimit, String body, List<String> channels, List<String> audience, List<String> method,
            List<String> level, List<String> sections, boolean applicable, String notApplicableReason) {
    }
}
