package org.gongkai.bench;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite side by side in one run (issue 16), against a suite started by {@code bin/gongkai}: run by
 * {@code bin/benchmark}, which also starts and stops a suite of its own with raised rate limits. Configured by
 * environment variables (see {@code bin/benchmark}). Each pair (direct to the service, through the gateway) is measured
 * in alternating rounds, so whatever else loads the machine falls on both sides alike. The last line printed is one
 * line of {@code key=value} figures.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Far above what half load keeps in flight (rate × latency, a handful); a bound in case a side stalls. */
    private static final int HALF_LOAD_MAX_IN_FLIGHT = 256;

    private final String gateway = env("BENCH_GATEWAY", "http://localhost:8080");
    private final String keycloak = env("BENCH_KEYCLOAK", "http://localhost:8180");
    private final String catalogue = env("BENCH_CATALOGUE", "http://127.0.0.1:8081");
    private final String publication = env("BENCH_PUBLICATION", "http://127.0.0.1:8082");
    private final String consultation = env("BENCH_CONSULTATION", "http://127.0.0.1:8083");
    private final String reporting = env("BENCH_REPORTING", "http://127.0.0.1:8084");
    private final String amqpHost = env("BENCH_AMQP_HOST", "localhost");
    private final int amqpPort = Integer.parseInt(env("BENCH_AMQP_PORT", "5672"));
    private final String namespace = env("BENCH_EVENTS_NAMESPACE", "gongkai");
    private final Duration side = Duration.ofSeconds(Long.parseLong(env("BENCH_SECONDS", "10")));
    /** At most this long per side; less when the side's CPU per request has settled (see {@link #warmUp}). */
    private final Duration warmup = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "150")));
    private static final Duration WARMUP_SLICE = Duration.ofSeconds(10);
    /** Settled: the last slice's CPU per request within this fraction of each of the two slices before it. */
    private static final double SETTLED = 0.05;
    /**
     * And the JIT quiet: its compiler threads used at most this share of the machine's CPU in the last slice. Without
     * it a side could stop on a plateau while C2 still compiled (run 19's comment side, after 50 s).
     */
    private static final double JIT_QUIET = 0.02;
    private final int rounds = Integer.parseInt(env("BENCH_ROUNDS", "2"));
    private final int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "32"));
    private final long largeComments = Long.parseLong(env("BENCH_LARGE_COMMENTS", "100000"));
    private final long largeDocuments = Long.parseLong(env("BENCH_LARGE_DOCUMENTS", "10000"));
    private final Duration listTime = Duration.ofSeconds(Long.parseLong(env("BENCH_LIST_SECONDS", "5")));
    private final int listConcurrency = Integer.parseInt(env("BENCH_LIST_CONCURRENCY", "4"));
    private final String mongoUri = env("BENCH_MONGODB_URI", "mongodb://127.0.0.1:27027");
    private final Duration reportTime = Duration.ofSeconds(Long.parseLong(env("BENCH_REPORT_SECONDS", "10")));
    private final int reportConcurrency = Integer.parseInt(env("BENCH_REPORT_CONCURRENCY", "4"));
    private final Duration drainLimit = Duration.ofSeconds(Long.parseLong(env("BENCH_DRAIN_SECONDS", "600")));

    private final HttpClient http = Load.client();
    private final CpuAccount cpu = new CpuAccount(System.getenv("BENCH_RUN_DIR") == null ? null : Path.of(System.getenv("BENCH_RUN_DIR")));
    /** CPU milliseconds by process, summed over a side's rounds. */
    private final Map<String, Map<String, Double>> cpuBySide = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong commentsAccepted = new AtomicLong();
    private final Backlog backlog;
    private final Token staff = new Token("safety1", "safety1-pw");
    private final Token admin = new Token("admin", "admin-pw");
    private String consultationId;

    private Benchmark() {
        backlog = new Backlog(amqpHost, amqpPort, namespace + ".consultation.reporting-service");
    }

    public static void main(String[] args) {
        try {
            new Benchmark().run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP and AMQP clients' threads would keep the JVM alive
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String loadStart = loadAverage();
        String probeStart = String.format(Locale.ROOT, "%.1f", CpuProbe.millis());
        int nproc = Runtime.getRuntime().availableProcessors();
        say("== machine: %d processors, 1-min load average %s, CPU probe %s ms; %d rounds of %d s per side after at most %d s warm-up, concurrency %d",
                nproc, loadStart, probeStart, rounds, side.toSeconds(), warmup.toSeconds(), concurrency);
        staff.get(); // fails at once when Keycloak does not answer
        admin.get();
        consultationId = openConsultation();
        say("== consultation %s opened for the comments", consultationId);

        Map<String, LongFunction<HttpRequest>> targets = new LinkedHashMap<>();
        targets.put("read direct", n -> get(catalogue + "/api/public/catalogues", null));
        targets.put("read gateway", n -> get(gateway + "/api/public/catalogues", null));
        targets.put("jwt-read direct", n -> get(publication + "/api/documents?size=20", staff.get()));
        targets.put("jwt-read gateway", n -> get(gateway + "/api/documents?size=20", staff.get()));
        targets.put("comments direct", n -> comment(consultation, n));
        targets.put("comments gateway", n -> comment(gateway, n));

        Lag lagBefore = lag();
        backlog.start();
        say("== warm-up, not measured: each side until its CPU per request settles, at most %d s", warmup.toSeconds());
        // the warm-up's comments run at saturation while the JIT is still compiling, so reporting's queue grows then;
        // that is reported on its own line, and the lag mean and the deepest queue below cover the measured rounds only
        long warmupDrain = 0;
        for (Map.Entry<String, LongFunction<HttpRequest>> t : targets.entrySet()) {
            warmUp(t.getKey(), t.getValue());
            if (t.getKey().contains("comments")) {
                // the next side warms up with reporting caught up, not still working off this side's queue
                warmupDrain = Math.max(warmupDrain, drain(lagBefore));
            }
        }
        long warmupBacklogMax = backlog.startNewMaximum();
        say("   after each comment side of the warm-up reporting caught up within %.1f s; its queue held at most %d events",
                warmupDrain / 1000.0, warmupBacklogMax);
        long drainMax = 0;

        Map<String, Load.Result> totals = new LinkedHashMap<>();
        Lag window = null;
        Lag measuredFrom = lag();
        Lag lastReading = measuredFrom;
        List<String> pairs = List.of("read", "jwt-read", "comments");
        for (int round = 1; round <= rounds; round++) {
            say("== round %d of %d", round, rounds);
            for (String pair : pairs) {
                for (String name : sidesInOrder(pair, round)) {
                    CpuAccount.Reading cpuBefore = cpu.read();
                    Load.Result r = measure(name, targets.get(name), side);
                    say("   %s", r.line());
                    totals.merge(name, r, Load.Result::plus);
                    if (pair.equals("comments")) {
                        long drained = drain(lagBefore);
                        drainMax = Math.max(drainMax, drained);
                        say("   reporting caught up %.1f s after the side ended (queue depth max so far %d)", drained / 1000.0,
                                backlog.max());
                        Lag current = lag();
                        // cumulative buckets: this side is the difference from the last reading; windowed ones hold it
                        Lag recent = current.cumulative() ? current.minus(lastReading) : current.plus(null);
                        lastReading = current;
                        say("   lag over reporting's recent window: %s", recent.describe());
                        window = recent.plus(window);
                    }
                    // for comments, until reporting has counted them: the event's whole way is in the figure
                    cpu.read().since(cpuBefore).forEach((process, ms) -> cpuBySide.computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .merge(process, ms, Double::sum));
                }
            }
        }
        Lag lagAfter = lag();
        long roundsBacklogMax = backlog.max();
        backlog.stop();
        Lag lagDelta = lagAfter.minus(measuredFrom);
        Lag lagBuckets = window == null ? lagDelta : window;
        say("== totals over %d rounds", rounds);
        totals.values().forEach(r -> say("   %s", r.line()));
        say("   reporting's event lag while comments poured in: %d events, mean %.1f ms (exact, from the timer's count and total)",
                lagDelta.count, lagDelta.count > 0 ? lagDelta.sumSeconds * 1000 / lagDelta.count : Double.NaN);
        say("   percentiles from the timer's buckets, each comment side's window added up: %s", lagBuckets.describe());
        say("   comments accepted %d (warm-up included), events counted by reporting %d; consumer queue depth max %d in the rounds (%s)",
                commentsAccepted.get(), lagAfter.minus(lagBefore).count, roundsBacklogMax, backlog.source());
        say("== CPU time per request, milliseconds by process (from /proc; comments until reporting counted them)");
        cpuBySide.forEach((name, used) -> say("   %-18s %s", name, CpuAccount.describePerUnit(used, totals.get(name).ok())));

        HalfRateComments halfRate = halfRateComments(targets.get("comments gateway"), totals.get("comments gateway").perSecond() / 2,
                lagBefore);
        Map<String, Load.Result> halfLoad = halfLoadReads(targets, totals);

        // lists over a growing data set, then the leadership report over the largest
        LargeDataSet large = new LargeDataSet(http, publication, consultation, staff::get, mongoUri, amqpHost, amqpPort,
                namespace, consultationId, sequence, listTime, listConcurrency, Math.max(1, concurrency / 4));
        long[][] stages = {{Math.min(1_000, largeDocuments), 0}, {Math.min(10_000, largeDocuments), Math.min(10_000, largeComments)},
                {largeDocuments, largeComments}};
        long ingestMs = 0;
        long copied = 0;
        for (long[] stage : stages) {
            if (stage[0] > large.documents()) {
                say("== drafting documents through the API up to %d", stage[0]);
                say("   %s", large.draftDocumentsUpTo(stage[0]).line());
            }
            long more = large.copyCommentsUpTo(stage[1], commentsAccepted.get());
            if (more > 0) {
                say("== %d comments copied in the database and their events published, now %d", more,
                        commentsAccepted.get() + more);
                commentsAccepted.addAndGet(more);
                long drained = drain(lagBefore);
                say("   reporting counted them in %.1f s (%.0f events/s)", drained / 1000.0, more * 1000.0 / Math.max(1, drained));
                ingestMs += drained;
                copied += more;
            }
            large.measureLists(commentsAccepted.get());
        }
        large.lists().values().forEach(r -> say("   %s", r.line()));
        String period = String.valueOf(LocalDate.now().getYear());
        Load.Result report = Load.run("leadership report direct", http,
                n -> get(reporting + "/api/reporting/leadership/report?period=" + period, admin.get()), 200, reportTime,
                reportConcurrency, sequence);
        long storedComments = commentsAccepted.get();
        say("   %s (concurrency %d, %d comments stored, %d of them copied; %d documents drafted)",
                report.line(), reportConcurrency, storedComments, copied, large.documents());

        String loadEnd = loadAverage();
        String probeEnd = String.format(Locale.ROOT, "%.1f", CpuProbe.millis());
        Load.Result commentsGw = totals.get("comments gateway");
        Load.Result commentsDirect = totals.get("comments direct");
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("comments_per_s", f1(commentsGw.perSecond()));
        kv.put("comments_p99_ms", f1(commentsGw.p(99)));
        kv.put("gateway_comments_ratio", ratio(commentsGw, commentsDirect));
        kv.put("gateway_read_ratio", ratio(totals.get("read gateway"), totals.get("read direct")));
        kv.put("gateway_jwt_read_ratio", ratio(totals.get("jwt-read gateway"), totals.get("jwt-read direct")));
        kv.put("read_p99_ms", f1(totals.get("read gateway").p(99)));
        kv.put("lag_p50_ms", lagBuckets.percentileMs(0.50));
        kv.put("lag_p99_ms", lagBuckets.percentileMs(0.99));
        kv.put("backlog_max", String.valueOf(roundsBacklogMax));
        kv.put("lag_half_rate_p50_ms", halfRate.lag().percentileMs(0.50));
        kv.put("lag_half_rate_p99_ms", halfRate.lag().percentileMs(0.99));
        kv.put("comments_half_rate_per_s", f1(halfRate.comments().perSecond()));
        kv.put("comments_half_rate_p99_ms", f1(halfRate.comments().p(99)));
        kv.put("gateway_read_half_p99_ratio", p99Ratio(halfLoad.get("read gateway"), halfLoad.get("read direct")));
        kv.put("gateway_jwt_read_half_p99_ratio", p99Ratio(halfLoad.get("jwt-read gateway"), halfLoad.get("jwt-read direct")));
        kv.put("report_p99_ms", f1(report.p(99)));
        kv.put("load_avg", loadStart + "/" + loadEnd);
        kv.put("nproc", String.valueOf(nproc));
        kv.put("cpu_probe_ms", probeStart + "/" + probeEnd);
        kv.put("comments_direct_per_s", f1(commentsDirect.perSecond()));
        kv.put("read_per_s", f1(totals.get("read gateway").perSecond()));
        kv.put("read_direct_per_s", f1(totals.get("read direct").perSecond()));
        kv.put("read_direct_p99_ms", f1(totals.get("read direct").p(99)));
        kv.put("jwt_read_per_s", f1(totals.get("jwt-read gateway").perSecond()));
        kv.put("jwt_read_direct_per_s", f1(totals.get("jwt-read direct").perSecond()));
        kv.put("jwt_read_p99_ms", f1(totals.get("jwt-read gateway").p(99)));
        for (String pair : List.of("read", "jwt-read")) {
            String key = pair.replace('-', '_') + "_half";
            kv.put(key + "_per_s", f1(halfLoad.get(pair + " direct").perSecond()));
            kv.put(key + "_p99_ms", f1(halfLoad.get(pair + " gateway").p(99)));
            kv.put(key + "_direct_p99_ms", f1(halfLoad.get(pair + " direct").p(99)));
        }
        kv.put("lag_mean_ms", f1(lagDelta.count > 0 ? lagDelta.sumSeconds * 1000 / lagDelta.count : Double.NaN));
        kv.put("lag_max_ms", lagBuckets.maxMs());
        kv.put("lag_source", lagBuckets.source);
        kv.put("drain_max_ms", String.valueOf(drainMax));
        kv.put("backlog_warmup_max", String.valueOf(warmupBacklogMax));
        kv.put("drain_warmup_ms", String.valueOf(warmupDrain));
        kv.put("report_comments", String.valueOf(storedComments));
        kv.put("report_documents", String.valueOf(large.documents()));
        kv.put("reporting_ingest_per_s", f1(copied * 1000.0 / Math.max(1, ingestMs)));
        large.lists().forEach((key, r) -> kv.put(key, f1(r.p(99))));
        for (String name : List.of("comments gateway", "comments direct", "read gateway", "jwt-read gateway")) {
            Map<String, Double> used = cpuBySide.getOrDefault(name, Map.of());
            long ok = totals.get(name).ok();
            if (used.containsKey("machine") && ok > 0) {
                kv.put("cpu_ms_per_" + name.replace("-", "_").replace(' ', '_'), String.format(Locale.ROOT, "%.2f", used.get("machine") / ok));
            }
        }
        kv.put("concurrency", String.valueOf(concurrency));
        kv.put("rounds", String.valueOf(rounds));
        kv.put("side_s", String.valueOf(side.toSeconds()));
        StringBuilder last = new StringBuilder();
        kv.forEach((k, v) -> last.append(last.isEmpty() ? "" : " ").append(k).append('=').append(v));
        System.out.println(last);
    }

    /** The side that goes first alternates from round to round. */
    private static List<String> sidesInOrder(String pair, int round) {
        return round % 2 == 1 ? List.of(pair + " direct", pair + " gateway") : List.of(pair + " gateway", pair + " direct");
    }

    /** Comments sent at a fixed rate, and reporting's lag for them. */
    private record HalfRateComments(Load.Result comments, Lag lag) {
    }

    /**
     * Reporting's lag when comments come at a rate below saturation (half the rate the gateway took them at): what the
     * pipeline itself takes (outbox relay, broker, consumer), apart from the queues of a machine with no CPU to spare.
     */
    private HalfRateComments halfRateComments(LongFunction<HttpRequest> comments, double rate, Lag lagBefore) throws Exception {
        say("== comments through the gateway at half of that rate: %.1f/s, open loop", rate);
        Lag before = lag();
        Load.Result sent = null;
        for (int round = 1; round <= rounds; round++) {
            Load.Result r = Load.runAtRate("comments gateway half", http, comments, 201, side, rate, HALF_LOAD_MAX_IN_FLIGHT, sequence);
            commentsAccepted.addAndGet(r.ok());
            say("   %s", r.line());
            sent = r.plus(sent);
        }
        say("   reporting caught up %.1f s after the side ended", drain(lagBefore) / 1000.0);
        Lag after = lag();
        Lag lag = after.cumulative() ? after.minus(before) : after.plus(null);
        say("   lag at half rate: %s", lag.describe());
        return new HalfRateComments(sent, lag);
    }

    /**
     * The gateway's added latency below saturation: both sides of each read at half of the lower of their closed-loop
     * maxima (the gateway's), a load both carry; at half of the direct side's alone the gateway would be saturated itself.
     */
    private Map<String, Load.Result> halfLoadReads(Map<String, LongFunction<HttpRequest>> targets, Map<String, Load.Result> saturated)
            throws InterruptedException {
        Map<String, Load.Result> halfLoad = new LinkedHashMap<>();
        for (String pair : List.of("read", "jwt-read")) {
            double rate = Math.min(saturated.get(pair + " direct").perSecond(), saturated.get(pair + " gateway").perSecond()) / 2;
            say("== %s at half of the maximum both sides carry: %.1f requests/s, open loop", pair, rate);
            for (int round = 1; round <= rounds; round++) {
                for (String name : sidesInOrder(pair, round)) {
                    Load.Result r = Load.runAtRate(name + " half", http, targets.get(name), 200, side, rate, HALF_LOAD_MAX_IN_FLIGHT,
                            sequence);
                    say("   %s", r.line());
                    halfLoad.merge(name, r, Load.Result::plus);
                }
            }
        }
        return halfLoad;
    }

    /**
     * Runs a side in slices until what a request costs the machine has settled and the JIT has gone quiet: the JIT's
     * second compiler (C2) needs a minute or two of load to compile a path, and a side measured before that measures
     * the compiler as much as the code. Without /proc (not Linux) the side runs the whole warm-up time.
     */
    private void warmUp(String name, LongFunction<HttpRequest> requests) throws InterruptedException {
        List<Double> perRequest = new ArrayList<>();
        List<Double> jitShares = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < warmup.toNanos()) {
            CpuAccount.Reading before = cpu.read();
            Duration left = warmup.minusNanos(System.nanoTime() - start);
            Load.Result slice = measure(name, requests, WARMUP_SLICE.compareTo(left) < 0 ? WARMUP_SLICE : left);
            Map<String, Double> used = cpu.read().since(before);
            Double machine = used.get("machine");
            if (machine == null) {
                continue;
            }
            double last = machine / slice.ok();
            double jitShare = used.getOrDefault(CpuAccount.JIT_COMPILERS, 0.0) / machine;
            perRequest.add(last);
            jitShares.add(jitShare);
            int n = perRequest.size();
            if (n >= 3 && Math.abs(last - perRequest.get(n - 2)) <= SETTLED * last
                    && Math.abs(last - perRequest.get(n - 3)) <= SETTLED * last && jitShare <= JIT_QUIET) {
                break;
            }
        }
        say("   %-18s warmed %3d s, machine CPU per request in %d s slices: %s ms; the JIT compilers' share: %s", name,
                (System.nanoTime() - start) / 1_000_000_000, WARMUP_SLICE.toSeconds(),
                perRequest.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" → ")),
                jitShares.stream().map(v -> String.format(Locale.ROOT, "%.0f %%", v * 100)).collect(Collectors.joining(" → ")));
    }

    private Load.Result measure(String name, LongFunction<HttpRequest> requests, Duration duration)
            throws InterruptedException {
        boolean comments = name.contains("comments");
        Load.Result r = Load.run(name, http, requests, comments ? 201 : 200, duration, concurrency, sequence);
        if (comments) {
            commentsAccepted.addAndGet(r.ok());
        }
        if (r.ok() == 0) {
            throw new IllegalStateException(name + ": no request succeeded " + r.others());
        }
        return r;
    }

    /**
     * Waits until reporting has counted every accepted comment (its lag timer's count grown by at least that many
     * since {@code before}) and the consumer queue is empty; answers the milliseconds this took.
     */
    private long drain(Lag before) throws Exception {
        long start = System.nanoTime();
        long deadline = start + drainLimit.toNanos();
        while (System.nanoTime() < deadline) {
            Lag now = lagCounts();
            if (now.count - before.count >= commentsAccepted.get() && backlog.depth() <= 0) {
                break;
            }
            Thread.sleep(200);
        }
        if (System.nanoTime() >= deadline) {
            say("!! reporting had not counted every comment %d s after the load ended", drainLimit.toSeconds());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private HttpRequest comment(String base, long n) {
        String body = "{\"content\":\"建议加强第" + n + "条关于危险化学品储存的安全检查频次。\"}";
        // every comment with its own Idempotency-Key, as a well-behaved client sends it (a retry would repeat it)
        return HttpRequest.newBuilder(URI.create(base + "/api/public/consultations/" + consultationId + "/comments"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private String openConsultation() throws Exception {
        LocalDate today = LocalDate.now();
        String draft = """
                {"title":"基准测试：安全生产条例征求意见","draftText":"草案正文","decisionBasis":"《安全生产法》","explanation":"起草说明",
                 "catalogueItemCode":"WS-05","channels":["WEBSITE"],"periodStart":"%s","periodEnd":"%s","commentsPublic":false}
                """.formatted(today, today.plusDays(30));
        // consultation-service learns the catalogue items from catalogue events shortly after start-up
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                String id = JSON.readTree(post(gateway + "/api/consultations", draft, staff.get())).path("id").asString();
                post(gateway + "/api/consultations/" + id + "/opening", "", staff.get());
                return id;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    /** A user's access token, fetched again after a minute (Keycloak's tokens live a few minutes; a run is longer). */
    private final class Token {
        private final String user;
        private final String password;
        private String value;
        private long fetched;

        Token(String user, String password) {
            this.user = user;
            this.password = password;
        }

        synchronized String get() {
            if (value == null || System.nanoTime() - fetched > TimeUnit.SECONDS.toNanos(60)) {
                try {
                    value = token(user, password);
                } catch (Exception e) {
                    throw new IllegalStateException("no token for " + user, e);
                }
                fetched = System.nanoTime();
            }
            return value;
        }
    }

    private String token(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/gongkai/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=gongkai-cli&username=" + user
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build();
        return JSON.readTree(send(request)).path("access_token").asString();
    }

    private String post(String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * reporting-service's own {@code gongkai.reporting.event.lag} timer (event time → its effect on the read models)
     * from {@code /actuator/metrics}: count, total and max, and, when the service publishes the timer's buckets
     * ({@code bin/benchmark} gives the suite it starts service-level-objective boundaries for it), the bucket counts
     * ({@code gongkai.reporting.event.lag.histogram}, one gauge per {@code le}).
     */
    private Lag lag() throws Exception {
        Lag scraped = lagFromPrometheus();
        if (scraped != null) {
            return scraped;
        }
        Lag counts = lagCounts();
        HttpResponse<String> listing = http.send(get(reporting + "/actuator/metrics/gongkai.reporting.event.lag.histogram",
                admin.get()), HttpResponse.BodyHandlers.ofString());
        if (listing.statusCode() != 200) {
            return counts;
        }
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (JsonNode tag : JSON.readTree(listing.body()).path("availableTags")) {
            if (!tag.path("tag").asString().equals("le")) {
                continue;
            }
            for (JsonNode v : tag.path("values")) {
                String le = v.asString();
                JsonNode m = JSON.readTree(send(get(reporting + "/actuator/metrics/gongkai.reporting.event.lag.histogram?tag="
                        + URLEncoder.encode("le:" + le, StandardCharsets.UTF_8), admin.get())));
                double n = m.path("measurements").path(0).path("value").asDouble();
                buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), (long) n);
            }
        }
        return new Lag(buckets.isEmpty() ? counts.source : "reporting-buckets", counts.count, counts.sumSeconds,
                counts.maxSeconds, buckets);
    }

    private static final java.util.regex.Pattern PROMETHEUS_SAMPLE =
            java.util.regex.Pattern.compile("^(gongkai_reporting_event_lag_seconds_(?:bucket|count|sum|max))(?:\\{([^}]*)})?\\s+(\\S+)");
    /** The bucket's upper bound among a sample's labels. */
    private static final java.util.regex.Pattern LE_LABEL = java.util.regex.Pattern.compile("le=\"([^\"]+)\"");

    /**
     * The lag timer as Prometheus scrapes it ({@code /actuator/prometheus}, where the service has that registry): its
     * buckets are cumulative since the service started, so two readings subtract exactly. Null when not published.
     */
    private Lag lagFromPrometheus() throws Exception {
        HttpResponse<String> scrape = http.send(get(reporting + "/actuator/prometheus", admin.get()),
                HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200 || !scrape.body().contains("gongkai_reporting_event_lag_seconds_bucket")) {
            return null;
        }
        TreeMap<Double, Long> buckets = new TreeMap<>();
        double count = 0, sum = 0, max = 0;
        for (String line : scrape.body().split("\n")) {
            java.util.regex.Matcher m = PROMETHEUS_SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double value = Double.parseDouble(m.group(3));
            switch (m.group(1)) {
                case "gongkai_reporting_event_lag_seconds_bucket" -> {
                    java.util.regex.Matcher le = LE_LABEL.matcher(m.group(2) == null ? "" : m.group(2));
                    if (le.find()) {
                        buckets.put(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)),
                                (long) value);
                    }
                }
                case "gongkai_reporting_event_lag_seconds_count" -> count = value;
                case "gongkai_reporting_event_lag_seconds_sum" -> sum = value;
                default -> max = value;
            }
        }
        return buckets.isEmpty() ? null : new Lag(Lag.CUMULATIVE, (long) count, sum, max, buckets);
    }

    private Lag lagCounts() throws Exception {
        JsonNode m = JSON.readTree(send(get(reporting + "/actuator/metrics/gongkai.reporting.event.lag", admin.get())));
        Map<String, Double> stats = new TreeMap<>();
        m.path("measurements").forEach(s -> stats.put(s.path("statistic").asString(), s.path("value").asDouble()));
        return new Lag("meter-mean", stats.getOrDefault("COUNT", 0.0).longValue(), stats.getOrDefault("TOTAL_TIME", 0.0),
                stats.getOrDefault("MAX", 0.0), new TreeMap<>());
    }

    /** A reading of the lag timer; buckets: upper bound in seconds → count of events at or below it. */
    record Lag(String source, long count, double sumSeconds, double maxSeconds, TreeMap<Double, Long> buckets) {

        /** Source of readings whose buckets count every event since the service started (Prometheus). */
        static final String CUMULATIVE = "prometheus-buckets";

        boolean cumulative() {
            return CUMULATIVE.equals(source);
        }

        /**
         * Two readings of the windowed buckets added up: Micrometer keeps a timer's bucket counts for a rotating window
         * (about a minute here), so a reading taken right after reporting caught up holds the side just measured.
         */
        Lag plus(Lag other) {
            if (other == null) {
                return withBucketCount();
            }
            TreeMap<Double, Long> b = new TreeMap<>(buckets);
            other.buckets.forEach((le, n) -> b.merge(le, n, Long::sum));
            return new Lag(source, 0, 0, Math.max(maxSeconds, other.maxSeconds), b).withBucketCount();
        }

        private Lag withBucketCount() {
            return buckets.isEmpty() ? this
                    : new Lag(source, buckets.lastEntry().getValue(), sumSeconds, maxSeconds, buckets);
        }

        Lag minus(Lag before) {
            TreeMap<Double, Long> b = new TreeMap<>();
            buckets.forEach((le, n) -> b.put(le, n - before.buckets.getOrDefault(le, 0L)));
            long inWindow = count - before.count;
            // the service's max is a recent maximum (a decaying window of minutes), which may hold an event from before
            // this window (the warm-up's, say); the window's own maximum lies at most at the first bucket holding all of it
            double bound = inWindow <= 0 ? 0 : b.entrySet().stream().filter(e -> e.getValue() >= inWindow)
                    .map(Map.Entry::getKey).findFirst().orElse(Double.POSITIVE_INFINITY);
            return new Lag(source, inWindow, sumSeconds - before.sumSeconds, Math.min(maxSeconds, bound), b);
        }

        /**
         * The percentile, interpolated linearly inside the timer's bucket that holds it (so it is known to within that
         * bucket's width) and never above the maximum seen.
         */
        String percentileMs(double q) {
            if (buckets.isEmpty() || count <= 0) {
                return "NA";
            }
            long rank = (long) Math.ceil(q * count);
            double lower = 0;
            long below = 0;
            for (Map.Entry<Double, Long> e : buckets.entrySet()) {
                if (e.getValue() >= rank) {
                    if (e.getKey().isInfinite()) {
                        return f1(maxSeconds * 1000);
                    }
                    double share = e.getValue() == below ? 1 : (rank - below) / (double) (e.getValue() - below);
                    double value = lower + (e.getKey() - lower) * share;
                    return f1(Math.min(value, maxSeconds > 0 ? maxSeconds : value) * 1000);
                }
                lower = e.getKey();
                below = e.getValue();
            }
            return "over" + f1(buckets.lastKey() * 1000); // beyond the last boundary
        }

        String maxMs() {
            return f1(maxSeconds * 1000);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d events, p50 %s ms, p99 %s ms, max %s ms (%s)", count, percentileMs(0.5),
                    percentileMs(0.99), maxMs(), source);
        }
    }

    /**
     * The depth of reporting's consumer queue for consultation events, read with an AMQP passive queue declare (ready
     * messages; those delivered and not yet acknowledged are not included), sampled every 250 ms in the background.
     */
    static final class Backlog {
        private final ConnectionFactory factory = new ConnectionFactory();
        private final String queue;
        private volatile long max = -1;
        private volatile boolean running;
        private Thread sampler;
        private Connection connection;
        private Channel channel;
        private String failure;

        Backlog(String host, int port, String queue) {
            factory.setHost(host);
            factory.setPort(port);
            factory.setConnectionTimeout(5000);
            this.queue = queue;
        }

        synchronized long depth() {
            try {
                if (connection == null || !connection.isOpen()) {
                    connection = factory.newConnection("gongkai-benchmark");
                }
                if (channel == null || !channel.isOpen()) {
                    channel = connection.createChannel();
                }
                long n = channel.queueDeclarePassive(queue).getMessageCount();
                max = Math.max(max, n);
                return n;
            } catch (Exception e) {
                failure = e.toString();
                return -1;
            }
        }

        void start() {
            running = true;
            sampler = new Thread(() -> {
                while (running) {
                    depth();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "backlog-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long max() {
            return max;
        }

        /** Answers the deepest queue seen so far and starts counting a new maximum from now. */
        synchronized long startNewMaximum() {
            long previous = max;
            max = max < 0 ? -1 : 0;
            return previous;
        }

        String source() {
            return max >= 0 ? "AMQP passive declare of " + queue + ", every 250 ms"
                    : "not read: " + failure;
        }
    }

    private static String ratio(Load.Result gatewaySide, Load.Result directSide) {
        return String.format(Locale.ROOT, "%.2f", gatewaySide.perSecond() / directSide.perSecond());
    }

    /** The gateway side's p99 over the direct side's, at the same offered rate. */
    private static String p99Ratio(Load.Result gatewaySide, Load.Result directSide) {
        return String.format(Locale.ROOT, "%.2f", gatewaySide.p(99) / directSide.p(99));
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "NA";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
