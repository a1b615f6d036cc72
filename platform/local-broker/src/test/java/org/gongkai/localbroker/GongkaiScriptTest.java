package org.gongkai.localbroker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gongkai} tells the truth about the broker and the apps: it waits for a broker that answers a moment late
 * instead of starting (and announcing) an embedded one it could not bind, and {@code status} fails when anything is
 * not ready, naming a broker it did not start as such.
 */
class GongkaiScriptTest {

    static final Path SCRIPT = Path.of("../../bin/gongkai").toAbsolutePath().normalize();

    @TempDir
    Path home;

    record Run(int exitCode, String output) {
    }

    @Test
    void aBrokerThatAnswersLateIsUsedAndNoEmbeddedOneIsStartedOrReported() throws Exception {
        int brokerPort = freePort();
        try (ServerSocket lateBroker = new ServerSocket()) {
            // the broker comes up two seconds after the script first looks
            CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> {
                try {
                    TimeUnit.SECONDS.sleep(2);
                    lateBroker.bind(new InetSocketAddress("127.0.0.1", brokerPort));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Run run = run(Map.of("RABBIT_PORT", String.valueOf(brokerPort), "GONGKAI_BROKER_WAIT", "15"), "broker");
            listening.join();
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("answers at 127.0.0.1:" + brokerPort + " (not started by gongkai)")
                    .doesNotContainIgnoringCase("embedded");
            assertThat(home.resolve("run/local-broker.pid")).as("no embedded broker was started").doesNotExist();
        }
    }

    @Test
    void statusFailsWhenAppsAreNotReadyAndNamesABrokerItDidNotStart() throws Exception {
        try (ServerSocket broker = new ServerSocket()) {
            broker.bind(new InetSocketAddress("127.0.0.1", 0));
            Run run = run(Map.of("RABBIT_PORT", String.valueOf(broker.getLocalPort())), "status");
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output())
                    .contains("broker: ready at 127.0.0.1:" + broker.getLocalPort() + " (not started by gongkai)")
                    .contains("reporting-service: NOT ready (not running)")
                    .contains("keycloak: NOT ready");
        }
    }

    private Run run(Map<String, String> settings, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GONGKAI_HOME", home.toString());
        env.put("RABBIT_HOST", "127.0.0.1");
        // every other part on a port where nothing answers
        for (String port : new String[] {"GATEWAY_PORT", "PORTAL_PORT", "KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT", "CATALOGUE_PORT",
                "PUBLICATION_PORT", "CONSULTATION_PORT", "REPORTING_PORT", "MONGO_PORT"}) {
            env.put(port, String.valueOf(freePort()));
        }
        env.putAll(settings);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bin/gongkai %s finished", command).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        assertThat(Files.isRegularFile(SCRIPT)).as("bin/gongkai at " + SCRIPT).isTrue();
    }
}
