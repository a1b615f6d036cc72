import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepted anonymous comments per second through the gateway of a running suite (the busiest public write path).
 * Run with {@code bin/benchmark-comments}; single-file Java, no dependencies: {@code java bench/CommentBenchmark.java}.
 */
public class CommentBenchmark {

    public static void main(String[] args) throws Exception {
        String gateway = arg(args, 0, "http://localhost:8080");
        String keycloak = arg(args, 1, "http://localhost:8180");
        int seconds = Integer.parseInt(arg(args, 2, "30"));
        int concurrency = Integer.parseInt(arg(args, 3, "32"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String token = field(post(http, keycloak + "/realms/gongkai/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", "grant_type=password&client_id=gongkai-cli&username=safety1&password="
                        + URLEncoder.encode("safety1-pw", StandardCharsets.UTF_8), null), "access_token");
        LocalDate today = LocalDate.now();
        String consultation = field(post(http, gateway + "/api/consultations", "application/json", """
                {"title":"基准测试：安全生产条例征求意见","draftText":"草案正文","decisionBasis":"《安全生产法》","explanation":"起草说明",
                 "catalogueItemCode":"WS-05","channels":["WEBSITE"],"periodStart":"%s","periodEnd":"%s","commentsPublic":false}
                """.formatted(today, today.plusDays(30)), token), "id");
        post(http, gateway + "/api/consultations/" + consultation + "/opening", "application/json", "", token);

        String url = gateway + "/api/public/consultations/" + consultation + "/comments";
        AtomicLong accepted = new AtomicLong();
        ConcurrentHashMap<Integer, AtomicLong> others = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        long acceptedAtWarmupEnd = -1;
        long n = 0;
        while (System.nanoTime() < end) {
            if (acceptedAtWarmupEnd < 0 && System.nanoTime() >= warmupEnd) {
                acceptedAtWarmupEnd = accepted.get();
            }
            inFlight.acquire();
            String body = "{\"content\":\"建议加强第" + (n++) + "条关于危险化学品储存的安全检查频次。\"}";
            // every comment with its own Idempotency-Key, as a well-behaved client sends it (a retry would repeat it)
            http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        int status = error != null ? -1 : response.statusCode();
                        if (status == 201) {
                            accepted.incrementAndGet();
                        } else {
                            others.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    });
        }
        inFlight.acquire(concurrency);
        long measured = accepted.get() - Math.max(0, acceptedAtWarmupEnd);
        System.out.printf("consultation %s: %d comments accepted in %d s after a 5 s warm-up, concurrency %d%n",
                consultation, measured, seconds, concurrency);
        System.out.printf("accepted comments per second: %.1f%n", measured / (double) seconds);
        if (!others.isEmpty()) {
            System.out.println("other responses (status -> count): " + others
                    + (others.containsKey(429) ? "  [429: start the suite with raised gongkai.gateway.rate-limit.* for benchmarking]" : ""));
        }
    }

    private static String post(HttpClient http, String url, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
