package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.gongkai.testsupport.corpus.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway closes connections that carry no request (here after a short configured 2 s; 60 s in production):
 * neither a client that connects and sends nothing nor an idle keep-alive connection holds a socket for ever; and a
 * body that stops arriving (2 s here, 30 s in production) is answered 408 problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.netty.idle-timeout=2s", "gongkai.gateway.connections.read-timeout=2s"})
class IdleConnectionTest {

    static StubService service;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        service = new StubService();
        service.routeEverythingHere(registry);
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis()); // a socket left open would time out here instead
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterItsAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            socket.getOutputStream().write("GET /api/public/catalogues HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String received = new String(in.readAllBytes(), StandardCharsets.UTF_8); // returns only once the server closes
            assertThat(received).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aBodyThatStopsArrivingIsA408Problem() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, "POST /api/public/consultations/c1/comments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"content\":");
        assertThat(response.status()).isEqualTo(408);
        ErrorContractTest.problem("request-timeout").accept(response.body());
        assertThat(service.on("/api/public/consultations/c1/comments")).isEmpty();
    }
}
