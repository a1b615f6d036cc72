package org.gongkai.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite past one machine's single instances: {@code GONGKAI_INSTANCES=2 bin/gongkai start} runs two instances of
 * every service and two gateways (the portal once), the gateways balancing over the instances and sharing their rate
 * limits in Redis. Clients reach it as they would through a load balancer in front of both gateways: requests
 * alternate between them, and each names its client in {@code X-Forwarded-For}, which the gateways believe from the
 * loopback proxy only. Runs after every other system test, since it restarts the suite.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceSystemTest {

    static final int INSTANCES = 2;
    static final int PUBLIC_WRITE_BURST = 10;
    static final String SECTION = "safety-coordination";
    static final List<String> SERVICES = List.of("catalogue-service", "publication-service", "consultation-service", "reporting-service");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicInteger nextGateway = new AtomicInteger();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    static String consultation;
    /** Comments the suite has acknowledged so far in this class, so that a test can wait for reporting to have them all. */
    static final AtomicInteger acknowledgedComments = new AtomicInteger();
    static long commentsCountedAtStart;

    @BeforeAll
    static void twoInstancesOfEverything() throws Exception {
        Suite.run("stop"); // the single-instance suite of the other system tests, when it runs: this one takes its ports
        Suite.configure(INSTANCES, Map.of(
                // shared buckets in Redis, the default limits of public writes: a burst of 10, then one a minute
                "GONGKAI_GATEWAY_RATE_LIMIT_STORE", "redis",
                "GONGKAI_GATEWAY_RATELIMIT_REDISKEYPREFIX", "systest-" + RUN + "-" + UUID.randomUUID(),
                "GONGKAI_GATEWAY_RATELIMIT_PUBLICWRITESPERMINUTE", "1",
                "GONGKAI_GATEWAY_RATELIMIT_PUBLICWRITEBURST", Integer.toString(PUBLIC_WRITE_BURST),
                // this test plays the load balancer in front of both gateways
                "GONGKAI_GATEWAY_TRUSTEDPROXIES", "127.0.0.1/32,::1/128",
                // the deadline watch of every publication instance runs every 2 s, so both race for each round
                "GONGKAI_DEADLINES_CHECK_INTERVAL", "2s",
                "GONGKAI_DEADLINES_INITIAL_DELAY", "5s"));
        Suite.run("start");
        assertThat(Suite.gateways()).hasSize(INSTANCES);
        await().atMost(Duration.ofSeconds(120)).until(() -> Suite.call(Suite.token("safety1"), "GET",
                "/api/consultations/catalogue-snapshots", null).body().contains("work-safety"));
        String safety1 = Suite.token("safety1");
        Suite.Response drafted = Suite.call(safety1, "POST", "/api/consultations", Map.of("title", "某某县森林防火管理规定（征求意见稿）",
                "draftText", "第一条 为了加强森林防火工作……", "decisionBasis", "《森林防火条例》", "explanation", "起草说明",
                "catalogueItemCode", "WS-05", "channels", List.of("WEBSITE"), "periodStart", TODAY.toString(),
                "periodEnd", TODAY.plusDays(30).toString(), "commentsPublic", false));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        consultation = drafted.json().get("id").asString();
        Suite.Response opened = Suite.call(safety1, "POST", "/api/consultations/" + consultation + "/opening", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        commentsCountedAtStart = sectionFigure(figures(), "commentsReceived");
    }

    static String figures() {
        return "/api/reporting/sections/" + SECTION + "/figures?period=" + TODAY.getYear() + (TODAY.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    @AfterAll
    static void backToOneInstance() throws Exception {
        try {
            Suite.run("stop");
        } finally {
            Suite.configure(1, Map.of());
        }
    }

    /** N + 1 writes from one client spread over both gateways: the one more than the burst allows is refused, once. */
    @Test
    @Order(1)
    void theRateLimitOfPublicWritesHoldsAcrossBothGateways() throws Exception {
        String client = "10.99.0.1";
        List<Integer> statuses = new ArrayList<>();
        Map<Integer, Integer> refusedBy = new ConcurrentHashMap<>();
        for (int i = 0; i <= PUBLIC_WRITE_BURST; i++) {
            int gateway = nextGateway();
            HttpResponse<String> answer = comment(gateway, client, "rate-" + UUID.randomUUID());
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                acknowledgedComments.incrementAndGet();
            }
            if (answer.statusCode() == 429) {
                refusedBy.merge(gateway, 1, Integer::sum);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
        assertThat(statuses).as("statuses in order, over gateways %s", Suite.gateways())
                .hasSize(PUBLIC_WRITE_BURST + 1)
                .filteredOn(status -> status == 429).hasSize(1);
        assertThat(statuses.subList(0, PUBLIC_WRITE_BURST)).as("the burst itself is accepted").allMatch(status -> status == 200 || status == 201);
        // and the next write is refused on either gateway, whichever took the last one
        for (int gateway : Suite.gateways()) {
            assertThat(comment(gateway, client, "rate-" + UUID.randomUUID()).statusCode()).isEqualTo(429);
        }
    }

    /**
     * An overdue publication is announced by the deadline watch, which runs in both publication-service instances
     * every 2 s: the announcement leaves once. The events are counted on a queue of this test, bound to everything
     * publication-service publishes.
     */
    @Test
    @Order(2)
    void aScheduledAnnouncementFiresOnceThoughTwoInstancesWatch() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        List<String> overdueAnnouncements = new CopyOnWriteArrayList<>();
        List<String> announcementIds = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.newConnection("multi-instance-system-test"); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue(); // exclusive, deleted with the connection
            channel.queueBind(queue, Suite.namespace() + ".publication", "#");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    Object type = properties.getHeaders() == null ? null : properties.getHeaders().get("cloudEvents:type");
                    if (type != null && type.toString().contains("document-publication-overdue")) {
                        overdueAnnouncements.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("documentId").asString());
                        announcementIds.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("documentId").asString()
                                + " " + properties.getHeaders().get("cloudEvents:id"));
                    }
                }
            });
            // issued two months ago and never published: 20 working days have long passed
            String document = issuedDocument("县应急〔multi" + RUN + "〕1号", TODAY.minusMonths(2));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> overdueAnnouncements.contains(document));
            // ten more rounds of each instance's watch: a second announcement would arrive now
            await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21)).until(() -> true);
            // one announcement: one event id. Delivery is at least once (a send whose confirm was lost is sent again, and
            // consumers drop the repeat by its id), so the same event may arrive twice; a second event may not
            assertThat(announcementIds).as("announcements (event ids) of the overdue document")
                    .filteredOn(a -> a.startsWith(document + " ")).isNotEmpty().containsOnly(announcementIds.stream()
                            .filter(a -> a.startsWith(document + " ")).findFirst().orElseThrow());
            System.out.println("multi-instance checker: overdue announcement deliveries " + overdueAnnouncements.stream()
                    .filter(document::equals).count() + ", distinct event ids 1");
        }
        for (int k = 1; k <= INSTANCES; k++) {
            assertThat(readiness(Suite.instance("publication-service", k), "PUBLICATION_PORT", k)).as("publication-service instance " + k).isEqualTo(200);
        }
    }

    /**
     * Comments from many clients and documents taken to publication, spread over both gateways and every instance;
     * mid-burst one instance of each service is killed ({@code kill -9}). Clients retry what was not acknowledged
     * (comments with the same idempotency key). In the end every acknowledged comment and document is stored once and
     * counted by reporting once: nothing acknowledged is lost, nothing doubled.
     */
    /**
     * A citizen on the portal pages, through both gateways and so both portal instances (round robin on each
     * gateway): the comment form comes from one instance, the post may go to the other, and the receipt page after it
     * always comes from the other one than the form, in every round. Only sessions shared in Redis make all of it work.
     */
    @Test
    @Order(3)
    void aCitizensPortalSessionFollowsHimAcrossPortalInstances() throws Exception {
        int form = Suite.gateways().get(0);
        int post = Suite.gateways().get(1);
        for (int round = 1; round <= 4; round++) {
            String client = "10.88.0." + round;
            HttpResponse<String> page = portal(form, client, HttpRequest.newBuilder().GET(), "/portal/consultations/" + consultation, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GONGKAI_PORTAL="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as("the comment form carries a CSRF token").isTrue();
            String body = "_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&content="
                    + java.net.URLEncoder.encode("建议在林区入口增设防火宣传牌（portal-" + round + "）。", StandardCharsets.UTF_8);
            HttpResponse<String> posted = portal(post, client, HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), "/portal/consultations/" + consultation + "/comments", cookie);
            assertThat(posted.statusCode()).as("round " + round + ": " + posted.body()).isEqualTo(302);
            acknowledgedComments.incrementAndGet();
            HttpResponse<String> receipt = portal(form, client, HttpRequest.newBuilder().GET(),
                    posted.headers().firstValue("Location").orElseThrow(), cookie);
            assertThat(receipt.statusCode()).as("round " + round).isEqualTo(200);
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(receipt.body());
            assertThat(code.find()).as("round " + round + ": the receipt page shows the receipt code").isTrue();
            assertThat(Suite.call(null, "GET", "/api/public/comments/" + code.group(1).strip(), null).status())
                    .as("round " + round + ": the receipt is the stored comment's").isEqualTo(200);
        }
    }

    private static HttpResponse<String> portal(int gateway, String client, HttpRequest.Builder request, String path, String cookie)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + gateway).resolve(path);
        request.uri(uri).timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", client);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(4)
    void aBurstOverBothGatewaysIsCountedExactlyOnceThoughAnInstanceOfEachServiceDies() throws Exception {
        String figures = figures();
        // reporting has counted the earlier tests' comments before the figures are taken
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> sectionFigure(figures, "commentsReceived") == commentsCountedAtStart + acknowledgedComments.get());
        long commentsBefore = sectionFigure(figures, "commentsReceived");
        long documentsBefore = sectionFigure(figures, "documentsPublished");
        Map<String, Long> commentWritesBefore = commentWritesPerInstance();

        Set<String> receipts = ConcurrentHashMap.newKeySet();
        Map<String, String> documents = new ConcurrentHashMap<>();
        AtomicInteger clientsSoFar = new AtomicInteger();
        AtomicBoolean load = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(pool.submit(() -> {
                while (load.get()) {
                    int n = clientsSoFar.incrementAndGet();
                    receipts.add(commentUntilAcknowledged("10.77." + (n / 250) + "." + (n % 250 + 1)));
                }
                return null;
            }));
        }
        FaultInjectionSoakSystemTest documentFlow = new FaultInjectionSoakSystemTest();
        running.add(pool.submit(() -> {
            for (int i = 1; load.get(); i++) {
                documentFlow.documentUntilPublished("县应急〔multi" + RUN + "〕" + (100 + i) + "号", documents);
            }
            return null;
        }));
        List<String> killed = new ArrayList<>();
        Map<String, Long> commentWritesBeforeTheKill;
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> receipts.size() >= 60 && documents.values().stream().filter("PUBLISHED"::equals).count() >= 2);
            commentWritesBeforeTheKill = commentWritesPerInstance();
            for (String service : SERVICES) {
                Suite.killHard(Suite.instance(service, 2));
                killed.add(Suite.instance(service, 2));
            }
            int afterTheKill = receipts.size();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> receipts.size() >= afterTheKill + 60);
        } finally {
            load.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
        }

        long published = documents.values().stream().filter("PUBLISHED"::equals).count();
        long storedHere = 0;
        for (JsonNode comment : storedComments()) {
            if (comment.path("content").asString("").contains("（multi-")) {
                storedHere++;
            }
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                sectionFigure(figures, "commentsReceived") - commentsBefore >= receipts.size()
                        && sectionFigure(figures, "documentsPublished") - documentsBefore >= published);
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true); // a late duplicate would show now
        long countedComments = sectionFigure(figures, "commentsReceived") - commentsBefore;
        long countedDocuments = sectionFigure(figures, "documentsPublished") - documentsBefore;
        String figuresLine = "multi-instance checker: " + INSTANCES + " instances of each service, gateways " + Suite.gateways()
                + "; comments acknowledged " + receipts.size() + ", stored " + storedHere + ", counted by reporting " + countedComments
                + "; comment writes per consultation-service instance before the kill " + difference(commentWritesBeforeTheKill, commentWritesBefore)
                + "; documents acknowledged " + documents.size() + ", published " + published + ", counted by reporting " + countedDocuments
                + "; killed " + killed;
        System.out.println(figuresLine);
        assertThat(killed).as(figuresLine).hasSize(SERVICES.size());
        difference(commentWritesBeforeTheKill, commentWritesBefore).forEach((instance, writes) ->
                assertThat(writes).as("comments written by " + instance + " — " + figuresLine).isPositive());
        assertThat(storedHere).as(figuresLine).isEqualTo(receipts.size());
        assertThat(countedComments).as(figuresLine).isEqualTo(receipts.size());
        assertThat(countedDocuments).as(figuresLine).isEqualTo(published);
        for (String receipt : receipts) {
            assertThat(Suite.call(null, "GET", "/api/public/comments/" + receipt, null).status()).as("receipt " + receipt).isEqualTo(200);
        }
    }

    /** A citizen behind the load balancer, retrying with the same key (and text) until the comment is acknowledged. */
    private static String commentUntilAcknowledged(String client) throws Exception {
        String key = "multi-" + UUID.randomUUID();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> answer = comment(nextGateway(), client, key);
                if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                    return JSON.readTree(answer.body()).get("receipt").asString();
                }
                if (answer.statusCode() < 500) {
                    throw new IllegalStateException("comment refused: " + answer.statusCode() + " " + answer.body());
                }
            } catch (IOException unreachable) {
                // retried with the same key
            }
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        }
        throw new IllegalStateException("comment " + key + " not acknowledged within 3 minutes");
    }

    private static HttpResponse<String> comment(int gateway, String client, String key) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("content", "建议增加林区防火巡护频次（" + key + "）。"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/api/public/consultations/" + consultation + "/comments"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int nextGateway() {
        List<Integer> gateways = Suite.gateways();
        return gateways.get(Math.floorMod(nextGateway.getAndIncrement(), gateways.size()));
    }

    /** A proactive document drafted, approved and issued on the given day, not published. */
    private static String issuedDocument(String number, LocalDate issuedOn) throws Exception {
        String safety1 = Suite.token("safety1");
        String office = Suite.token("office");
        Suite.Response created = Suite.call(safety1, "POST", "/api/documents", Map.of("documentNumber", number,
                "title", "关于开展森林防火隐患排查的通知", "body", "各乡镇：请于本月底前完成排查。", "catalogueItemCode", "WS-03",
                "issuedInCountyName", false, "disclosureAttribute", "PROACTIVE", "mayInvolveStateSecrets", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/documents/" + created.json().get("id").asString();
        assertThat(Suite.call(safety1, "POST", path + "/submission", null).status()).isEqualTo(200);
        assertThat(Suite.call(office, "POST", path + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长")).status()).isEqualTo(200);
        Suite.Response issued = Suite.call(safety1, "POST", path + "/issuance", Map.of("issuedOn", issuedOn.toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return created.json().get("id").asString();
    }

    /** How many comments each consultation-service instance has taken, from its own request metrics. */
    private static Map<String, Long> commentWritesPerInstance() throws Exception {
        String admin = Suite.token("admin");
        Map<String, Long> writes = new java.util.TreeMap<>();
        for (int k = 1; k <= INSTANCES; k++) {
            int port = port("CONSULTATION_PORT", k);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/metrics/http.server.requests?tag=uri:/api/public/consultations/%7BconsultationId%7D/comments&tag=method:POST"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
            long count = 0;
            if (answer.statusCode() == 200) {
                for (JsonNode measurement : JSON.readTree(answer.body()).get("measurements")) {
                    if (measurement.get("statistic").asString().equals("COUNT")) {
                        count = measurement.get("value").asLong();
                    }
                }
            } else if (answer.statusCode() != 404) { // 404: no such request yet
                throw new IllegalStateException("metrics of consultation-service instance " + k + ": " + answer.statusCode() + " " + answer.body());
            }
            writes.put(Suite.instance("consultation-service", k), count);
        }
        return writes;
    }

    private static Map<String, Long> difference(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> difference = new java.util.TreeMap<>();
        later.forEach((instance, count) -> difference.put(instance, count - earlier.getOrDefault(instance, 0L)));
        return difference;
    }

    private static int port(String portVariable, int instance) {
        return Integer.parseInt(Suite.PORTS.get(portVariable)) + (instance - 1) * Suite.INSTANCE_PORT_STEP;
    }

    private static int readiness(String name, String portVariable, int instance) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(portVariable, instance) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(name + " does not answer", e);
        }
    }

    private static long sectionFigure(String figures, String name) throws Exception {
        Suite.Response answer = Suite.call(Suite.token("safety1"), "GET", figures, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get(name).asLong();
    }

    /** Every comment stored for the consultation, page by page where the list pages. */
    private static List<JsonNode> storedComments() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 1_000; page++) {
            Suite.Response answer = Suite.call(Suite.token("safety1"), "GET",
                    "/api/consultations/" + consultation + "/comments?size=100&page=" + page, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            if (answer.json().isArray()) {
                answer.json().forEach(all::add);
                return all;
            }
            answer.json().get("items").forEach(all::add);
            if (answer.json().get("items").isEmpty() || all.size() >= answer.json().get("total").asLong()) {
                return all;
            }
        }
        return all;
    }
}
