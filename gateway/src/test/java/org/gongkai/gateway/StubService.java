package org.gongkai.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP server standing in for every service behind the gateway: it records each request it receives (as soon
 * as it arrives, then how much body it could read) and answers 200 with the request headers it got, echoing the
 * correlation id as the services do.
 */
final class StubService {

    /** What reached the stub; {@code bodyBytes} is -1 while the body is being read or when it broke off. */
    record Seen(String method, String path, Map<String, List<String>> headers, long bodyBytes) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Seen arrived = new Seen(method, path, headers, -1);
            seen.add(arrived);
            long read;
            try {
                read = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            } catch (IOException brokenOff) {
                exchange.close();
                return;
            }
            seen.set(seen.indexOf(arrived), new Seen(method, path, headers, read));
            String echo = headers.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + String.join(", ", e.getValue()).replace("\"", "'") + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
            byte[] body = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().add("X-Correlation-Id", correlationId); // as the services do
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Routes every service and the portal to this stub, and the gateway's token checks to the test keys. */
    void routeEverythingHere(DynamicPropertyRegistry registry) {
        for (String service : List.of("catalogue", "publication", "consultation", "reporting", "portal")) {
            registry.add("gongkai.routes." + service, this::uri);
        }
        registry.add("gongkai.security.issuer", () -> org.gongkai.testsupport.TestTokens.ISSUER);
        registry.add("gongkai.security.jwk-set-uri", org.gongkai.testsupport.TestTokens::jwksUri);
    }

    List<Seen> on(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    void stop() {
        server.stop(0);
    }
}
