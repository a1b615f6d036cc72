package org.gongkai.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of integration tests: calls the service under test on {@code port} as a demo user ({@link DemoUser},
 * named by user name, with a fresh token) or anonymously ({@code null} user), and hands back status, body and headers
 * whatever the status. Timeouts are generous: a loaded 2-core machine may take its time, a hung server still fails the
 * test. For what no well-behaved client sends, see {@link org.gongkai.testsupport.corpus.RawHttp}.
 */
public final class TestHttp {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the service answered. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private TestHttp() {
    }

    /**
     * A client for the service on {@code port}, for what the calls below do not cover. Each has connections of its own,
     * so none is reused after a test context (and its server) closed.
     */
    public static RestClient client(int port) {
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.detect()
                .build(HttpClientSettings.defaults().withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT));
        return RestClient.builder().requestFactory(requests).baseUrl("http://localhost:" + port).build();
    }

    public static Response call(int port, String user, String method, String path, Object body) {
        return call(port, user, method, path, body, Map.of());
    }

    /** {@code body}, if any, is sent as JSON; {@code headers} are added as they are. */
    public static Response call(int port, String user, String method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = client(port).method(HttpMethod.valueOf(method)).uri(path);
        authorize(request, user);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return answer(request);
    }

    public static Response get(int port, String user, String path) {
        return call(port, user, "GET", path, null);
    }

    /** The bytes of a download (an export, an attachment); anything but a 2xx fails. */
    public static byte[] download(int port, String user, String path) {
        RestClient.RequestBodySpec request = client(port).method(HttpMethod.GET).uri(path);
        authorize(request, user);
        return request.retrieve().body(byte[].class);
    }

    /** A multipart upload of one file in the part {@code file}. */
    public static Response upload(int port, String user, String path, String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        RestClient.RequestBodySpec request = client(port).method(HttpMethod.POST).uri(path);
        authorize(request, user);
        return answer(request.contentType(MediaType.MULTIPART_FORM_DATA).body(form));
    }

    /** GETs as {@code user}, for {@link PaginationContract#check}. */
    public static Function<String, PaginationContract.Answer> pages(int port, String user) {
        return path -> {
            Response answer = get(port, user, path);
            return new PaginationContract.Answer(answer.status(), answer.body());
        };
    }

    private static void authorize(RestClient.RequestBodySpec request, String user) {
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(user));
        }
    }

    private static Response answer(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
    }
}
