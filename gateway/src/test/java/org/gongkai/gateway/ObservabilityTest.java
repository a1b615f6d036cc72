package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 14, observability at the edge: the gateway's Prometheus scrape (its own actuator, for administrators; no route
 * leads to a service's actuator) names its refusals, rate-limit rejections included; and every request reaches the
 * service with a W3C {@code traceparent} of the gateway's own span, in the client's trace when the client sent one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongkai.gateway.rate-limit.public-write-burst=1", "gongkai.gateway.rate-limit.public-writes-per-minute=1"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class ObservabilityTest {

    static final StubService service = stub();

    static StubService stub() {
        try {
            return new StubService();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        service.routeEverythingHere(registry);
    }

    @Autowired
    WebTestClient client;

    @Test
    void thePrometheusScrapeIsTheGatewaysOwnAndNamesRateLimitRejections() {
        client.get().uri("/api/documents").exchange().expectStatus().isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/public/consultations/c1/comments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"content\":\"意见\"}").exchange();
        }
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isEqualTo(401);
        client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TestTokens.forUser("office"))
                .exchange().expectStatus().isEqualTo(403);
        String scrape = client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("gongkai_security_rejections_total{kind=\"rate-limited\"}",
                "gongkai_security_rejections_total{kind=\"unauthenticated\"}");
        assertThat(scrape).as("the request's own timer").contains("http_server_requests_seconds_count{")
                .as("none of Spring Security's own observations (a timer and a span per filter phase and authorization)")
                .doesNotContain("spring_security_");
        assertThat(service.seen).as("nothing of the actuator is forwarded").noneMatch(seen -> seen.path().startsWith("/actuator"));
    }

    @Test
    void theServiceReceivesTheGatewaysSpanInTheClientsTrace() {
        String traceId = hex(16);
        String clientSpan = hex(8);
        client.get().uri("/api/public/catalogues/traced").header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .exchange().expectStatus().isOk();
        String forwarded = service.on("/api/public/catalogues/traced").get(0).header("traceparent");
        assertThat(forwarded).as("traceparent at the service").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .as("the gateway's own span is the parent").doesNotContain(clientSpan);
    }

    @Test
    void aRequestWithoutTraceStartsOneAtTheGateway() {
        client.get().uri("/api/public/catalogues/untraced").exchange().expectStatus().isOk();
        assertThat(service.on("/api/public/catalogues/untraced").get(0).header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
