package org.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

/**
 * Two portal instances with {@code gongkai.portal.session-store=redis}, sharing the real Redis at 127.0.0.1:6379 (in
 * a namespace of this run): a citizen's session moves freely between them, as it does when the gateways balance
 * over both. The comment form is shown by one instance, posted to the other (its CSRF token is only in the shared
 * session), and the receipt, handed on as a flash attribute, is shown by the first again. With sessions in each
 * instance's memory the post is refused (403) and the receipt is lost.
 */
class SharedSessionsTest {

    static final String CONSULTATION = """
            {"id":"c1","title":"某某县安全生产条例（征求意见稿）","draftText":"第一条 为了加强安全生产工作。",
             "decisionBasis":"《中华人民共和国安全生产法》","explanation":"起草说明","catalogueItemCode":"WS-05",
             "channels":["WEBSITE"],"periodStart":"2026-11-01","periodEnd":"2099-12-01","shortPeriodReason":null,
             "acceptingComments":true,"commentsPublic":false,"status":"OPEN"}""";
    static final String RECEIPT = "GK-RECEIPT-0001";

    static HttpServer backend;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void twoPortals() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            int status = 200;
            String body = switch (call) {
                case "GET /api/public/consultations/c1" -> CONSULTATION;
                case "POST /api/public/consultations/c1/comments" -> "{\"receipt\":\"" + RECEIPT
                        + "\",\"consultationId\":\"c1\",\"receivedAt\":\"2026-12-02T01:00:00Z\",\"statusUrl\":\"/api/public/comments/" + RECEIPT + "\"}";
                default -> {
                    status = 404;
                    yield "{\"type\":\"urn:gongkai:problem:not-found\",\"status\":404,\"detail\":\"没有找到。\"}";
                }
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        backend.start();
        String namespace = "gongkai:test:" + UUID.randomUUID();
        first = portal(namespace);
        second = portal(namespace);
    }

    static ConfigurableApplicationContext portal(String sessionNamespace) {
        String backendUri = "http://127.0.0.1:" + backend.getAddress().getPort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("gongkai.portal.session-store", "redis");
        properties.put("gongkai.portal.session-namespace", sessionNamespace);
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", 6379);
        properties.put("gongkai.security.issuer", "http://kc.test/realms/gongkai");
        properties.put("gongkai.security.jwk-set-uri", "http://kc-internal.test/realms/gongkai/protocol/openid-connect/certs");
        for (String service : new String[] {"catalogue", "publication", "consultation", "reporting"}) {
            properties.put("gongkai.routes." + service, backendUri);
        }
        // as command-line arguments: they outrank application.yml (server.port there is ${PORTAL_PORT:8090})
        return new SpringApplicationBuilder(PortalApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        backend.stop(0);
    }

    @Test
    void aCommentFormShownByOneInstanceIsAcceptedByTheOtherAndItsReceiptShownByEither() throws Exception {
        HttpResponse<String> page = send(first, HttpRequest.newBuilder().GET(), "/portal/consultations/c1", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = sessionCookie(page);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();

        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&content="
                + URLEncoder.encode("建议在林区入口增设防火宣传牌。", StandardCharsets.UTF_8);
        HttpResponse<String> posted = send(second, HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "/portal/consultations/c1/comments", cookie);
        assertThat(posted.statusCode()).as("the other instance knows the session and its CSRF token").isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/portal/consultations/c1/receipt");

        HttpResponse<String> receipt = send(first, HttpRequest.newBuilder().GET(), "/portal/consultations/c1/receipt", cookie);
        assertThat(receipt.statusCode()).as("the receipt handed on by the other instance").isEqualTo(200);
        assertThat(receipt.body()).contains(RECEIPT);
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext portal, HttpRequest.Builder request, String path, String cookie)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
        request.uri(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GONGKAI_PORTAL="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
