package org.gongkai.support.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Public reads that rarely change (catalogues, published documents, the calendar) answer conditional requests: Spring's
 * {@link org.springframework.web.filter.ShallowEtagHeaderFilter} gives each answer an ETag of its body and answers 304
 * when a client or cache already holds it, and this filter lets shared caches keep the answer briefly. Reads that
 * name a person's own case (a receipt, an application's query code) are not listed and stay uncached.
 *
 * @param cacheablePaths servlet URL patterns of such reads, e.g. {@code /api/public/catalogues/*}; none by default
 * @param maxAge         how long a cache may serve an answer without asking again
 */
@ConfigurationProperties("gongkai.http")
public record ConditionalPublicReads(List<String> cacheablePaths, Duration maxAge) {

    public ConditionalPublicReads {
        cacheablePaths = cacheablePaths == null ? List.of() : List.copyOf(cacheablePaths);
        maxAge = maxAge == null ? Duration.ofMinutes(1) : maxAge;
    }

    /** The filter that lets shared caches keep these answers for {@link #maxAge}. */
    public jakarta.servlet.Filter cacheControl() {
        return new CacheControl(maxAge);
    }

    /** Sets {@code Cache-Control} on successful GETs before the response is committed (Spring Security then adds none). */
    static final class CacheControl extends OncePerRequestFilter {

        private final String value;

        CacheControl(Duration maxAge) {
            this.value = "public, max-age=" + maxAge.toSeconds() + ", must-revalidate";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            // the ETag filter around this one still holds the body, so headers can follow the outcome: a refusal
            // or a not-found is never kept by a cache (it may be published a moment later)
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (read && response.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, value);
            }
        }
    }
}
