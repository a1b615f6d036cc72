package org.gongkai.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gongkai.gateway.limits.RateLimitBuckets.Kind;
import org.junit.jupiter.api.Test;

/**
 * The in-process buckets on a clock the test moves: the rate and burst they allow, the wait they announce, and that
 * memory stays bounded without forgetting a client who is still being limited.
 */
class InProcessBucketsTest {

    // 60 writes a minute (1 a second), burst 2; 10 requests a second, burst 3
    private final RateLimitProperties properties = new RateLimitProperties(60, 2, 10, 3, null, null);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private long take(InProcessBuckets buckets, Kind kind, String client) {
        return buckets.take(kind, client).block();
    }

    private void advanceMillis(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        InProcessBuckets buckets = new InProcessBuckets(properties, 100, clock::get);
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1")).isZero();
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1")).isZero();
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1")).as("burst used up: one token a second").isEqualTo(1);
        advanceMillis(1_000);
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1")).isZero();
    }

    @Test
    void writesAndOtherRequestsAndClientsHaveTheirOwnBuckets() {
        InProcessBuckets buckets = new InProcessBuckets(properties, 100, clock::get);
        take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1");
        take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1");
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.1")).isPositive();
        assertThat(take(buckets, Kind.REQUESTS, "10.0.0.1")).isZero();
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "10.0.0.2")).isZero();
    }

    @Test
    void pastTheBoundTheRefilledBucketsAreForgottenAndTheLimitedOnesKept() {
        InProcessBuckets buckets = new InProcessBuckets(properties, 3, clock::get);
        // one client empties its write bucket; three others make one request each
        take(buckets, Kind.PUBLIC_WRITES, "limited");
        take(buckets, Kind.PUBLIC_WRITES, "limited");
        for (String client : new String[] {"a", "b", "c"}) {
            take(buckets, Kind.REQUESTS, client);
        }
        assertThat(buckets.trackedBuckets()).isEqualTo(4);

        // 200 ms later the request buckets (10 a second) are full again, the write bucket (1 a second) is not
        advanceMillis(200);
        take(buckets, Kind.REQUESTS, "d");
        assertThat(buckets.trackedBuckets()).as("the three refilled buckets forgotten, the limited one and d kept").isEqualTo(2);
        assertThat(take(buckets, Kind.PUBLIC_WRITES, "limited")).as("eviction never resets a client being limited").isEqualTo(1);
    }

    @Test
    void withinTheBoundNothingIsForgotten() {
        InProcessBuckets buckets = new InProcessBuckets(properties, 3, clock::get);
        for (String client : new String[] {"a", "b", "c"}) {
            take(buckets, Kind.REQUESTS, client);
        }
        advanceMillis(10_000);
        take(buckets, Kind.REQUESTS, "a");
        assertThat(buckets.trackedBuckets()).isEqualTo(3);
    }
}
