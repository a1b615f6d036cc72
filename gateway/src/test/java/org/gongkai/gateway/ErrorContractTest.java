package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.function.Consumer;

import org.gongkai.gateway.observability.SecurityRejections;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import org.gongkai.testsupport.corpus.RawHttp;

/**
 * One error contract for everything the gateway refuses itself, including what Reactor Netty refuses before any
 * filter runs: RFC 9457 problem+json, a stable {@code urn:gongkai:problem:} type, a Chinese title and detail, and no
 * class name or framework message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class ErrorContractTest {

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

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void authenticationAuthorizationRoutingAndMethodRefusalsAreChineseProblems() {
        client.get().uri("/api/documents").exchange()
                .expectStatus().isEqualTo(401).expectBody(String.class).value(problem("unauthenticated"));
        client.get().uri("/api/reporting/county/figures?period=2026").header("Authorization", "Bearer " + TestTokens.forUser("safety1"))
                .exchange().expectStatus().isEqualTo(403).expectBody(String.class).value(problem("forbidden"));
        client.get().uri("/no-such-page").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isEqualTo(403).expectBody(String.class).value(problem("forbidden"));
        client.get().uri("/api/no-such-service/items").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isEqualTo(404).expectBody(String.class).value(problem("not-found"));
        client.get().uri("/actuator/health/no-such-group").exchange()
                .expectStatus().isEqualTo(404).expectBody(String.class).value(problem("not-found"));
        client.post().uri("/actuator/health").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405).expectBody(String.class).value(problem("method-not-allowed"));
        client.put().uri("/api/public/catalogues").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405).expectBody(String.class).value(problem("public-route-read-only"));
        assertThat(service.seen).isEmpty();
    }

    @Test
    void aDeclaredOversizeBodyIsA413ProblemAndIsNotForwarded() {
        String big = "{\"content\":\"" + "长".repeat(9000) + "\"}";
        client.post().uri("/api/public/consultations/c9/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big).exchange()
                .expectStatus().isEqualTo(413).expectBody(String.class).value(problem("payload-too-large"))
                .value(body -> assertThat(body).contains("16 KB"));
        assertThat(service.on("/api/public/consultations/c9/comments")).isEmpty();
    }

    @Test
    void englishOnlyWhenAskedFor() {
        client.get().uri("/api/documents").header("Accept-Language", "en-GB,en;q=0.9").exchange()
                .expectStatus().isEqualTo(401).expectBody()
                .jsonPath("$.type").isEqualTo("urn:gongkai:problem:unauthenticated")
                .jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void aRequestLineTooLongIsA414Problem() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, "GET /api/public/catalogues?q=" + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.contentType()).startsWith("application/problem+json");
        problem("uri-too-long").accept(response.body());
    }

    @Test
    void headersTooLargeAreA431Problem() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, "GET /api/public/catalogues HTTP/1.1\r\nHost: localhost\r\nCookie: c="
                + "x".repeat(20_000) + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.contentType()).startsWith("application/problem+json");
        problem("headers-too-large").accept(response.body());
    }

    @Test
    void malformedHttpIsA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, "GET /api/public/catalogues HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        problem("malformed-request").accept(response.body());
        assertThat(service.seen).noneMatch(s -> s.path().equals("/api/public/catalogues") && s.header("Bad Header Name") != null);
    }

    @Test
    void authenticationFailuresAndRefusedRolesAreCountedByKind() {
        double unauthenticated = count("unauthenticated");
        double forbidden = count("forbidden");
        client.get().uri("/api/concerns").exchange().expectStatus().isEqualTo(401);
        client.get().uri("/api/concerns").header("Authorization", "Bearer not-a-token").exchange().expectStatus().isEqualTo(401);
        client.get().uri("/api/reporting/leadership/report").header("Authorization", "Bearer " + TestTokens.forUser("relief1"))
                .exchange().expectStatus().isEqualTo(403);
        assertThat(count("unauthenticated")).isEqualTo(unauthenticated + 2);
        assertThat(count("forbidden")).isEqualTo(forbidden + 1);
    }

    @Test
    void actuatorBeyondHealthIsForAdministratorsToReadOnly() {
        client.get().uri("/actuator/metrics").exchange().expectStatus().isEqualTo(401);
        client.get().uri("/actuator/metrics").header("Authorization", "Bearer " + TestTokens.forUser("office"))
                .exchange().expectStatus().isEqualTo(403);
        client.get().uri("/actuator/metrics/" + SecurityRejections.METER).header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("\"kind\"", "unauthenticated"));
        client.post().uri("/actuator/gateway/refresh").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isEqualTo(403);
    }

    private double count(String kind) {
        var counter = meters.find(SecurityRejections.METER).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A problem of the given type with a Chinese title and detail, and nothing of the machinery behind it. */
    static Consumer<String> problem(String slug) {
        return body -> {
            assertThat(body).contains("\"type\":\"urn:gongkai:problem:" + slug + "\"");
            assertThat(body).containsPattern("\"title\":\"[^\"]*\\p{IsHan}");
            assertThat(body).containsPattern("\"detail\":\"[^\"]*\\p{IsHan}");
            assertThat(body).doesNotContainPattern("(org|io|java|reactor)\\.[a-z]+\\.")
                    .doesNotContain("Exception", "trace", "Whitelabel");
        };
    }
}
