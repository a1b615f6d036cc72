package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two gateway instances sharing the real Redis at 127.0.0.1:6379 share their rate limits: a client's burst of public
 * writes is spent across both, and the next write is refused on either with 429, {@code Retry-After} and problem+json,
 * reaching no service. The bucket names carry a prefix unique to this run, so nothing left in Redis by an earlier run
 * can make this pass or fail. A gateway whose Redis refuses connections or hangs lets requests through (fails open,
after at most spring.data.redis.timeout) — never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class SharedRateLimitTest {

    static final int BURST = 4;
    static final String RUN = "test-" + UUID.randomUUID();
    static StubService service;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        service = new StubService();
        service.routeEverythingHere(registry);
        shared().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** What both instances are configured with: the Redis store, one write a minute, a burst of {@value #BURST}. */
    static Map<String, Object> shared() {
        return Map.of("gongkai.gateway.rate-limit.store", "redis",
                "gongkai.gateway.rate-limit.redis-key-prefix", RUN,
                "gongkai.gateway.rate-limit.public-write-burst", BURST,
                "gongkai.gateway.rate-limit.public-writes-per-minute", 1,
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", 6379);
    }

    static final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterAll
    static void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        service.stop();
    }

    @Autowired
    WebTestClient first;

    @Autowired
    ApplicationContext firstContext;

    /** Another gateway instance in this JVM, on a port of its own, with the same settings but for {@code overrides}. */
    static ConfigurableApplicationContext anotherGateway(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(shared());
        for (String name : List.of("catalogue", "publication", "consultation", "reporting", "portal")) {
            properties.put("gongkai.routes." + name, service.uri());
        }
        properties.put("gongkai.security.issuer", org.gongkai.testsupport.TestTokens.ISSUER);
        properties.put("gongkai.security.jwk-set-uri", org.gongkai.testsupport.TestTokens.jwksUri());
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // as command-line arguments, which come before application.yml (default properties would come after it)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
        started.add(context);
        return context;
    }

    static WebTestClient clientOf(ApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void aClientsBurstIsSharedByBothInstances() {
        ConfigurableApplicationContext secondContext = anotherGateway(Map.of());
        WebTestClient second = clientOf(secondContext);
        assertThat(firstContext.containsBean("redisBuckets")).isTrue();
        assertThat(secondContext.containsBean("redisBuckets")).isTrue();
        assertThat(firstContext.containsBean("inProcessBuckets")).isFalse();
        String path = "/api/public/consultations/" + RUN + "/comments";
        double rejectedBefore = rateLimited(firstContext) + rateLimited(secondContext);

        for (int i = 0; i < BURST; i++) {
            assertThat(comment(i % 2 == 0 ? first : second, path, i).getStatus().value()).as("write %d", i).isEqualTo(200);
        }
        // the burst is spent, half of it on each instance: the next write is refused on either one
        for (WebTestClient gateway : List.of(first, second)) {
            EntityExchangeResult<String> refused = comment(gateway, path, BURST);
            assertThat(refused.getStatus().value()).isEqualTo(429);
            assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getResponseBody()).contains("urn:gongkai:problem:rate-limited", "秒后再试");
            // one write a minute: the next one is tens of seconds away
            assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(30, 60);
        }
        assertThat(service.on(path)).hasSize(BURST);
        assertThat(unlimited(firstContext) + unlimited(secondContext)).as("Redis answered every time").isZero();
        assertThat(rateLimited(firstContext) + rateLimited(secondContext)).isEqualTo(rejectedBefore + 2);
        // other requests have their own, generous bucket: reading still works on both
        first.get().uri("/api/public/documents").exchange().expectStatus().isOk();
        second.get().uri("/api/public/documents").exchange().expectStatus().isOk();
    }

    @Test
    void withoutAnsweringRedisRequestsPassUnlimitedAndNothingAnswers5xx() throws IOException {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort(); // closed again: nothing listens there
        }
        ConfigurableApplicationContext context = anotherGateway(Map.of("spring.data.redis.port", nobody,
                "gongkai.gateway.rate-limit.public-write-burst", 1));
        WebTestClient gateway = clientOf(context);
        String path = "/api/public/consultations/" + RUN + "-no-redis/comments";
        for (int i = 0; i < 3; i++) {
            assertThat(comment(gateway, path, i).getStatus().value()).as("write %d", i).isEqualTo(200);
        }
        assertThat(service.on(path)).hasSize(3);
        assertThat(rateLimited(context)).isZero();
        assertThat(unlimited(context)).as("counted as passed without a limit").isEqualTo(3);
    }

    @Test
    void aRedisThatHangsDelaysRequestsByItsTimeoutThenLetsThemThrough() throws IOException {
        // a "Redis" that accepts connections and never answers, as a hung or overloaded server does
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        held.add(blackHole.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "black-hole-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            ConfigurableApplicationContext context = anotherGateway(Map.of("spring.data.redis.port", blackHole.getLocalPort(),
                    "gongkai.gateway.rate-limit.public-write-burst", 1));
            WebTestClient gateway = clientOf(context);
            String path = "/api/public/consultations/" + RUN + "-hung-redis/comments";
            for (int i = 0; i < 2; i++) {
                assertThat(comment(gateway, path, i).getStatus().value()).as("write %d", i).isEqualTo(200);
            }
            assertThat(held).as("the gateway did ask the hung Redis").isNotEmpty();
            assertThat(service.on(path)).hasSize(2);
            assertThat(unlimited(context)).isEqualTo(2);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static EntityExchangeResult<String> comment(WebTestClient gateway, String path, int i) {
        return gateway.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"content\":\"第" + i + "条意见\"}")
                .exchange().expectBody(String.class).returnResult();
    }

    private static double unlimited(ApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class).find("gongkai.gateway.rate-limit.unlimited").counter();
        return counter == null ? 0 : counter.count();
    }

    private static double rateLimited(ApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class).find(org.gongkai.gateway.observability.SecurityRejections.METER)
                .tag("kind", "rate-limited").counter();
        return counter == null ? 0 : counter.count();
    }
}
