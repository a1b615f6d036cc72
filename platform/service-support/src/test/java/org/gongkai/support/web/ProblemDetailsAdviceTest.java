package org.gongkai.support.web;

import org.gongkai.edge.problems.ProblemTypes;
import org.gongkai.support.deadletters.BrokerUnavailableException;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.web.input.StrictJsonInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error contract of every service, row by row: each failure that reaches a controller answers RFC 9457
 * problem+json with its status, a stable {@code urn:gongkai:problem:} type, a Chinese title and detail (English only
 * when Accept-Language puts English first) and nothing of our internals: no class name, no exception message, no trace.
 */
class ProblemDetailsAdviceTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A Java class or package name as an exception or stack trace shows it, e.g. {@code org.gongkai.x} or {@code java.lang}. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|org|com|tools|sun)\\.[a-z]\\w*\\.");
    /** The message of the unexpected failure below: none of it may reach the client. */
    private static final String INTERNAL_MESSAGE = "NullPointerException in org.gongkai.publication.SecretRepository at line 42";

    record Form(@NotBlank String title, Integer count) {
    }

    /** Throws whatever a row asks for, and has the endpoints whose arguments Spring MVC itself refuses. */
    @RestController
    static class FailingController {

        @GetMapping("/fail/{failure}")
        void fail(@PathVariable String failure) {
            throw FAILURES.get(failure).get();
        }

        @PostMapping(path = "/forms", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        Form create(@Valid @RequestBody Form form) {
            return form;
        }

        @GetMapping("/search")
        String search(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/pages")
        String pages(@RequestParam @Min(1) int page) {
            return "page " + page;
        }

        @PostMapping("/uploads")
        void upload() {
            throw new MultipartException("Failed to parse multipart servlet request; nested exception is java.io.IOException");
        }
    }

    private static final java.util.Map<String, Supplier<RuntimeException>> FAILURES = java.util.Map.ofEntries(
            java.util.Map.entry("invalid", () -> DomainException.invalid("not-proactive", "只有主动公开的文件才能公开。")
                    .with("documentId", "d-1")),
            java.util.Map.entry("not-found", () -> DomainException.notFound("document-not-found", "未找到该文件。")),
            java.util.Map.entry("conflict", () -> DomainException.conflict("already-published", "该文件已经公开。")),
            java.util.Map.entry("forbidden", () -> DomainException.forbidden("other-section", "只能处理本科室的文件。")),
            java.util.Map.entry("access-denied", () -> new AccessDeniedException("Access Denied by org.springframework.security")),
            java.util.Map.entry("optimistic-lock", () -> new OptimisticLockingFailureException(
                    "Cannot save entity org.gongkai.publication.document.Document with version 3")),
            java.util.Map.entry("duplicate-key", () -> new DuplicateKeyException(
                    "E11000 duplicate key error collection: publication.documents index: number")),
            java.util.Map.entry("constraint", () -> new ConstraintViolationException(
                    Validation.buildDefaultValidatorFactory().getValidator().validate(new Form(" ", null)))),
            java.util.Map.entry("date-out-of-range", () -> new java.time.DateTimeException("Invalid value for Year: 1000000000")),
            java.util.Map.entry("too-large", () -> new MaxUploadSizeExceededException(10 * 1024 * 1024)),
            java.util.Map.entry("firewall", () -> new RequestRejectedException("The request was rejected because the URL contained %2F")),
            java.util.Map.entry("undecodable", () -> new org.apache.tomcat.util.http.InvalidParameterException(
                    "org.apache.tomcat.util.buf.MessageBytes: invalid UTF-8")),
            java.util.Map.entry("broker", () -> new BrokerUnavailableException("amqp://guest@localhost:5672 refused",
                    new java.net.ConnectException("Connection refused"))),
            java.util.Map.entry("unexpected", () -> new IllegalStateException(INTERNAL_MESSAGE)));

    private MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void standaloneMvcAsTheServicesHaveIt() {
        // the request converter every service uses: Boot's mapper (with its problem-detail mix-in) as
        // gongkai-defaults.yml sets it, made strict as ServiceSupportAutoConfiguration does
        JsonMapper.Builder strict = JsonMapper.builder()
                .addMixIn(org.springframework.http.ProblemDetail.class,
                        org.springframework.http.converter.json.ProblemDetailJacksonMixin.class)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        new StrictJsonInput().customize(strict);
        mvc = MockMvcBuilders.standaloneSetup(new FailingController())
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(strict.build()))
                .build();
    }

    private static MockHttpServletRequestBuilder failure(String name) {
        return get("/fail/" + name);
    }

    private static MockHttpServletRequestBuilder form(String body) {
        return post("/forms").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** One row of the table: a request, the status and problem type it must answer with, and what else to check. */
    private static Arguments row(String name, MockHttpServletRequestBuilder request, int status, String slug,
            Consumer<JsonNode> more) {
        return Arguments.of(name, request, status, slug, more);
    }

    private static Arguments row(String name, MockHttpServletRequestBuilder request, int status, String slug) {
        return row(name, request, status, slug, problem -> {
        });
    }

    static Stream<Arguments> errorTable() {
        return Stream.of(
                row("domain: invalid", failure("invalid"), 422, "not-proactive", problem -> {
                    assertThat(problem.path("detail").asString()).isEqualTo("只有主动公开的文件才能公开。");
                    assertThat(problem.path("documentId").asString()).as("the exception's details as extension members").isEqualTo("d-1");
                }),
                row("domain: not found", failure("not-found"), 404, "document-not-found",
                        problem -> assertThat(problem.path("detail").asString()).isEqualTo("未找到该文件。")),
                row("domain: conflict", failure("conflict"), 409, "already-published",
                        problem -> assertThat(problem.path("detail").asString()).isEqualTo("该文件已经公开。")),
                row("domain: forbidden", failure("forbidden"), 403, "other-section",
                        problem -> assertThat(problem.path("detail").asString()).isEqualTo("只能处理本科室的文件。")),
                row("bean validation of a body", form("{\"title\":\" \"}"), 400, "validation-failed",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("title")),
                row("bean validation of a parameter", get("/pages").param("page", "0"), 400, "validation-failed",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("page")),
                row("constraint violation", failure("constraint"), 400, "validation-failed",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("title")),
                row("malformed JSON", form("{not json"), 400, "malformed-request", ProblemDetailsAdviceTest::ourOwnWordsOnly),
                row("empty body", form(""), 400, "malformed-request", ProblemDetailsAdviceTest::ourOwnWordsOnly),
                row("unknown field", form("{\"title\":\"通知\",\"colour\":\"red\"}"), 400, "unknown-field",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("colour")),
                row("input refused by our own rule", form("{\"title\":\"a\\u0000b\"}"), 400, "invalid-field", problem -> {
                    assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("title");
                    assertThat(problem.path("detail").asString()).contains("title").contains("控制字符");
                }),
                row("wrong JSON type", form("{\"title\":\"通知\",\"count\":\"12\"}"), 400, "invalid-field",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("count")),
                row("missing parameter", get("/search"), 400, "missing-parameter", problem -> {
                    assertThat(problem.path("detail").asString()).contains("page");
                    assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("page");
                }),
                row("parameter of the wrong type", get("/search").param("page", "abc"), 400, "invalid-parameter",
                        problem -> assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("page")),
                row("method not allowed", delete("/forms"), 405, "http-405"),
                row("unsupported media type", post("/forms").contentType(MediaType.TEXT_PLAIN).content("通知"), 415, "http-415"),
                row("upload too large", failure("too-large"), 413, "http-413"),
                row("multipart without a boundary", post("/uploads").contentType(MediaType.MULTIPART_FORM_DATA), 415, "http-415"),
                row("broken multipart body", post("/uploads").contentType("multipart/form-data; boundary=----x"), 400,
                        "malformed-request"),
                row("access denied", failure("access-denied"), 403, "forbidden"),
                row("optimistic locking", failure("optimistic-lock"), 409, "concurrent-modification"),
                row("duplicate key", failure("duplicate-key"), 409, "duplicate"),
                row("date out of range", failure("date-out-of-range"), 400, "invalid-date"),
                row("refused by the firewall", failure("firewall"), 400, "malformed-request"),
                row("undecodable parameter", failure("undecodable"), 400, "malformed-request"),
                row("broker unavailable", failure("broker"), 503, "broker-unavailable"),
                row("anything else", failure("unexpected"), 500, "internal-error",
                        problem -> assertThat(problem.toString()).doesNotContain("SecretRepository", "NullPointer", "line 42")));
    }

    /** The parser's own message (position, token, expected type) is not for readers: only our sentence. */
    private static void ourOwnWordsOnly(JsonNode problem) {
        assertThat(problem.path("detail").asString()).isEqualTo("请求内容不是此操作所需的 JSON 格式。");
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("errorTable")
    void eachFailureAnswersItsProblemInChinese(String name, MockHttpServletRequestBuilder request, int status, String slug,
            Consumer<JsonNode> more) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        JsonNode problem = problemOf(response, status, slug);
        assertThat(problem.path("title").asString()).as("title").containsPattern(CJK);
        assertThat(problem.path("detail").asString()).as("detail").containsPattern(CJK);
        more.accept(problem);
    }

    static Stream<Arguments> englishRows() {
        return Stream.of(
                Arguments.of(form("{not json"), 400, "malformed-request", "Bad Request"),
                Arguments.of(get("/search"), 400, "missing-parameter", "Bad Request"),
                Arguments.of(delete("/forms"), 405, "http-405", "Method Not Allowed"),
                Arguments.of(failure("access-denied"), 403, "forbidden", "Forbidden"),
                Arguments.of(failure("optimistic-lock"), 409, "concurrent-modification", "Conflict"),
                Arguments.of(failure("unexpected"), 500, "internal-error", "Internal Server Error"));
    }

    @ParameterizedTest(name = "{2} in English")
    @MethodSource("englishRows")
    void englishOnlyWhenAcceptLanguagePutsEnglishFirst(MockHttpServletRequestBuilder request, int status, String slug, String title)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9,zh;q=0.5"))
                .andReturn().getResponse();

        JsonNode problem = problemOf(response, status, slug);
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContainPattern(CJK);
    }

    @Test
    void aReaderWhoPrefersChineseGetsChineseEvenIfEnglishIsAlsoAccepted() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/search").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8"))
                .andReturn().getResponse();

        assertThat(problemOf(response, 400, "missing-parameter").path("title").asString()).containsPattern(CJK);
    }

    @Test
    void theBrokerBeingAwayTellsTheClientWhenToRetry() throws Exception {
        MockHttpServletResponse response = mvc.perform(failure("broker")).andReturn().getResponse();

        problemOf(response, 503, "broker-unavailable");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    }

    @Test
    void aClientThatAcceptsOnlyHtmlStillGetsTheProblemAsJson() throws Exception {
        MockHttpServletResponse response = mvc.perform(failure("conflict").accept(MediaType.TEXT_HTML)).andReturn().getResponse();

        problemOf(response, 409, "already-published");
    }

    @Test
    void aSuccessfulRequestIsUntouched() throws Exception {
        MockHttpServletResponse response = mvc.perform(form("{\"title\":\"通知\",\"count\":2}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).path("title").asString())
                .isEqualTo("通知");
    }

    /** The parts every problem shares, asserted once: status, media type, stable type, nothing internal. */
    private JsonNode problemOf(MockHttpServletResponse response, int status, String slug) throws Exception {
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getContentType()).isTrue();
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.PREFIX + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(body).as("no class name").doesNotContainPattern(JAVA_NAME);
        assertThat(body).as("no exception or stack trace").doesNotContain("Exception", "\tat ", "trace", "E11000");
        assertThat(Set.of(problem.propertyNames().toArray(String[]::new)))
                .as("only the problem's own members and our extensions")
                .isSubsetOf(Set.of("type", "title", "status", "detail", "instance", "errors", "documentId"));
        return problem;
    }
}
