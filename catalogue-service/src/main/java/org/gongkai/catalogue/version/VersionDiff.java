package org.gongkai.catalogue.version;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a catalogue: items added, removed, and changed field by field. */
public record VersionDiff(String catalogue, int from, int to, List<CatalogueItem> added, List<CatalogueItem> removed,
        List<FieldChange> changed) {

    public record FieldChange(String code, String field, Object before, Object after) {
    }

    public static VersionDiff between(CatalogueVersion from, CatalogueVersion to) {
        Map<String, CatalogueItem> before = from.items().stream().collect(Collectors.toMap(CatalogueItem::code, Function.identity()));
        Map<String, CatalogueItem> after = to.items().stream().collect(Collectors.toMap(CatalogueItem::code, Function.identity()));
        List<CatalogueItem> added = to.items().stream().filter(i -> !before.containsKey(i.code())).toList();
        List<CatalogueItem> removed = from.items().stream().filter(i -> !after.containsKey(i.code())).toList();
        List<FieldChange> changed = new ArrayList<>();
        for (CatalogueItem old : from.items()) {
            CatalogueItem now = after.get(old.code());
            if (now == null) {
                continue;
            }
            for (RecordComponent field : CatalogueItem.class.getRecordComponents()) {
                Object a = read(field, old);
                Object b = read(field, now);
                if (!Objects.equals(a, b)) {
                    changed.add(new FieldChange(old.code(), field.getName(), a, b));
                }
            }
        }
        return new VersionDiff(from.catalogue(), from.version(), to.version(), added, removed, changed);
    }

    private static Object read(RecordComponent field, CatalogueItem item) {
        try {
            return field.getAccessor().invoke(item);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
