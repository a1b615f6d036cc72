package org.gongkai.catalogue.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import route's multipart limits answer like every other refusal: a Chinese problem with a stable type. */
@ServiceIntegrationTest
class UploadLimitIntegrationTest {

    @LocalServerPort
    int port;

    private RawHttp.Response upload(String contentType, byte[] body) {
        return RawHttp.send(port, "POST", "/api/catalogues/work-safety/imports",
                Map.of("Authorization", "Bearer " + TestTokens.forUser("office"), "Content-Type", contentType), body);
    }

    @Test
    void aTableLargerThanAllowedIsContentTooLarge() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[13 * 1024 * 1024]);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response answer = upload("multipart/form-data; boundary=b", body.toByteArray());
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("urn:gongkai:problem:http-413", "请求内容超过允许的大小");
    }

    @Test
    void multipartWithoutABoundaryIsUnsupportedAndABrokenBodyIsABadRequest() {
        RawHttp.Response noBoundary = upload("multipart/form-data", "whatever".getBytes(StandardCharsets.UTF_8));
        assertThat(noBoundary.status()).as(noBoundary.body()).isEqualTo(415);
        assertThat(noBoundary.body()).contains("urn:gongkai:problem:http-415");

        RawHttp.Response broken = upload("multipart/form-data; boundary=b", "--b\r\nnot a part".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.body()).contains("urn:gongkai:problem:malformed-request");
    }
}
