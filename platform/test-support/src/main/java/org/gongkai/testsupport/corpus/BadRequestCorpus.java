package org.gongkai.testsupport.corpus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad requests generated from a service's OpenAPI document: for every operation malformed and wrongly shaped JSON,
 * each field with the wrong type, oversize, absurd dates, control characters, bidi overrides and lone surrogates,
 * missing and unknown fields, wrong content types and methods, bad query and path values and bad headers. What a
 * service answers to each is judged by {@link Figures}: never a 5xx, every error RFC 9457 problem+json with our
 * {@code type}, no Java class name, exception or framework message in any error body.
 */
public final class BadRequestCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    /** Java class names, exception names, Java packages: what an error body must never show. */
    public static final Pattern INTERNAL_NAMES = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|java\\.|jakarta\\.|springframework|tools\\.jackson");

    /** One request of the corpus. */
    public record BadRequest(String operation, String variant, String method, String target, Map<String, String> headers,
            byte[] body) {
    }

    /** What a service answered to one bad request. */
    public record Answer(BadRequest request, RawHttp.Response response) {

        boolean serverError() {
            return response.status() >= 500;
        }

        boolean error() {
            return response.status() >= 400;
        }

        boolean problem() {
            if (!response.contentType().startsWith("application/problem+json")) {
                return false;
            }
            try {
                return JSON.readTree(response.body()).path("type").asString("").startsWith("urn:gongkai:problem:");
            } catch (RuntimeException notJson) {
                return false;
            }
        }

        boolean leaks() {
            return error() && INTERNAL_NAMES.matcher(response.body()).find();
        }

        @Override
        public String toString() {
            return request.method() + " " + abbreviate(request.target()) + " [" + request.variant() + "] -> " + response.status() + " "
                    + response.contentType() + " " + abbreviate(response.body());
        }
    }

    /** The figures of one run against one target, to quote. */
    public record Figures(String target, int sent, int serverErrors, int accepted, int errors, int problems, int leaks,
            List<Answer> failures, List<Answer> answers) {

        public double problemShare() {
            return errors == 0 ? 100.0 : 100.0 * problems / errors;
        }

        public String summary() {
            return String.format("corpus %s: sent %d, 5xx %d, accepted (2xx/3xx) %d, 4xx %d, problem+json with type %.1f %%, internal names leaked %d",
                    target, sent, serverErrors, accepted, errors - serverErrors, problemShare(), leaks);
        }
    }

    private BadRequestCorpus() {
    }

    /**
     * Sends the whole corpus of {@code openApi} to the service on {@code port}; staff operations carry
     * {@code bearerToken}, public ones none.
     */
    public static Figures run(String target, int port, JsonNode openApi, String bearerToken) {
        return run(target, port, generate(openApi, bearerToken));
    }

    /** Sends {@code requests} (a corpus, or a sample of one) to {@code port} and judges the answers. */
    public static Figures run(String target, int port, List<BadRequest> requests) {
        List<Answer> answers = new ArrayList<>();
        for (BadRequest request : requests) {
            answers.add(new Answer(request, RawHttp.send(port, request.method(), request.target(), request.headers(), request.body())));
        }
        int serverErrors = 0;
        int accepted = 0;
        int errors = 0;
        int problems = 0;
        int leaks = 0;
        List<Answer> failures = new ArrayList<>();
        for (Answer answer : answers) {
            boolean failed = false;
            if (answer.serverError()) {
                serverErrors++;
                failed = true;
            }
            if (answer.error()) {
                errors++;
                if (answer.problem()) {
                    problems++;
                } else {
                    failed = true;
                }
            } else {
                accepted++;
            }
            if (answer.leaks()) {
                leaks++;
                failed = true;
            }
            if (failed) {
                failures.add(answer);
            }
        }
        return new Figures(target, answers.size(), serverErrors, accepted, errors, problems, leaks, failures, answers);
    }

    /**
     * The limits a client can read before sending: on the public routes every text field of a JSON request body
     * (nested ones included) and every text query parameter, on staff routes every top-level text field of a request
     * body states its {@code maxLength}, unless it is an enum or a date. Returns the ones that do not.
     */
    public static List<String> undeclaredLimits(JsonNode doc) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Operation operation = new Operation(doc, path.getKey(), op.getKey(), op.getValue(), Set.of(), null);
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                int depth = path.getKey().startsWith("/api/public/") ? 4 : 1;
                for (JsonNode parameter : depth == 1 ? List.<JsonNode>of() : operation.parameters("query")) {
                    if (unlimitedText(operation.resolve(parameter.path("schema")))) {
                        missing.add(name + " ?" + parameter.path("name").asString());
                    }
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!body.isMissingNode()) {
                    collectUnlimited(operation, operation.resolve(body), name + " ", missing, 0, depth);
                }
            }
        }
        return missing;
    }

    private static void collectUnlimited(Operation operation, JsonNode schema, String where, List<String> missing, int depth,
            int maxDepth) {
        if (depth > maxDepth) {
            return;
        }
        if (unlimitedText(schema)) {
            missing.add(where);
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collectUnlimited(operation, operation.resolve(property.getValue()), where + "." + property.getKey(), missing, depth + 1, maxDepth);
        }
        if (schema.has("items")) {
            collectUnlimited(operation, operation.resolve(schema.path("items")), where + "[]", missing, depth + 1, maxDepth);
        }
    }

    private static boolean unlimitedText(JsonNode schema) {
        return "string".equals(schema.path("type").asString("")) && !schema.has("maxLength") && !schema.has("enum")
                && !Set.of("date", "date-time", "binary").contains(schema.path("format").asString(""));
    }

    public static List<BadRequest> generate(JsonNode doc, String bearerToken) {
        List<BadRequest> corpus = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            Set<String> documented = new java.util.HashSet<>();
            path.getValue().propertyNames().forEach(documented::add);
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    new Operation(doc, path.getKey(), op.getKey(), op.getValue(), documented, bearerToken).generate(corpus);
                }
            }
        }
        return corpus;
    }

    /** The bad requests of one operation. */
    private static final class Operation {

        private final JsonNode doc;
        private final String path;
        private final String method;
        private final JsonNode operation;
        private final Set<String> documentedMethods;
        private final String token;
        private final String name;

        Operation(JsonNode doc, String path, String method, JsonNode operation, Set<String> documentedMethods, String token) {
            this.doc = doc;
            this.path = path;
            this.method = method.toUpperCase();
            this.operation = operation;
            this.documentedMethods = documentedMethods;
            this.token = path.startsWith("/api/public/") ? null : token;
            this.name = this.method + " " + path;
        }

        void generate(List<BadRequest> corpus) {
            JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
            boolean jsonBody = !schema.isMissingNode();
            JsonNode sample = jsonBody ? sample(schema, 0) : null;
            byte[] validBody = sample == null ? null : bytes(sample.toString());

            // methods the path does not offer, including one no client library would send
            for (String other : List.of("PATCH", "PUT", "DELETE", "POST", "FOO")) {
                if (!documentedMethods.contains(other.toLowerCase()) && !other.equals(method)) {
                    corpus.add(request("method " + other, other, target(Map.of(), Map.of()), Map.of("Content-Type", "application/json"),
                            bytes("{}")));
                }
            }
            // bad headers on an otherwise sensible request
            Map<String, String> badHeaders = new LinkedHashMap<>();
            badHeaders.put("Idempotency-Key", "key-\u0085\u0090\u009f");
            badHeaders.put("X-Correlation-Id", "id-\u0001\u007f");
            badHeaders.put("Accept", "text/html");
            badHeaders.put("Accept-Language", "%%%;q=abc,");
            badHeaders.put("X-Forwarded-For", "not-an-address, \u0099");
            badHeaders.put("Authorization", "Bearer not.a.token");
            for (Map.Entry<String, String> header : badHeaders.entrySet()) {
                Map<String, String> headers = baseHeaders(jsonBody ? "application/json" : null);
                headers.put(header.getKey(), header.getValue());
                corpus.add(new BadRequest(name, "header " + header.getKey(), method, target(Map.of(), Map.of()), headers, validBody));
            }
            // bad path values
            for (JsonNode parameter : parameters("path")) {
                String param = parameter.path("name").asString();
                for (String bad : List.of("%00", "..%2F..%2Fetc", "%E4%B8", "a".repeat(1500), "%C0%AE%C0%AE")) {
                    corpus.add(request("path " + param + "=" + abbreviate(bad), method, target(Map.of(param, bad), Map.of()),
                            baseHeaders(jsonBody ? "application/json" : null), validBody));
                }
            }
            // bad query values
            for (JsonNode parameter : parameters("query")) {
                String param = parameter.path("name").asString();
                JsonNode type = resolve(parameter.path("schema"));
                for (String bad : badQueryValues(type)) {
                    corpus.add(request("query " + param + "=" + abbreviate(bad), method, target(Map.of(), Map.of(param, bad)),
                            baseHeaders(jsonBody ? "application/json" : null), validBody));
                }
            }
            if (!jsonBody) {
                return;
            }
            // the body as a whole
            for (String bad : List.of("{", "{\"a\":", "not json", "[]", "[{}]", "\"text\"", "123", "true", "null", "", "{}",
                    "{\"x\":1}{\"y\":2}", "[".repeat(3000) + "]".repeat(3000), "\uFEFF" + sample)) {
                corpus.add(request("body " + abbreviate(bad), method, target(Map.of(), Map.of()), baseHeaders("application/json"), bytes(bad)));
            }
            corpus.add(request("body invalid UTF-8", method, target(Map.of(), Map.of()), baseHeaders("application/json"),
                    new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
            JsonNode withUnknown = sample.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) withUnknown).put("unknownFieldOfTheCorpus", "x");
            corpus.add(request("unknown field", method, target(Map.of(), Map.of()), baseHeaders("application/json"), bytes(withUnknown.toString())));
            // wrong content types for a good body
            for (String type : List.of("text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=corpus",
                    "application/x-www-form-urlencoded", "application/json; charset=no-such-charset", "garbage///", "")) {
                Map<String, String> headers = baseHeaders(type.isEmpty() ? null : type);
                corpus.add(request("content type " + (type.isEmpty() ? "(none)" : type), method, target(Map.of(), Map.of()), headers, validBody));
            }
            // each field: missing, null, wrong types, oversize, control characters, absurd dates
            if (schema.path("properties").isObject()) {
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    String field = property.getKey();
                    JsonNode fieldSchema = resolve(property.getValue());
                    corpus.add(fieldVariant(sample, field, "missing", null, true));
                    corpus.add(fieldVariant(sample, field, "null", JSON.nullNode(), false));
                    for (Map.Entry<String, JsonNode> bad : badValues(fieldSchema).entrySet()) {
                        corpus.add(fieldVariant(sample, field, bad.getKey(), bad.getValue(), false));
                    }
                }
            }
        }

        private BadRequest fieldVariant(JsonNode sample, String field, String variant, JsonNode value, boolean remove) {
            tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) sample.deepCopy();
            if (remove) {
                body.remove(field);
            } else {
                body.set(field, value);
            }
            String text = body.toString().replace(LONE_SURROGATE, "\\ud800");
            return request("field " + field + " " + variant, method, target(Map.of(), Map.of()), baseHeaders("application/json"), bytes(text));
        }

        private Map<String, JsonNode> badValues(JsonNode schema) {
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            String type = schema.path("type").asString("object");
            String format = schema.path("format").asString("");
            bad.put("object", JSON.createObjectNode());
            bad.put("array of objects", JSON.createArrayNode().add(JSON.createObjectNode()));
            switch (type) {
                case "string" -> {
                    bad.put("number", JSON.getNodeFactory().numberNode(12345));
                    bad.put("boolean", JSON.getNodeFactory().booleanNode(true));
                    if (format.equals("date")) {
                        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "2025-02-30", "0000-00-00", "1900-01-01", "20250101")) {
                            bad.put("date " + date, JSON.getNodeFactory().stringNode(date));
                        }
                    } else if (format.equals("date-time")) {
                        for (String instant : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2025-13-01T00:00:00Z",
                                "1800-01-01T00:00:00Z", "yesterday")) {
                            bad.put("date-time " + instant, JSON.getNodeFactory().stringNode(instant));
                        }
                    } else if (schema.has("enum")) {
                        bad.put("enum ordinal", JSON.getNodeFactory().numberNode(0));
                        bad.put("enum unknown", JSON.getNodeFactory().stringNode("NOT_A_CODE"));
                        bad.put("enum lower case", JSON.getNodeFactory().stringNode(schema.path("enum").get(0).asString().toLowerCase()));
                    } else {
                        int max = schema.path("maxLength").asInt(20_000);
                        bad.put("oversize " + (max + 1), JSON.getNodeFactory().stringNode("长".repeat(max + 1)));
                        bad.put("NUL", JSON.getNodeFactory().stringNode("建议\u0000内容"));
                        bad.put("control character", JSON.getNodeFactory().stringNode("建议\u001b[31m内容"));
                        bad.put("C1 control", JSON.getNodeFactory().stringNode("建议\u0085内容"));
                        bad.put("bidi override", JSON.getNodeFactory().stringNode("建议\u202e容内"));
                        bad.put("lone surrogate", JSON.getNodeFactory().stringNode("建议" + LONE_SURROGATE));
                        bad.put("blank", JSON.getNodeFactory().stringNode("   "));
                    }
                }
                case "integer", "number" -> {
                    bad.put("string", JSON.getNodeFactory().stringNode("12"));
                    bad.put("text", JSON.getNodeFactory().stringNode("abc"));
                    bad.put("boolean", JSON.getNodeFactory().booleanNode(true));
                    bad.put("huge", JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999999")));
                    bad.put("negative", JSON.getNodeFactory().numberNode(-1));
                    bad.put("fraction", JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1.5")));
                }
                case "boolean" -> {
                    bad.put("string", JSON.getNodeFactory().stringNode("true"));
                    bad.put("number", JSON.getNodeFactory().numberNode(1));
                }
                case "array" -> {
                    bad.put("string", JSON.getNodeFactory().stringNode("x"));
                    bad.put("array of nulls", JSON.createArrayNode().addNull());
                    bad.put("array of numbers", JSON.createArrayNode().add(1));
                    tools.jackson.databind.node.ArrayNode many = JSON.createArrayNode();
                    for (int i = 0; i < 2_000; i++) {
                        many.add(sample(resolve(schema.path("items")), 1));
                    }
                    bad.put("2000 items", many);
                }
                default -> {
                    bad.put("string", JSON.getNodeFactory().stringNode("x"));
                    bad.put("number", JSON.getNodeFactory().numberNode(1));
                }
            }
            return bad;
        }

        private List<String> badQueryValues(JsonNode schema) {
            String type = schema.path("type").asString("string");
            String format = schema.path("format").asString("");
            List<String> bad = new ArrayList<>(List.of("%00", "%E4%B8", "x".repeat(2000), "%20%20"));
            switch (type) {
                case "integer", "number" -> bad.addAll(List.of("abc", "-1", "99999999999999999999", "1.5"));
                case "boolean" -> bad.add("maybe");
                default -> {
                    if (format.equals("date")) {
                        bad.addAll(List.of("%2B999999999-12-31", "-999999999-01-01", "2025-13-45"));
                    } else if (format.equals("date-time")) {
                        bad.addAll(List.of("%2B999999999-12-31T00:00:00Z", "never"));
                    } else if (schema.has("enum")) {
                        bad.addAll(List.of("0", "NOT_A_CODE"));
                    } else {
                        bad.add("%E2%80%AE%E5%86%85");
                    }
                }
            }
            return bad;
        }

        private List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (in.equals(resolved.path("in").asString())) {
                    found.add(resolved);
                }
            }
            return found;
        }

        /** The path with placeholders filled (a plausible id unless overridden) and query parameters appended. */
        private String target(Map<String, String> pathOverrides, Map<String, String> query) {
            String target = path;
            for (JsonNode parameter : parameters("path")) {
                String param = parameter.path("name").asString();
                String value = pathOverrides.getOrDefault(param, plausiblePathValue(resolve(parameter.path("schema"))));
                target = target.replace("{" + param + "}", value);
            }
            if (!query.isEmpty()) {
                StringBuilder q = new StringBuilder();
                query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
                target += q;
            }
            return target;
        }

        private static String plausiblePathValue(JsonNode schema) {
            String type = schema.path("type").asString("string");
            if (type.equals("integer") || type.equals("number")) {
                return "2025";
            }
            if (schema.has("enum")) {
                return URLEncoder.encode(schema.path("enum").get(0).asString(), StandardCharsets.UTF_8);
            }
            return "corpus-1";
        }

        private Map<String, String> baseHeaders(String contentType) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json, application/problem+json");
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return headers;
        }

        private BadRequest request(String variant, String httpMethod, String target, Map<String, String> headers, byte[] body) {
            return new BadRequest(name, variant, httpMethod, target, headers, body);
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int i = 0; i < 10 && current.has("$ref"); i++) {
                String ref = current.path("$ref").asString();
                JsonNode target = doc;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part);
                }
                current = target;
            }
            if (current.has("allOf") && current.path("allOf").size() == 1) {
                return resolve(current.path("allOf").get(0));
            }
            return current;
        }

        /** A well-formed value for {@code schema}: the baseline each variant spoils in one place. */
        private JsonNode sample(JsonNode schema, int depth) {
            JsonNode s = resolve(schema);
            String type = s.path("type").asString(s.has("properties") ? "object" : "string");
            String format = s.path("format").asString("");
            return switch (type) {
                case "integer", "number" -> JSON.getNodeFactory().numberNode(Math.max(1, s.path("minimum").asInt(1)));
                case "boolean" -> JSON.getNodeFactory().booleanNode(true);
                case "array" -> depth > 3 ? JSON.createArrayNode() : JSON.createArrayNode().add(sample(s.path("items"), depth + 1));
                case "object" -> {
                    tools.jackson.databind.node.ObjectNode object = JSON.createObjectNode();
                    if (depth <= 3) {
                        for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    }
                    yield object;
                }
                default -> {
                    if (s.has("enum")) {
                        yield JSON.getNodeFactory().stringNode(s.path("enum").get(0).asString());
                    }
                    yield JSON.getNodeFactory().stringNode(switch (format) {
                        case "date" -> "2025-06-02";
                        case "date-time" -> "2025-06-02T08:00:00Z";
                        default -> "示例文本";
                    });
                }
            };
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    /**
     * Runs the corpus, prints its figures (and keeps them in {@code target/bad-request-corpus-<target>.txt} to quote),
     * then asserts at least {@code minimum} requests were sent, none answered 5xx, every error was problem+json with
     * our type and none leaked an internal name.
     */
    public static Figures assertHolds(String target, int port, JsonNode openApi, String bearerToken, int minimum) {
        org.assertj.core.api.Assertions.assertThat(undeclaredLimits(openApi))
                .as("text fields and query parameters whose OpenAPI states no maxLength").isEmpty();
        Figures figures = run(target, port, openApi, bearerToken);
        String report = keep(figures);
        org.assertj.core.api.Assertions.assertThat(figures.sent()).as("bad requests sent").isGreaterThanOrEqualTo(minimum);
        org.assertj.core.api.Assertions.assertThat(figures.failures()).as(report).isEmpty();
        return figures;
    }

    /**
     * Prints the figures with the first failures and keeps them in {@code target/bad-request-corpus-<target>.txt}
     * (every answer in {@code -answers.txt}); returns the printed text.
     */
    public static String keep(Figures figures) {
        String target = figures.target();
        StringBuilder report = new StringBuilder(figures.summary()).append('\n');
        figures.failures().stream().limit(80).forEach(f -> report.append("  ").append(f).append('\n'));
        System.out.print(report);
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "bad-request-corpus-" + target + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, report);
            StringBuilder all = new StringBuilder();
            figures.answers().forEach(a -> all.append(a).append('\n'));
            java.nio.file.Files.writeString(file.resolveSibling("bad-request-corpus-" + target + "-answers.txt"), all);
        } catch (java.io.IOException e) {
            // the figures are printed anyway
        }
        return report.toString();
    }
}
