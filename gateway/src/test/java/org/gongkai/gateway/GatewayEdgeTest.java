package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's own rules at the edge, with real RS256 tokens: which routes need which token, what is public,
 * and the size and rate limits. Behind it stands a small recording HTTP server in place of the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongkai.gateway.rate-limit.public-write-burst=5", "gongkai.gateway.rate-limit.public-writes-per-minute=1"})
@AutoConfigureWebTestClient(timeout = "PT60S")
class GatewayEdgeTest {

    static final List<String> forwarded = new CopyOnWriteArrayList<>();
    static HttpServer backend;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            forwarded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        backend.start();
        String uri = "http://127.0.0.1:" + backend.getAddress().getPort();
        for (String service : List.of("catalogue", "publication", "consultation", "reporting", "portal")) {
            registry.add("gongkai.routes." + service, () -> uri);
        }
        registry.add("gongkai.security.issuer", () -> TestTokens.ISSUER);
        registry.add("gongkai.security.jwk-set-uri", TestTokens::jwksUri);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void clear() {
        forwarded.clear();
    }

    @Test
    void publicReadsNeedNoTokenButPublicWritesOtherThanCommentsAreRefused() {
        client.get().uri("/api/public/catalogues").exchange().expectStatus().isOk();
        // the published annual reports are reporting-service's public route
        client.get().uri("/api/public/annual-reports/2025").exchange().expectStatus().isOk();
        client.post().uri("/api/public/documents").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo("urn:gongkai:problem:public-route-read-only");
        client.delete().uri("/api/public/catalogues/work-safety").header("Authorization", "Bearer " + TestTokens.forUser("admin"))
                .exchange().expectStatus().isEqualTo(405);
        client.post().uri("/api/public/consultations/c1/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"content\":\"建议\"}").exchange().expectStatus().isOk();
        client.post().uri("/api/public/applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"执法检查计划\"}").exchange().expectStatus().isOk();
        client.post().uri("/api/public/applications/abc").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(405);
        assertThat(forwarded).extracting(f -> f.substring(0, f.lastIndexOf(' ')))
                .containsExactly("GET /api/public/catalogues", "GET /api/public/annual-reports/2025",
                        "POST /api/public/consultations/c1/comments", "POST /api/public/applications");
    }

