package org.gongkai.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.json.JsonMapper;

/**
 * Faults under load, checked write by write (in the style of Jepsen's checkers): while citizens keep commenting, each
 * retrying with the same Idempotency-Key until answered 201, consultation-service, reporting-service and the MongoDB wire
 * server are each killed with {@code kill -9} and started again. Every acknowledged receipt must then be found, the
 * consultation must hold exactly the acknowledged comments, and reporting must count each once:
 * lost 0, duplicated 0, unexpected 0. Takes several minutes, so it runs only with {@code -Dgongkai.soak=true}.
 * Not covered yet: cuts of the broker connection (the suite would need its own relay in front of RabbitMQ).
 */
@ExtendWith(RunningSuite.class)
@EnabledIfSystemProperty(named = "gongkai.soak", matches = "true")
class FaultInjectionSoakSystemTest {

    static final int CLIENTS = 3;
    static final String CONSULTATION_SERVICE = "http://localhost:" + Suite.PORTS.get("CONSULTATION_PORT");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void killsUnderLoadLoseNothingAndDuplicateNothing() throws Exception {
        String safety1 = Suite.token("safety1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
        await().atMost(Duration.ofSeconds(60)).until(() -> Suite.call(safety1, "GET", "/api/consultations/catalogue-snapshots", null)
                .body().contains("work-safety"));
        Suite.Response drafted = Suite.call(safety1, "POST", "/api/consultations", Map.of("title", "某某县危险化学品安全管理办法（征求意见稿）",
                "draftText", "第一条 为了加强危险化学品安全管理……", "decisionBasis", "《危险化学品安全管理条例》", "explanation", "起草说明",
                "catalogueItemCode", "WS-05", "channels", List.of("WEBSITE"), "periodStart", today.toString(),
                "periodEnd", today.plusDays(30).toString(), "commentsPublic", false));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String consultation = drafted.json().get("id").asString();
        assertThat(Suite.call(safety1, "POST", "/api/consultations/" + consultation + "/opening", null).status()).isEqualTo(200);
        String figures = "/api/reporting/sections/safety-coordination/figures?period=" + period;
        long countedBefore = Suite.call(safety1, "GET", figures, null).json().get("commentsReceived").asLong();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean load = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String client = "198.51.100." + (10 + c);
            running.add(clients.submit(() -> {
                while (load.get()) {
                    acknowledged.add(commentUntilAcknowledged(consultation, client));
                }
                return null;
            }));
        }
        try {
            for (String victim : List.of("consultation-service", "reporting-service", "local-mongo")) {
                await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true); // load runs a while
                Suite.killHard(victim);
                Suite.startWhatStopped();
            }
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
        } finally {
            load.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
        }

        long lost = acknowledged.stream().filter(receipt -> status("/api/public/comments/" + receipt) != 200).count();
        Suite.Response stored = Suite.call(safety1, "GET", "/api/consultations/" + consultation + "/comments", null);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        long storedCount = stored.json().size();
        long duplicated = Math.max(0, storedCount - acknowledged.size());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                Suite.call(safety1, "GET", figures, null).json().get("commentsReceived").asLong() - countedBefore >= acknowledged.size());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        long counted = Suite.call(safety1, "GET", figures, null).json().get("commentsReceived").asLong() - countedBefore;
        long unexpected = Math.max(0, counted - acknowledged.size());
        String checker = "soak checker: acknowledged " + acknowledged.size() + ", stored " + storedCount + ", counted by reporting "
                + counted + "; lost " + lost + ", duplicated " + duplicated + ", unexpected " + unexpected;
        System.out.println(checker);
        assertThat(acknowledged).as("comments acknowledged under faults").hasSizeGreaterThan(20);
        assertThat(lost).as(checker).isZero();
        assertThat(storedCount).as(checker).isEqualTo(acknowledged.size());
        assertThat(counted).as(checker).isEqualTo(acknowledged.size());
    }

    /** A citizen who keeps retrying with the same key (and text) until the comment is acknowledged; returns the receipt. */
    private static String commentUntilAcknowledged(String consultation, String client) throws InterruptedException {
        String key = "soak-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(Map.of("content", "建议加强危险化学品仓储巡查（" + key + "）。"));
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(CONSULTATION_SERVICE + "/api/public/consultations/" + consultation + "/comments"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return JSON.readTree(response.body()).get("receipt").asString();
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException("comment refused: " + response.statusCode() + " " + response.body());
                }
            } catch (java.io.IOException unreachable) {
                // the service is down or restarting: retry with the same key
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("comment " + key + " not acknowledged within 5 minutes");
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(CONSULTATION_SERVICE + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
