package org.gongkai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;

import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Size limits hold for chunked bodies, which announce no length: the gateway counts the bytes as they arrive. An
 * anonymous comment larger than 16 KB never reaches the service at all; an upload larger than 12 MB is cut off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChunkedBodyLimitTest {

    static final String COMMENTS = "/api/public/consultations/c1/comments";
    static final String IMPORT = "/api/catalogues/work-safety/import";
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
    void aChunkedThirteenMegabyteAnonymousCommentIsRefusedAtTheGatewayAndTheServiceNeverSeesIt() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        RawHttp.Response response = RawHttp.exchange(port, "POST " + COMMENTS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunk, 13 * 16);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        ErrorContractTest.problem("payload-too-large").accept(response.body());
        assertThat(service.on(COMMENTS)).isEmpty();
    }

    @Test
    void theSameHoldsForThePortalsCommentForm() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        String form = "/portal/consultations/c1/comments";
        RawHttp.Response response = RawHttp.exchange(port, "POST " + form + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n", chunk, 16);
        assertThat(response.status()).isEqualTo(413);
        ErrorContractTest.problem("payload-too-large").accept(response.body());
        assertThat(service.on(form)).isEmpty();
    }

    @Test
    void aSmallChunkedCommentIsForwardedWhole() throws Exception {
        byte[] chunk = "{\"content\":\"建议加强夜间巡查\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.exchange(port, "POST /api/public/consultations/c2/comments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk, 1);
        assertThat(response.status()).isEqualTo(200);
        assertThat(service.on("/api/public/consultations/c2/comments")).singleElement()
                .satisfies(seen -> assertThat(seen.bodyBytes()).isEqualTo(chunk.length));
    }

    @Test
    void aChunkedUploadOverTwelveMegabytesIsCutOffAndAnswered413() throws Exception {
        byte[] chunk = new byte[256 * 1024];
        RawHttp.Response response = RawHttp.exchange(port, "POST " + IMPORT + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.forUser("office") + "\r\n"
                + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n", chunk, 13 * 4);
        assertThat(response.status()).isEqualTo(413);
        ErrorContractTest.problem("payload-too-large").accept(response.body());
        assertThat(service.on(IMPORT)).allSatisfy(seen -> assertThat(seen.bodyBytes()).isLessThanOrEqualTo(12L * 1024 * 1024));
    }
}
