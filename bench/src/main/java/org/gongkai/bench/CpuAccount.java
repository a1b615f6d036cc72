package org.gongkai.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the machine's CPU time goes while a side runs: user and system time of each process of the suite (the pid
 * files {@code bin/gongkai} writes), the broker, Redis and the load generator itself, read from {@code /proc} before
 * and after. Divided by the requests the side completed, it says what one request costs each process, and so how many
 * requests per second the machine's cores could carry at best, whatever the concurrency.
 */
final class CpuAccount {

    /** Linux counts process times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final double MS_PER_TICK = 10.0;
    private static final Map<String, String> PROCESSES_BY_COMMAND = Map.of("beam.smp", "rabbitmq", "redis-server", "redis");
    /**
     * The CPU time of the JIT compiler threads of the suite's JVMs together (HotSpot names them "C1 CompilerThread…"
     * and "C2 CompilerThread…"; Linux keeps the first 15 characters): part of those processes' time, so never added to
     * the machine's figure again.
     */
    static final String JIT_COMPILERS = "jit-compilers";

    private final Path runDirectory;

    CpuAccount(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /**
     * CPU milliseconds used so far by each process, grouped by name ({@code machine} for all the machine's processes
     * together) and keyed within a name by the process's identity (its pid and start time), so that a process that
     * restarted between two readings is not taken for the one before it.
     */
    record Reading(Map<String, Map<String, Double>> millisByProcess) {

        /**
         * The CPU milliseconds each named process used since {@code before}: for a process in both readings the
         * difference; for one started since, all its time (it was all spent since). A process gone since is left out.
         */
        Map<String, Double> since(Reading before) {
            Map<String, Double> used = new LinkedHashMap<>();
            millisByProcess.forEach((name, now) -> {
                Map<String, Double> was = before.millisByProcess.getOrDefault(name, Map.of());
                now.forEach((identity, ms) -> used.merge(name, ms - was.getOrDefault(identity, 0.0), Double::sum));
            });
            return used;
        }
    }

    /** CPU milliseconds per unit of work, largest first, "machine" (all processes together) last. */
    static String describePerUnit(Map<String, Double> used, long work) {
        if (work <= 0 || used.isEmpty()) {
            return "";
        }
        return used.entrySet().stream().filter(e -> !e.getKey().equals("machine") && !e.getKey().equals(JIT_COMPILERS))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / work))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; machine %.2f ms", used.getOrDefault("machine", Double.NaN) / work);
    }

    Reading read() {
        Map<String, Map<String, Double>> ms = new LinkedHashMap<>();
        if (runDirectory != null && Files.isDirectory(runDirectory)) {
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(runDirectory, "*.pid")) {
                for (Path pidFile : pids) {
                    String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
                    // a pid file removed while read leaves only that process out of this reading
                    String pid = readOrEmpty(pidFile).trim();
                    String identity = record(ms, name, pid);
                    if (identity != null) {
                        recordCompilerThreads(ms, pid, identity);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the run directory unreadable: no figures for the suite's processes
            }
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : all) {
                String name = PROCESSES_BY_COMMAND.get(readOrEmpty(process.resolve("comm")).trim());
                if (name != null) {
                    record(ms, name, process.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable: no broker or Redis figures
        }
        record(ms, "load-generator", String.valueOf(ProcessHandle.current().pid()));
        machineMillis().ifPresent(v -> ms.put("machine", Map.of("all", v)));
        return new Reading(ms);
    }

    /** Records the process's CPU time under its identity (pid and start time), which it returns; null if it is gone. */
    private static String record(Map<String, Map<String, Double>> ms, String name, String pid) {
        if (!pid.matches("\\d+")) {
            return null;
        }
        String[] fields = fieldsAfterCommand(readOrEmpty(Path.of("/proc", pid, "stat")));
        if (fields.length < 20) {
            return null; // the process is gone
        }
        String identity = pid + "@" + fields[19];
        ms.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(identity, ticks(fields) * MS_PER_TICK);
        return identity;
    }

    /** Records the CPU time of the process's JIT compiler threads under {@link #JIT_COMPILERS} and its identity. */
    private static void recordCompilerThreads(Map<String, Map<String, Double>> ms, String pid, String identity) {
        long compilerTicks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
            for (Path thread : threads) {
                String name = readOrEmpty(thread.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    compilerTicks += ticks(fieldsAfterCommand(readOrEmpty(thread.resolve("stat"))));
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // the process is gone, or not ours to read
        }
        ms.computeIfAbsent(JIT_COMPILERS, k -> new LinkedHashMap<>()).put(identity, compilerTicks * MS_PER_TICK);
    }

    /** utime + stime, in ticks, from the fields of a {@code stat} line; 0 if they are missing (a thread that ended). */
    private static long ticks(String[] fields) {
        return fields.length < 13 ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * The fields after the command's closing parenthesis: fields[0] is the 3rd field (state), so utime (the 14th) is
     * fields[11], stime fields[12] and the start time (the 22nd) fields[19].
     */
    private static String[] fieldsAfterCommand(String stat) {
        int end = stat.lastIndexOf(')');
        return end < 0 || end + 2 > stat.length() ? new String[0] : stat.substring(end + 2).trim().split("\\s+");
    }

    /** Every process's user, nice, system, irq and softirq time: the first line of /proc/stat, in ticks. */
    private static java.util.Optional<Double> machineMillis() {
        String first = readOrEmpty(Path.of("/proc/stat")).lines().findFirst().orElse("");
        if (!first.startsWith("cpu ")) {
            return java.util.Optional.empty();
        }
        String[] f = first.substring(4).trim().split("\\s+");
        long busy = Long.parseLong(f[0]) + Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[5]) + Long.parseLong(f[6]);
        return java.util.Optional.of(busy * MS_PER_TICK);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
