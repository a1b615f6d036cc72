package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A stopped service: the client is told to retry later (503 problem+json, Retry-After), never shown a bare 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class UnavailableServiceTest {

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens here once the socket is closed
        }
        String uri = "http://127.0.0.1:" + closed;
        for (String service : List.of("catalogue", "publication", "consultation", "reporting")) {
            registry.add("gongkai.routes." + service, () -> uri);
        }
        registry.add("gongkai.security.issuer", () -> TestTokens.ISSUER);
        registry.add("gongkai.security.jwk-set-uri", TestTokens::jwksUri);
    }

    @Autowired
    WebTestClient client;

    @Test
    void aStoppedServiceIsA503ProblemWithRetryAfter() {
        client.get().uri("/api/public/catalogues").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).contains("urn:gongkai:problem:service-unavailable", "服务暂时不可用", "稍后再试"));
    }
}
