package org.gongkai.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: at most {@code concurrency} requests in flight, the next sent as soon as one completes, for a
 * fixed time. Every completed request's latency (send → whole body read) goes into an HdrHistogram in microseconds.
 */
final class Load {

    /** What one measured side produced; {@code ok} counts answers with the expected status only. */
    record Result(String name, long ok, Map<Integer, Long> others, double seconds, Histogram latency, long bytes) {

        double perSecond() {
            return seconds > 0 ? ok / seconds : 0;
        }

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Several rounds of the same side as one: counts and histograms added, durations summed. */
        Result plus(Result other) {
            if (other == null) {
                return this;
            }
            Histogram h = latency.copy();
            h.add(other.latency);
            Map<Integer, Long> o = new TreeMap<>(others);
            other.others.forEach((k, v) -> o.merge(k, v, Long::sum));
            return new Result(name, ok + other.ok, o, seconds + other.seconds, h, bytes + other.bytes);
        }

        String line() {
            return String.format("%-34s %8.1f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  n=%d%s", name, perSecond(),
                    p(50), p(99), latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0, ok,
                    others.isEmpty() ? "" : "  other statuses " + others);
        }
    }

    private Load() {
    }

    /** The answers of one side as they complete: latencies of the expected status, counts of the others. */
    private static final class Tally {
        private final int expected;
        private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final ConcurrentHashMap<Integer, AtomicLong> others = new ConcurrentHashMap<>();

        Tally(int expected) {
            this.expected = expected;
        }

        void record(HttpResponse<byte[]> response, Throwable error, long micros) {
            int status = error != null ? -1 : response.statusCode();
            if (status == expected) {
                ok.incrementAndGet();
                bytes.addAndGet(response.body().length);
                latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            } else {
                others.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            }
        }

        Result result(String name, double seconds) {
            Map<Integer, Long> o = new TreeMap<>();
            others.forEach((k, v) -> o.put(k, v.get()));
            return new Result(name, ok.get(), o, seconds, latency, bytes.get());
        }
    }

    /**
     * Runs {@code requests} (given a running number) for {@code duration} at {@code concurrency}; waits for the
     * requests still in flight at the end, which count as well (their time is part of the measured time).
     */
    static Result run(String name, HttpClient http, LongFunction<HttpRequest> requests, int expected, Duration duration,
            int concurrency, AtomicLong sequence) throws InterruptedException {
        Tally tally = new Tally(expected);
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(http, requests.apply(sequence.getAndIncrement()), tally, inFlight, System.nanoTime());
        }
        inFlight.acquire(concurrency);
        return tally.result(name, (System.nanoTime() - start) / 1e9);
    }

    /**
     * An open-loop load: requests sent at a fixed rate, whatever the answers, for {@code duration}. Each latency is
     * counted from the moment its request was due, not from when it was sent, so a server that falls behind is not
     * excused by the load generator waiting for it (coordinated omission). At most {@code maxInFlight} requests are in
     * flight; a request due while that many are waiting is sent when one completes, and its wait counts in its latency.
     * Used at a fraction of the closed loop's throughput, where the gateway's added latency is what is compared.
     */
    static Result runAtRate(String name, HttpClient http, LongFunction<HttpRequest> requests, int expected,
            Duration duration, double perSecond, int maxInFlight, AtomicLong sequence) throws InterruptedException {
        Tally tally = new Tally(expected);
        Semaphore inFlight = new Semaphore(maxInFlight);
        double intervalNanos = 1e9 / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; ; i++) {
            long due = start + (long) (i * intervalNanos);
            if (due >= end) {
                break;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            send(http, requests.apply(sequence.getAndIncrement()), tally, inFlight, due);
        }
        inFlight.acquire(maxInFlight);
        return tally.result(name, (System.nanoTime() - start) / 1e9);
    }

    /** Sends one request; its latency counts from {@code countedFrom} (nanoTime) and its slot is freed when it completes. */
    private static void send(HttpClient http, HttpRequest request, Tally tally, Semaphore inFlight, long countedFrom) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            tally.record(response, error, (System.nanoTime() - countedFrom) / 1000);
            inFlight.release();
        });
    }

        static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
