package org.gongkai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's OpenAPI document must say, read as a Swagger UI user reads it: Chinese titles, summaries and
 * descriptions, the gateway as the only server, Keycloak's authorization code flow as the scheme behind "Authorize",
 * and no token asked for on the public routes.
 */
public final class OpenApiDocuments {

    public static final String GATEWAY = "http://localhost:8080";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiDocuments() {
    }

    /** The document as the service serves it at {@code /v3/api-docs}. */
    public static JsonNode fetch(int port) {
        String body = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(String.class);
        return JsonMapper.builder().build().readTree(body);
    }

    /** One operation, e.g. {@code operation(doc, "get", "/api/public/catalogues")}. */
    public static JsonNode operation(JsonNode doc, String method, String path) {
        JsonNode operation = doc.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as("%s %s is documented", method.toUpperCase(), path).isFalse();
        return operation;
    }

    /** Checks the rules every service's document keeps; fails listing every operation that breaks one. */
    public static void assertChineseGatewayAndOAuth2(JsonNode doc) {
        assertThat(doc.path("servers").size()).as("one server").isEqualTo(1);
        assertThat(doc.path("servers").get(0).path("url").asString()).as("the server is the gateway").isEqualTo(GATEWAY);
        assertChinese("info.title", doc.path("info").path("title"));
        assertChinese("info.description", doc.path("info").path("description"));

        JsonNode scheme = doc.path("components").path("securitySchemes").path("oauth2");
        assertThat(scheme.path("type").asString()).as("an oauth2 security scheme").isEqualTo("oauth2");
        JsonNode flow = scheme.path("flows").path("authorizationCode");
        assertThat(flow.path("authorizationUrl").asString()).as("authorization endpoint of the realm")
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asString()).as("token endpoint of the realm")
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/token");
        assertThat(doc.path("security").toString()).as("global requirement").contains("\"oauth2\"");

        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!isChinese(operation.path("summary"))) {
                    wrong.add(name + ": summary not Chinese");
                }
                if (!isChinese(operation.path("description"))) {
                    wrong.add(name + ": description not Chinese");
                }
                for (JsonNode tag : operation.path("tags")) {
                    if (!isChinese(tag)) {
                        wrong.add(name + ": tag '" + tag.asString() + "' not Chinese");
                    }
                }
                boolean isPublic = path.getKey().startsWith("/api/public/");
                JsonNode security = operation.path("security");
                if (isPublic && !(security.isArray() && security.isEmpty())) {
                    wrong.add(name + ": public operation must need no token (security: [])");
                }
                if (!isPublic && !security.isMissingNode()) {
                    wrong.add(name + ": staff operation must keep the global oauth2 requirement");
                }
            }
        }
        assertThat(operations).as("operations documented").isPositive();
        assertThat(wrong).as("operations breaking the OpenAPI rules").isEmpty();
        for (JsonNode tag : doc.path("tags")) {
            assertChinese("tag name", tag.path("name"));
            assertChinese("description of tag " + tag.path("name").asString(), tag.path("description"));
        }
    }

    private static void assertChinese(String what, JsonNode text) {
        assertThat(isChinese(text)).as("%s is Chinese: %s", what, text).isTrue();
    }

    private static boolean isChinese(JsonNode text) {
        return text.isString() && CHINESE.matcher(text.asString()).find();
    }
}
