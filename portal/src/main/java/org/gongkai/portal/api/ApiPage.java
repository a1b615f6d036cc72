package org.gongkai.portal.api;

import java.util.List;

/** One page of a service's list, as every paginated route answers it (service-support's PageView). */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public ApiPage {
        items = items == null ? List.of() : items;
    }
}
