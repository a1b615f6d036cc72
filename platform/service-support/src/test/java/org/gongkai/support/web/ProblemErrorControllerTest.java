package org.gongkai.support.web;

import org.gongkai.edge.problems.ProblemTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import jakarta.servlet.RequestDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What fails outside a controller (the container, a filter, the firewall) is forwarded to {@code /error}, which answers
 * like the advice: problem+json with a stable type and Chinese words, never the failure's message, whatever is accepted.
 */
class ProblemErrorControllerTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|org|com|tools|sun)\\.[a-z]\\w*\\.");

    private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private MockMvc mvc;

    @BeforeEach
    void errorPage() {
        mvc = MockMvcBuilders.standaloneSetup(new ProblemErrorController(new ProblemResponses(json))).build();
    }

    /** The container's forward to the error page, with the attributes it sets. */
    private static MockHttpServletRequestBuilder forwardedError(Integer status, Throwable failure) {
        MockHttpServletRequestBuilder request = get("/error").accept(MediaType.TEXT_HTML);
        if (status != null) {
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status);
        }
        if (failure != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure);
        }
        return request;
    }

    static Stream<Arguments> errorTable() {
        return Stream.of(
                Arguments.of("no such address", forwardedError(404, null), 404, "http-404"),
                Arguments.of("a filter wants a token", forwardedError(401, null), 401, "unauthenticated"),
                Arguments.of("a filter refuses the role", forwardedError(403, null), 403, "forbidden"),
                Arguments.of("method not allowed", forwardedError(405, null), 405, "http-405"),
                Arguments.of("too large for the container", forwardedError(413, null), 413, "http-413"),
                Arguments.of("URI too long", forwardedError(414, null), 414, "http-414"),
                Arguments.of("headers too large", forwardedError(431, null), 431, "http-431"),
                Arguments.of("a client error without its own text", forwardedError(418, null), 418, "http-418"),
                Arguments.of("refused by the firewall", forwardedError(500, new jakarta.servlet.ServletException("filter failed",
                        new RequestRejectedException("The request was rejected because the header value \"\\u0000\" is not allowed"))),
                        400, "malformed-request"),
                Arguments.of("a filter failed", forwardedError(500, new IllegalStateException(
                        "org.gongkai.support.SecretFilter: connection to mongodb://admin:secret@db failed")), 500, "internal-error"),
                Arguments.of("unavailable", forwardedError(503, null), 503, "internal-error"),
                Arguments.of("/error called directly", forwardedError(null, null), 404, "http-404"),
                Arguments.of("/error with a success status", forwardedError(200, null), 404, "http-404"));
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("errorTable")
    void everyErrorOutsideAControllerIsAChineseProblem(String name, MockHttpServletRequestBuilder request, int status, String slug)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s, although only HTML was accepted", response.getContentType()).isTrue();
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.PREFIX + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).as("title").containsPattern(CJK);
        assertThat(problem.path("detail").asString()).as("detail").containsPattern(CJK);
        assertThat(body).doesNotContainPattern(JAVA_NAME).doesNotContain("Exception", "secret", "\\u0000", "\tat ");
    }

    @Test
    void englishWhenTheReaderAsksForIt() throws Exception {
        MockHttpServletResponse response = mvc.perform(forwardedError(401, null).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse();

        JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.PREFIX + "unauthenticated");
        assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asString()).isEqualTo("A valid bearer token is required.");
    }
}
