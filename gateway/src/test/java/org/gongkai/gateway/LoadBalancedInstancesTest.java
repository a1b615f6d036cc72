package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
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
 * A service run as several instances: its route is {@code lb://consultation}, balanced over a static list of instances
 * (Spring Cloud LoadBalancer with the simple discovery client, as {@code GONGKAI_INSTANCES=2 bin/gongkai start} sets it
 * up). One listed instance is down (its port refuses connections): requests to it, writes included, go to the next
 * instance and each reaches exactly one instance once. An instance that answers 5xx to a write is not asked again:
 * the write may have been done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class LoadBalancedInstancesTest {

    static StubService first;
    static StubService second;
    static HttpServer failing;
    static final AtomicInteger failingCalls = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        first = new StubService();
        second = new StubService();
        first.routeEverythingHere(registry);
        registry.add("gongkai.routes.consultation", () -> "lb://consultation");
        String instances = "spring.cloud.discovery.client.simple.instances.consultation";
        registry.add(instances + "[0].uri", first::uri);
        registry.add(instances + "[1].uri", () -> "http://127.0.0.1:" + portNobodyListensOn());
        registry.add(instances + "[2].uri", second::uri);
        failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failing.createContext("/", exchange -> {
            failingCalls.incrementAndGet();
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            byte[] body = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        failing.start();
        registry.add("gongkai.routes.reporting", () -> "lb://reporting");
        registry.add("spring.cloud.discovery.client.simple.instances.reporting[0].uri",
                () -> "http://127.0.0.1:" + failing.getAddress().getPort());
        registry.add("gongkai.gateway.rate-limit.public-write-burst", () -> 1000);
        registry.add("gongkai.gateway.rate-limit.public-writes-per-minute", () -> 1000);
    }

    @AfterAll
    static void stop() {
        first.stop();
        second.stop();
        failing.stop(0);
    }

    @Autowired
    WebTestClient client;

    @Test
    void requestsAreSpreadOverTheInstancesAndADownInstanceIsSkipped() {
        int comments = 30;
        for (int i = 0; i < comments; i++) {
            client.post().uri("/api/public/consultations/c-1/comments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"content\":\"意见 " + i + "\"}")
                    .exchange().expectStatus().isOk();
        }
        for (int i = 0; i < comments; i++) {
            client.get().uri("/api/public/consultations/c-1").exchange().expectStatus().isOk();
        }
        var writesFirst = first.on("/api/public/consultations/c-1/comments");
        var writesSecond = second.on("/api/public/consultations/c-1/comments");
        assertThat(writesFirst.size() + writesSecond.size()).as("each write reached exactly one instance once").isEqualTo(comments);
        assertThat(writesFirst).as("balanced over both live instances").isNotEmpty();
        assertThat(writesSecond).as("balanced over both live instances").isNotEmpty();
        assertThat(first.on("/api/public/consultations/c-1").size() + second.on("/api/public/consultations/c-1").size())
                .isEqualTo(comments);
        writesFirst.forEach(seen -> assertThat(seen.bodyBytes()).as("the whole body reached the instance").isPositive());
        writesSecond.forEach(seen -> assertThat(seen.bodyBytes()).as("the whole body reached the instance").isPositive());
    }

    @Test
    void aWriteAnsweredWithAServerErrorIsNotRepeated() {
        int before = failingCalls.get();
        client.post().uri("/api/reporting/reports").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header("Authorization", "Bearer " + org.gongkai.testsupport.TestTokens.forUser("office"))
                .exchange().expectStatus().isEqualTo(503);
        assertThat(failingCalls.get() - before).isEqualTo(1);
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
