package org.gongkai.catalogue.version;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * The columns a change sets; {@code null} leaves a column as it is. To add an item ({@link ItemChange.Kind#ADD_ITEM})
 * {@code level2}, {@code content}, {@code timeLimit} and {@code timeLimitRule} are required.
 */
public record ItemChanges(String level2, String content, List<@NotNull String> basis, String timeLimit, String timeLimitRule,
        String body, List<@NotNull String> channels, List<@NotNull String> audience, List<@NotNull String> method,
        List<@NotNull String> level) {

    public static final ItemChanges NONE = new ItemChanges(null, null, null, null, null, null, null, null, null, null);

    boolean isEmpty() {
        return equals(NONE);
    }

    /** The item with these changes applied; the item's own constructor re-checks every column. */
    CatalogueItem applyTo(CatalogueItem item, String provenance) {
        return new CatalogueItem(item.code(), item.seq(), item.level1(), or(level2, item.level2()), or(content, item.content()),
                or(basis, item.basis()), or(timeLimit, item.timeLimit()), or(timeLimitRule, item.timeLimitRule()),
                or(body, item.body()), or(channels, item.channels()), or(audience, item.audience()), or(method, item.method()),
                or(level, item.level()), item.sections(), provenance, item.applicable(), item.notApplicableReason());
    }

    private static <T> T or(T proposed, T current) {
        return proposed != null ? proposed : current;
    }
}
