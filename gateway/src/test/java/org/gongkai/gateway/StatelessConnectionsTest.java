package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients reuse connections, so each request after one the gateway refused must be answered. After a 401 the next
 * request on the same keep-alive connection was at times never read (CI on 2 December 2026 waited 60 s for it), first
 * with a session-backed security context, and rarely still without one; the gateway now keeps no session and closes
 * the connection after each refusal of its own. No answer may set a session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatelessConnectionsTest {

    static StubService service;

    /** A stub behind every route, for the one answer here that is relayed; the rest the gateway makes itself. */
    @DynamicPropertySource
    static void testKeys(DynamicPropertyRegistry registry) throws IOException {
        service = new StubService();
        service.routeEverythingHere(registry);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopService() {
        service.stop();
    }

    @LocalServerPort
    int port;

    /** One HTTP/1.1 client, so its requests share keep-alive connections as a browser's or an app's do. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRefusedTokenNeverStallsTheNextRequestOnItsConnectionAndNoAnswerOpensASession() throws Exception {
        String relief = "Bearer " + TestTokens.forUser("relief1");
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> missing = send("/api/concerns", null);
            HttpResponse<String> malformed = send("/api/concerns", "Bearer not-a-token");
            HttpResponse<String> wrongRole = send("/api/reporting/leadership/report", relief);
            assertThat(missing.statusCode()).as("round %d, no token", i).isEqualTo(401);
            assertThat(malformed.statusCode()).as("round %d, malformed token", i).isEqualTo(401);
            assertThat(wrongRole.statusCode()).as("round %d, valid token after a refused one", i).isEqualTo(403);
            for (HttpResponse<String> response : java.util.List.of(missing, malformed, wrongRole)) {
                assertThat(response.headers().allValues("Set-Cookie")).as("round %d", i).isEmpty();
                assertThat(response.headers().firstValue("Connection")).as("round %d", i).hasValue("close");
            }
        }
    }

    /**
     * The Swagger UI's own files and configuration are the gateway's answers too: after them the next request on the
     * connection stalled as well (CI, 2 December 2026, reactor/reactor-netty#4361), so they close it. A service's
     * answer, relayed, keeps the connection for the next request.
     */
    @Test
    void everyAnswerOfTheGatewaysOwnClosesItsConnectionAndRelayedAnswersKeepIt() throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> script = send("/webjars/swagger-ui/swagger-initializer.js", null);
            HttpResponse<String> config = send("/v3/api-docs/swagger-config", null);
            HttpResponse<String> redirectPage = send("/swagger-ui/oauth2-redirect.html", null);
            HttpResponse<String> relayed = send("/api/public/catalogues", null);
            for (HttpResponse<String> own : java.util.List.of(script, config, redirectPage)) {
                assertThat(own.statusCode()).as("round %d, %s", i, own.uri()).isEqualTo(200);
                assertThat(own.headers().firstValue("Connection")).as("round %d, %s", i, own.uri()).hasValue("close");
            }
            assertThat(relayed.statusCode()).as("round %d, relayed", i).isEqualTo(200);
            assertThat(relayed.headers().firstValue("Connection")).as("round %d, relayed", i).isEmpty();
        }
    }

    private HttpResponse<String> send(String path, String authorization) throws IOException, InterruptedException {
        // generous for a busy machine; an answered request takes milliseconds, a stalled one never comes
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
