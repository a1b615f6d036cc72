package org.gongkai.catalogue.version;

/**
 * One change to one item of a draft, as a section asked for it and the office approved it (a proposal, in
 * practice). {@code id} names that request: a draft applies each id once. What each kind needs: {@code ADD_ITEM}
 * {@code level1}, {@code section} and the new item's columns; {@code REFINE_ITEM} {@code itemCode} and the changed
 * columns; {@code TAKE_RESPONSIBILITY} {@code itemCode} and {@code section}; {@code MARK_NOT_APPLICABLE}
 * {@code itemCode} and {@code reason}.
 */
public record ItemChange(String id, Kind kind, String itemCode, String level1, String section, String reason,
        ItemChanges columns) {

    public enum Kind {
        ADD_ITEM, REFINE_ITEM, TAKE_RESPONSIBILITY, MARK_NOT_APPLICABLE
    }

    public ItemChange {
        columns = columns == null ? ItemChanges.NONE : columns;
    }
}
