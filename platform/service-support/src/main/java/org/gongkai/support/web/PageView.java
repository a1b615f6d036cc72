package org.gongkai.support.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list as every paginated route answers it: the items, which page of what size, and how many in all.
 * A page beyond the end has no items and the same total; it is never an error.
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

    /** The page of an in-memory list (already filtered and ordered). Only for lists bounded by nature (a few dozen). */
    public static <T> PageView<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = Math.min(all.size(), from + size);
        return new PageView<>(all.subList(from, to), page, size, all.size());
    }

    /** A page read from the database (Spring Data's {@link Page}), its items turned into what the route answers. */
    public static <T, R> PageView<R> of(Page<T> found, Function<? super T, ? extends R> view) {
        return new PageView<>(found.getContent().stream().<R>map(view).toList(), found.getNumber(), found.getSize(),
                found.getTotalElements());
    }

    /** The same page with its items turned into something else. */
    public <R> PageView<R> map(Function<? super T, ? extends R> view) {
        return new PageView<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
