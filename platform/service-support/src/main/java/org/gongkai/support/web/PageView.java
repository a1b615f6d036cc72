package org.gongkai.support.web;

import java.util.List;

/** One page of a list as every paginated route answers it: the items, which page of what size, and how many in all. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    /** The page of an in-memory list (already filtered and ordered). */
    public static <T> PageView<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = Math.min(all.size(), from + size);
        return new PageView<>(all.subList(from, to), page, size, all.size());
    }
}
