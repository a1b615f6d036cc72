package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind a configured trusted proxy (here the test itself, at 127.0.0.1) the proxy's {@code X-Forwarded-For} names
 * the client: the gateway appends its own hop for the services and gives each client its own rate-limit bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongkai.gateway.trusted-proxies=127.0.0.1/32,10.0.0.0/8",
                "gongkai.gateway.rate-limit.public-write-burst=2", "gongkai.gateway.rate-limit.public-writes-per-minute=1"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class TrustedProxyTest {

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

    @Test
    void theProxysChainIsKeptAndTheGatewaysHopAppended() {
        client.get().uri("/api/public/documents").header("X-Forwarded-For", "203.0.113.7, 10.1.2.3")
                .header("Forwarded", "for=203.0.113.7").exchange().expectStatus().isOk();
        StubService.Seen seen = service.on("/api/public/documents").get(0);
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("203.0.113.7, 10.1.2.3, 127.0.0.1");
        assertThat(seen.header("Forwarded")).startsWith("for=203.0.113.7, for=127.0.0.1;proto=http");
    }

    @Test
    void eachClientBehindTheProxyHasItsOwnBucket() {
        assertThat(comments("203.0.113.10", 3)).isEqualTo(2);
        assertThat(comments("10.9.9.9, 203.0.113.11", 3)).isEqualTo(2);
    }

    private int comments(String forwardedFor, int attempts) {
        int accepted = 0;
        for (int i = 0; i < attempts; i++) {
            int status = client.post().uri("/api/public/consultations/c1/comments").header("X-Forwarded-For", forwardedFor)
                    .header("Content-Type", "application/json").bodyValue("{\"content\":\"意见\"}")
                    .exchange().returnResult(String.class).getStatus().value();
            if (status == 200) {
                accepted++;
            }
        }
        return accepted;
    }
}
