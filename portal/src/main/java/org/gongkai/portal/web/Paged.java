package org.gongkai.portal.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** One page of a list, with the links to the other pages of the same request (its other parameters kept). */
public record Paged<T>(List<T> items, int page, int size, int total, List<Link> links) {

    public record Link(int number, String href, boolean current) {
    }

    /** How many page links either side of the current one. */
    static final int WINDOW = 4;

    public static <T> Paged<T> of(List<T> all, int requestedPage, int size) {
        int total = all.size();
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, requestedPage), pages);
        List<T> items = all.subList(Math.min(total, (page - 1) * size), Math.min(total, page * size));
        return new Paged<>(List.copyOf(items), page, size, total, links(page, pages));
    }

    /** A page the service already cut, with links to the others. */
    public static <T> Paged<T> of(org.gongkai.portal.api.ApiPage<T> page) {
        return ofPage(page.items(), page.page(), page.size(), page.total());
    }

    /** A page the service already cut (its page numbers start at 0), with links to the others. */
    public static <T> Paged<T> ofPage(List<T> items, int zeroBasedPage, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = zeroBasedPage + 1;
        return new Paged<>(List.copyOf(items), page, size, (int) total, links(page, pages));
    }

    /** Links to the first and last pages and to the few around this one (a long list has thousands of pages). */
    private static List<Link> links(int page, int pages) {
        List<Link> links = new ArrayList<>();
        if (pages > 1) {
            for (int n = 1; n <= pages; n++) {
                if (n == 1 || n == pages || Math.abs(n - page) <= WINDOW) {
                    links.add(new Link(n, href(n), n == page));
                }
            }
        }
        return links;
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public String previousHref() {
        return href(page - 1);
    }

    public String nextHref() {
        return href(page + 1);
    }

    private static String href(int n) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?page=" + n;
        }
        HttpServletRequest request = attributes.getRequest();
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("page", n).build().toUriString();
    }
}