    /**
     * "Authorize" in the one Swagger UI signs in at Keycloak as the portal's public client with PKCE, and Keycloak's
     * answer comes back to a page the gateway serves (the client gongkai-portal allows http://localhost:8080/*).
     */
    @Test
    void swaggerUiSignsInAtKeycloakAsThePortalWithPkce() {
        String initializer = client.get().uri("/webjars/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(initializer).contains("ui.initOAuth(", "\"clientId\":\"gongkai-portal\"", "\"usePkceWithAuthorizationCodeGrant\":true",
                "\"scopes\":\"openid\"");

        String config = client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(config).contains("/v3/api-docs/catalogue", "/v3/api-docs/publication", "/v3/api-docs/consultation",
                "/v3/api-docs/reporting");
        java.util.regex.Matcher redirect = java.util.regex.Pattern.compile("\"oauth2RedirectUrl\":\"https?://[^/\"]+(/[^\"]*)\"")
                .matcher(config);
        assertThat(redirect.find()).as("oauth2RedirectUrl in %s", config).isTrue();
        assertThat(redirect.group(1)).isEqualTo("/swagger-ui/oauth2-redirect.html");
        String page = client.get().uri(redirect.group(1)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("oauth2-redirect.js");
        client.get().uri("/swagger-ui/oauth2-redirect.js").exchange().expectStatus().isOk();
    }

    @Test
    void thePortalsPagesAreReachedThroughTheGatewayWithoutAToken() {
        client.get().uri("/").exchange().expectStatus().isOk();
        client.get().uri("/portal/documents?q=安全").exchange().expectStatus().isOk();
        // other paths outside /api stay closed
        client.get().uri("/portalx").exchange().expectStatus().isUnauthorized();
        assertThat(forwarded).extracting(f -> f.substring(0, f.lastIndexOf(' ')))
                .containsExactly("GET /", "GET /portal/documents");
    }

    @Test
    void staffRoutesNeedATokenOfTheRightIssuerAndAudience() {
        client.get().uri("/api/documents").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:gongkai:problem:unauthenticated");
        client.get().uri("/api/documents").header("Authorization", "Bearer " + TestTokens.forUser("safety1"))
                .exchange().expectStatus().isOk();
        String wrongAudience = TestTokens.sign("safety1", "safety-coordination", TestTokens.ISSUER, List.of("account"), "section-staff");
        client.get().uri("/api/documents").header("Authorization", "Bearer " + wrongAudience).exchange().expectStatus().isUnauthorized();
        String wrongIssuer = TestTokens.sign("safety1", "safety-coordination", "http://evil.test/realms/gongkai", List.of("gongkai"), "section-staff");
        client.get().uri("/api/documents").header("Authorization", "Bearer " + wrongIssuer).exchange().expectStatus().isUnauthorized();
        assertThat(forwarded).hasSize(1);
    }

    @Test
    void everyServicesDeadLetterRedriveIsReachedThroughTheGatewayWithAToken() {
        for (String service : List.of("catalogue", "publication", "consultation", "reporting")) {
            String path = "/api/" + service + "/admin/dead-letters/redrive";
            client.post().uri(path).exchange().expectStatus().isUnauthorized();
            client.post().uri(path).header("Authorization", "Bearer " + TestTokens.forUser("admin")).exchange().expectStatus().isOk();
            assertThat(forwarded).as(service).anyMatch(line -> line.startsWith("POST " + path + " "));
        }
    }

    @Test
    void leadershipRoutesNeedALeadershipRole() {
        client.get().uri("/api/reporting/county/figures?period=2026").header("Authorization", "Bearer " + TestTokens.forUser("safety1"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/reporting/county/figures?period=2026").header("Authorization", "Bearer " + TestTokens.forUser("leader"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void everyRequestCarriesACorrelationIdToTheServiceAndBack() {
        String returned = client.get().uri("/api/public/catalogues").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(returned).isNotBlank();
        assertThat(forwarded.get(0)).endsWith(returned);
        client.get().uri("/api/public/catalogues").header("X-Correlation-Id", "abc-12345-def").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "abc-12345-def");
    }

    @Test
    void oversizedCommentsAndFloodsAreStoppedAtTheEdge() {
        String big = "{\"content\":\"" + "长".repeat(9000) + "\"}";
        client.post().uri("/api/public/consultations/c2/comments").contentType(MediaType.APPLICATION_JSON)
                .header("Content-Length", String.valueOf(big.getBytes(StandardCharsets.UTF_8).length))
                .bodyValue(big).exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:gongkai:problem:payload-too-large");
        String bigApplication = "{\"description\":\"" + "长".repeat(9000) + "\"}";
        client.post().uri("/api/public/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Content-Length", String.valueOf(bigApplication.getBytes(StandardCharsets.UTF_8).length))
                .bodyValue(bigApplication).exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:gongkai:problem:payload-too-large");
        double rejectionsBefore = rateLimited();
        int accepted = 0;
        int limited = 0;
        List<String> retryAfter = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var result = client.post().uri("/api/public/consultations/c3/comments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"content\":\"第" + i + "条\"}").exchange().returnResult(String.class);
            int status = result.getStatus().value();
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                limited++;
                retryAfter.add(result.getResponseHeaders().getFirst("Retry-After"));
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseBody().blockFirst()).contains("urn:gongkai:problem:rate-limited", "秒后再试");
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(5);
        assertThat(limited).isGreaterThanOrEqualTo(5);
        // one comment a minute refills the bucket: the next token is tens of seconds away, not the constant 1 s of old
        assertThat(retryAfter).allSatisfy(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(30, 60));
        assertThat(rateLimited()).isEqualTo(rejectionsBefore + limited);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double rateLimited() {
        var counter = meters.find(org.gongkai.gateway.observability.SecurityRejections.METER).tag("kind", "rate-limited").counter();
        return counter == null ? 0 : counter.count();
    }
}
