package org.gongkai.catalogue.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published catalogues rarely change, so a client or a cache that holds an answer asks with its ETag and gets
 * 304 without the body; an answer that is not a success is never made cacheable, and staff reads stay uncached.
 */
@ServiceIntegrationTest
class ConditionalReadsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPublicCatalogueReadHasAnEtagAnd304WhenItIsUnchanged() {
        RawHttp.Response first = RawHttp.send(port, "GET", "/api/public/catalogues", Map.of(), null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).as("ETag").isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60, must-revalidate");

        RawHttp.Response again = RawHttp.send(port, "GET", "/api/public/catalogues", Map.of("If-None-Match", etag), null);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        RawHttp.Response changed = RawHttp.send(port, "GET", "/api/public/catalogues", Map.of("If-None-Match", "\"not-it\""), null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo(etag);

        RawHttp.Response item = RawHttp.send(port, "GET", "/api/public/catalogues/work-safety", Map.of(), null);
        assertThat(item.status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/api/public/catalogues/work-safety", Map.of("If-None-Match", item.header("ETag")), null)
                .status()).isEqualTo(304);
    }

    @Test
    void notFoundAndStaffReadsAreNotCacheable() {
        RawHttp.Response missing = RawHttp.send(port, "GET", "/api/public/catalogues/no-such-catalogue", Map.of(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).doesNotContain("public");

        RawHttp.Response staff = RawHttp.send(port, "GET", "/api/catalogues/proposals",
                Map.of("Authorization", "Bearer " + TestTokens.forUser("office")), null);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.header("ETag")).isNull();
        assertThat(staff.header("Cache-Control")).contains("no-store");
    }
}
