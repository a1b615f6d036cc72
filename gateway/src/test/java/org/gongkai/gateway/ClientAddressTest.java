package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no trusted proxy configured, the services are told the address the gateway sees, and a client's own
 * {@code X-Forwarded-For} neither reaches them nor buys the client a fresh rate-limit bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongkai.gateway.rate-limit.public-write-burst=3", "gongkai.gateway.rate-limit.public-writes-per-minute=1"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class ClientAddressTest {

    static StubService service;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        service = new StubService();
        service.routeEverythingHere(registry);
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void clear() {
        service.seen.clear();
    }

    @Test
    void theServiceIsToldTheAddressTheGatewaySeesAndNotWhatTheClientClaims() {
        client.get().uri("/api/public/catalogues").header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66").exchange().expectStatus().isOk();
        StubService.Seen seen = service.on("/api/public/catalogues").get(0);
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.header("Forwarded")).startsWith("for=127.0.0.1;proto=http;host=").doesNotContain("203.0.113.66");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void theCorrelationIdReachesTheServiceAndComesBackOnce() {
        client.get().uri("/api/public/catalogues").header("X-Correlation-Id", "edge-test-0001").exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Correlation-Id", values -> assertThat(values).containsExactly("edge-test-0001"));
        assertThat(service.on("/api/public/catalogues").get(0).header("X-Correlation-Id")).isEqualTo("edge-test-0001");
        client.get().uri("/api/documents").exchange().expectStatus().isEqualTo(401)
                .expectHeader().values("X-Correlation-Id", values -> assertThat(values).hasSize(1));
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheRateLimit() {
        int accepted = 0;
        for (int i = 0; i < 6; i++) {
            int status = client.post().uri("/api/public/consultations/c1/comments")
                    .header("X-Forwarded-For", "198.51.100." + i).header("Content-Type", "application/json")
                    .bodyValue("{\"content\":\"意见" + i + "\"}").exchange().returnResult(String.class).getStatus().value();
            if (status == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(3);
    }
}
