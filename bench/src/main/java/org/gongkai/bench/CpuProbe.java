package org.gongkai.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast the machine's cores are right now: the CPU time this thread needs for a fixed piece of work (sorting the
 * same million shuffled numbers), the least of several passes so that the JIT's first passes do not count. On a shared
 * virtual machine whose host is busy, the guest may not see the time its cores were taken away ("steal" stays 0), and
 * every process's CPU time, this probe's included, grows for the same work. Runs on different days are comparable
 * only where their probes agree; a run whose probe grew between start and end was measured on a slowing machine.
 */
final class CpuProbe {

    private static final int PASSES = 5;
    private static final int[] SHUFFLED = new SplittableRandom(16).ints(1_000_000).toArray();
    /** A static field the sorted numbers go into, so that the JIT cannot drop the sorting as unused. */
    static long checksum;

    private CpuProbe() {
    }

    /** The least CPU milliseconds one pass took. */
    static double millis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            int[] sorted = SHUFFLED.clone();
            Arrays.sort(sorted);
            checksum += sorted[sorted.length / 2];
            least = Math.min(least, threads.getCurrentThreadCpuTime() - start);
        }
        return least / 1e6;
    }
}
