package org.gongkai.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gongkai.testsupport.TcpOutage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real suite, started and stopped with the README's own command ({@code bin/gongkai}) on ports of its
 * own, so a suite a developer keeps running on the default ports is not disturbed. Every service reaches the broker
 * through a TCP relay of this run ({@link #brokerRelay()}), which a test may cut to take the broker away from all of
 * them at once, as a network outage does.
 */
final class Suite {

    static final int GATEWAY = 18080;
    static final int KEYCLOAK = 18180;
    static final Map<String, String> PORTS = Map.of(
            "GATEWAY_PORT", "18080", "KEYCLOAK_PORT", "18180", "KEYCLOAK_MANAGEMENT_PORT", "19000",
            "CATALOGUE_PORT", "18081", "PUBLICATION_PORT", "18082", "CONSULTATION_PORT", "18083",
            "REPORTING_PORT", "18084", "PORTAL_PORT", "18090", "MONGO_PORT", "27127");

    static final Map<String, String> RAISED_RATE_LIMITS = Map.of(
            "GONGKAI_GATEWAY_RATELIMIT_PUBLICWRITESPERMINUTE", "100000", "GONGKAI_GATEWAY_RATELIMIT_PUBLICWRITEBURST", "10000",
            "GONGKAI_GATEWAY_RATELIMIT_REQUESTSPERSECOND", "10000", "GONGKAI_GATEWAY_RATELIMIT_REQUESTBURST", "10000");
    /** Instance k of a service or gateway listens on its port + (k-1) × this (bin/gongkai's GONGKAI_INSTANCE_PORT_STEP). */
    static final int INSTANCE_PORT_STEP = 1000;
    private static String namespace = "systest-" + Long.toHexString(System.nanoTime());
    private static int instances = 1;
    private static Map<String, String> settings = Map.of();
    private static final java.util.concurrent.atomic.AtomicInteger nextGateway = new java.util.concurrent.atomic.AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The broker bin/gongkai finds (or starts, embedded) on its default address; the relay forwards to it. */
    private static final String BROKER_HOST = "127.0.0.1";
    private static final int BROKER_PORT = 5672;
    private static TcpOutage brokerRelay;

    private Suite() {
    }

    /**
     * What the next {@code start} starts: this many instances of each service and gateways, with these settings on top
     * of the suite's own, and exchanges and queues of a namespace of its own (so that nothing an earlier start left in
     * a queue reaches it). Stop the running suite first: it keeps the ports.
     */
    static synchronized void configure(int instanceCount, Map<String, String> extraSettings) {
        instances = instanceCount;
        settings = Map.copyOf(extraSettings);
        namespace = "systest-" + Long.toHexString(System.nanoTime());
    }

    /** The exchanges of this start are {@code <namespace>.<service>}. */
    static synchronized String namespace() {
        return namespace;
    }

    /** Every gateway of this start, by port; {@link #call} takes them in turn. */
    static synchronized java.util.List<Integer> gateways() {
        return java.util.stream.IntStream.range(0, instances).mapToObj(k -> GATEWAY + k * INSTANCE_PORT_STEP).toList();
    }

    /** Instance k (from 1) of an app: {@code catalogue-service}, {@code catalogue-service-2}, … as bin/gongkai names them. */
    static String instance(String app, int k) {
        return k == 1 ? app : app + "-" + k;
    }

    static Path root() {
        return Path.of(System.getProperty("gongkai.root", "..")).toAbsolutePath().normalize();
    }

    static Path home() {
        return Path.of(System.getProperty("gongkai.suite.home", "target/suite")).toAbsolutePath();
    }

    static void run(String command) throws IOException, InterruptedException {
        Files.createDirectories(home());
        if (command.equals("start")) {
            // every run starts from empty databases, so a test never meets what an earlier run left (e.g. a review already open)
            Path data = home().resolve("data");
            if (Files.isDirectory(data)) {
                try (var files = Files.list(data)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith("mongo")).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        if (command.equals("start")) {
            // and Keycloak imports the realm file of this checkout again (an existing realm is never re-imported)
            try (var homes = Files.list(home())) {
                for (Path keycloak : homes.filter(f -> f.getFileName().toString().startsWith("keycloak-")).toList()) {
                    Path h2 = keycloak.resolve("data/h2");
                    if (Files.isDirectory(h2)) {
                        try (var files = Files.walk(h2)) {
                            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                                Files.delete(f);
                            }
                        }
                    }
                }
            }
        }
        if (command.equals("start")) {
            synchronized (Suite.class) {
                tokens.clear(); // Keycloak imports the realm again: new keys
            }
            openBrokerRelay();
        }
        gongkai(command);
        if (command.equals("stop") && brokerRelay != null) {
            brokerRelay.close();
            brokerRelay = null;
        }
    }

    /**
     * The relay in front of the broker that every service of this run connects through (their RABBIT_PORT): cut it
     * and the whole suite loses the broker; restore it and they reconnect. Never cut while bin/gongkai starts
     * something, since start waits for readiness.
     */
    static synchronized TcpOutage brokerRelay() {
        if (brokerRelay == null) {
            throw new IllegalStateException("the suite is not started");
        }
        return brokerRelay;
    }

    private static synchronized TcpOutage currentRelay() {
        return brokerRelay;
    }

    /** A broker answers first (bin/gongkai broker finds RabbitMQ or starts the embedded one), then the relay opens in front of it. */
    private static synchronized void openBrokerRelay() throws IOException, InterruptedException {
        if (brokerRelay != null) {
            return;
        }
        gongkai("broker");
        brokerRelay = new TcpOutage(BROKER_HOST, BROKER_PORT);
    }

    /** {@code bin/gongkai start} again, keeping the data: it starts whatever is not running (after a kill) and waits for it. */
    static void startWhatStopped() throws IOException, InterruptedException {
        gongkai("start");
    }

    /** Kills a part of the suite the way a crash does ({@code kill -9}), by the PID bin/gongkai keeps. */
    static void killHard(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(home().resolve("run/" + name + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    private static void gongkai(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root().resolve("bin/gongkai").toString(), command)
                .directory(root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home().resolve("gongkai-" + command + ".out").toFile()));
        builder.environment().putAll(PORTS);
        // the services reach the broker through the relay; only finding (or starting) the broker itself uses its own address
        TcpOutage relay = command.equals("broker") ? null : currentRelay();
        builder.environment().put("RABBIT_HOST", BROKER_HOST);
        builder.environment().put("RABBIT_PORT", Integer.toString(relay == null ? BROKER_PORT : relay.port()));
        // exchanges and queues of this run only, expiring when unused: no event of an earlier run can leak in
        builder.environment().put("GONGKAI_EVENTS_NAMESPACE", namespace());
        for (String side : new String[] {"CONSUMER", "PRODUCER"}) {
            builder.environment().put("SPRING_CLOUD_STREAM_RABBIT_DEFAULT_" + side + "_EXPIRES", "600000");
            builder.environment().put("SPRING_CLOUD_STREAM_RABBIT_DEFAULT_" + side + "_DLQ_EXPIRES", "600000");
        }
        // the bad-request corpus comes from one address (loopback) at the pace of a test client: the gateway's
        // per-address buckets are raised so that its requests reach the services instead of ending in 429
        builder.environment().putAll(RAISED_RATE_LIMITS);
        synchronized (Suite.class) {
            builder.environment().put("GONGKAI_INSTANCES", Integer.toString(instances));
            builder.environment().putAll(settings);
        }
        builder.environment().put("GONGKAI_HOME", home().toString());
        builder.environment().put("GONGKAI_SKIP_BUILD", "1");
        // behaviour, not speed, is checked here, with the suite started several times: C1 only starts it sooner
        builder.environment().putIfAbsent("GONGKAI_JVM_PROFILE", "start-up");
        Process process = builder.start();
        if (!process.waitFor(8L * instances, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/gongkai " + command + " failed:\n"
                    + Files.readString(home().resolve("gongkai-" + command + ".out")) + "\nlogs in " + home().resolve("logs"));
        }
    }

    private record CachedToken(String value, java.time.Instant fetched) {
    }

    private static final Map<String, CachedToken> tokens = new java.util.HashMap<>();

    /**
     * A real access token from the real Keycloak, by the password grant of the public gongkai-cli client: one per user,
     * renewed well before its 300 s expire and never by two clients at once. Two password grants of the same user at
     * the same moment got the user locked out by Keycloak's brute-force protection for a minute
     * ({@code user_temporarily_disabled}) in a run of the soak.
     */
    static synchronized String token(String user) throws IOException, InterruptedException {
        CachedToken cached = tokens.get(user);
        if (cached == null || cached.fetched().isBefore(java.time.Instant.now().minusSeconds(180))) {
            cached = new CachedToken(freshToken(user), java.time.Instant.now());
            tokens.put(user, cached);
        }
        return cached.value();
    }

    private static String freshToken(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=gongkai-cli&username=" + user + "&password="
                + URLEncoder.encode(user + "-pw", StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + KEYCLOAK + "/realms/gongkai/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static Response call(String token, String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        java.util.List<Integer> gateways = gateways();
        int gateway = gateways.get(Math.floorMod(nextGateway.getAndIncrement(), gateways.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }

    /**
     * Every item of a paginated list (PageView: items, page, size, total), read in pages of 100; {@code path} may carry
     * a query. Fails on an answer other than 200.
     */
    static List<JsonNode> all(String token, String path) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < 100; page++) {
            Response answer = call(token, "GET", path + separator + "page=" + page + "&size=100", null);
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
            }
            JsonNode found = answer.json();
            found.get("items").forEach(all::add);
            if (found.get("items").isEmpty() || all.size() >= found.get("total").asLong()) {
                break;
            }
        }
        return all;
    }

    static Response call(String token, String method, String path, Object body) throws IOException, InterruptedException {
        return call(token, method, path, body, Map.of());
    }
}
