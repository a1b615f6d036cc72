package org.gongkai.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.testsupport.corpus.BadRequestCorpus;
import org.gongkai.testsupport.corpus.BadRequestCorpus.BadRequest;
import org.gongkai.testsupport.corpus.BadRequestCorpus.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 against the running suite: the bad-request corpus of every service, generated from the OpenAPI document
 * the gateway serves, sent through the gateway with a real Keycloak token and to each service's own port; and no side
 * door: Keycloak and the services refuse connections on a non-loopback address of this machine, the gateway accepts.
 */
@ExtendWith(RunningSuite.class)
class EdgeCorpusSystemTest {

    /** At least this many bad requests go through the gateway (the floor for a sampled run). */
    private static final int GATEWAY_MINIMUM = 1_000;
    /** A sample of the corpus keeps the run to a few minutes on the busy machine; the services' own builds send it whole. */
    private static final int GATEWAY_SAMPLE = 1_600;
    private static final int DIRECT_SAMPLE = 800;
    private static final Map<String, String> SERVICE_PORTS = Map.of(
            "catalogue", Suite.PORTS.get("CATALOGUE_PORT"), "publication", Suite.PORTS.get("PUBLICATION_PORT"),
            "consultation", Suite.PORTS.get("CONSULTATION_PORT"), "reporting", Suite.PORTS.get("REPORTING_PORT"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void badRequestsThroughTheGatewayAndToEachServiceAreAnsweredWithProblemsAndNever5xx() throws Exception {
        // the disclosure office reaches staff routes of every service; public routes go without a token anyway
        String token = Suite.token("office");
        Map<String, List<BadRequest>> corpora = new LinkedHashMap<>();
        for (String service : List.of("catalogue", "publication", "consultation", "reporting")) {
            corpora.put(service, BadRequestCorpus.generate(openApi(service), token));
        }
        int total = corpora.values().stream().mapToInt(List::size).sum();

        List<Figures> figures = new ArrayList<>();
        for (Map.Entry<String, List<BadRequest>> corpus : corpora.entrySet()) {
            figures.add(BadRequestCorpus.run("gateway-" + corpus.getKey(), Suite.GATEWAY,
                    sample(corpus.getValue(), GATEWAY_SAMPLE, total, 0)));
        }
        // access tokens live 5 minutes: the direct run gets a fresh one, so its requests are judged past authentication too
        String fresh = Suite.token("office");
        for (String service : corpora.keySet()) {
            List<BadRequest> corpus = BadRequestCorpus.generate(openApi(service), fresh);
            figures.add(BadRequestCorpus.run("direct-" + service, Integer.parseInt(SERVICE_PORTS.get(service)),
                    sample(corpus, DIRECT_SAMPLE, total, 1)));
        }

        StringBuilder report = new StringBuilder("bad-request corpus against the running suite (corpus " + total
                + " requests, sampled evenly; token of 'office')\n");
        for (Figures f : figures) {
            report.append(BadRequestCorpus.keep(f));
        }
        report.append(totals("gateway", figures)).append('\n').append(totals("direct", figures)).append('\n');
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bad-request-corpus-running-suite.txt"), report);

        int throughGateway = figures.stream().filter(f -> f.target().startsWith("gateway-")).mapToInt(Figures::sent).sum();
        assertThat(throughGateway).as("bad requests sent through the gateway").isGreaterThanOrEqualTo(GATEWAY_MINIMUM);
        for (Figures f : figures) {
            assertThat(f.failures()).as(report.toString()).isEmpty();
        }
    }

    @Test
    void keycloakAndTheServicesRefuseConnectionsFromOtherMachinesWhileTheGatewayAccepts() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        InetAddress address = external.get();
        // the gateway is the only entry; it listens on every interface
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, Suite.GATEWAY), 5_000);
            assertThat(socket.isConnected()).isTrue();
        }
        for (String port : List.of("KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT", "CATALOGUE_PORT", "PUBLICATION_PORT",
                "CONSULTATION_PORT", "REPORTING_PORT", "PORTAL_PORT", "MONGO_PORT")) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, Integer.parseInt(Suite.PORTS.get(port))), 5_000);
                }
            }).as(port + " on " + address.getHostAddress()).isInstanceOf(ConnectException.class);
        }
    }

    /** An address of this machine other machines could reach: up, not loopback, IPv4 first. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress()) {
                    found.add(a);
                }
            }
        }
        return found.stream().filter(a -> a instanceof Inet4Address).findFirst().or(() -> found.stream().findFirst());
    }

    /** The service's OpenAPI document as the gateway serves it. */
    private static JsonNode openApi(String service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + Suite.GATEWAY + "/v3/api-docs/" + service)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("OpenAPI document of " + service + " through the gateway").isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * An even sample of one service's corpus, its share of {@code budget} in proportion to its size; {@code offset}
     * shifts the picks so the direct run sends other requests than the gateway run.
     */
    private static List<BadRequest> sample(List<BadRequest> corpus, int budget, int total, int offset) {
        int share = Math.max(1, (int) Math.round((double) budget * corpus.size() / total));
        if (share >= corpus.size()) {
            return corpus;
        }
        double step = (double) corpus.size() / share;
        List<BadRequest> picked = new ArrayList<>();
        for (int i = 0; i < share; i++) {
            picked.add(corpus.get(Math.min(corpus.size() - 1, (int) (i * step) + offset)));
        }
        return picked;
    }

    private static String totals(String route, List<Figures> figures) {
        int sent = 0;
        int serverErrors = 0;
        int errors = 0;
        int problems = 0;
        int leaks = 0;
        for (Figures f : figures) {
            if (f.target().startsWith(route + "-")) {
                sent += f.sent();
                serverErrors += f.serverErrors();
                errors += f.errors();
                problems += f.problems();
                leaks += f.leaks();
            }
        }
        return String.format("total %s: sent %d, 5xx %d, problem+json with type %.1f %% of %d errors, internal names leaked %d",
                route, sent, serverErrors, errors == 0 ? 100.0 : 100.0 * problems / errors, errors, leaks);
    }
}
