package org.gongkai.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.gongkai.edge.correlation.CorrelationIds;
import org.gongkai.edge.problems.ProblemTypes;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's one way to the services. Public calls carry no token; staff calls carry the signed-in user's access
 * token (from the server-side session, refreshed when needed). Every call passes on the gateway's correlation id and
 * the client's X-Forwarded-For. A service's problem answer becomes an {@link ApiProblem}.
 */
@Component
public class Api {

    public enum Service { CATALOGUE, PUBLICATION, CONSULTATION, REPORTING }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;
    private final ServiceRoutes routes;
    private final AccessTokens tokens;

    Api(RestClient.Builder builder, ServiceRoutes routes, AccessTokens tokens) {
        this.client = builder.build();
        this.routes = routes;
        this.tokens = tokens;
    }

    /** A public read (no token). */
    public <T> T get(Service service, String path, Class<T> type, Object... vars) {
        return request(HttpMethod.GET, service, path, null, false, h -> { }, vars).body(type);
    }

    public <T> T get(Service service, String path, ParameterizedTypeReference<T> type, Object... vars) {
        return request(HttpMethod.GET, service, path, null, false, h -> { }, vars).body(type);
    }

    /**
     * The one anonymous write: a citizen's comment, always with an idempotency key, so a double click or a retry after
     * a lost answer files it once (also after the service restarted).
     */
    public <T> T publicPost(Service service, String path, Object body, String idempotencyKey, Class<T> type, Object... vars) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a public write needs an Idempotency-Key");
        }
        return request(HttpMethod.POST, service, path, body, false, h -> h.set("Idempotency-Key", idempotencyKey), vars).body(type);
    }

    /** A read as the signed-in user. */
    public <T> T staffGet(Service service, String path, Class<T> type, Object... vars) {
        return request(HttpMethod.GET, service, path, null, true, h -> { }, vars).body(type);
    }

    public <T> T staffGet(Service service, String path, ParameterizedTypeReference<T> type, Object... vars) {
        return request(HttpMethod.GET, service, path, null, true, h -> { }, vars).body(type);
    }

    /** The largest page the services give. */
    public static final int MAX_PAGE_SIZE = 100;
    /** How many pages {@link #getAll} reads at most (so 10,000 rows). */
    static final int MAX_PAGES = 100;

    /**
     * Every page of a paginated public list, for a page of the portal that still filters or sorts the whole list itself
     * (see docs/performance.md). {@code path} may carry a query; page and size are added.
     */
    public <T> List<T> getAll(Service service, String path, ParameterizedTypeReference<ApiPage<T>> type, Object... vars) {
        return all(false, service, path, type, vars);
    }

    /** Every page of a paginated list read as the signed-in user; see {@link #getAll}. */
    public <T> List<T> staffGetAll(Service service, String path, ParameterizedTypeReference<ApiPage<T>> type, Object... vars) {
        return all(true, service, path, type, vars);
    }

    private <T> List<T> all(boolean staff, Service service, String path, ParameterizedTypeReference<ApiPage<T>> type, Object... vars) {
        String paged = path + (path.contains("?") ? "&" : "?") + "page={page}&size={size}";
        List<T> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Object[] withPage = java.util.Arrays.copyOf(vars, vars.length + 2);
            withPage[vars.length] = page;
            withPage[vars.length + 1] = MAX_PAGE_SIZE;
            ApiPage<T> found = request(HttpMethod.GET, service, paged, null, staff, h -> { }, withPage).body(type);
            if (found == null) {
                break;
            }
            all.addAll(found.items());
            if (found.items().isEmpty() || all.size() >= found.total()) {
                break;
            }
        }
        return all;
    }

    /** A change as the signed-in user; {@code body} may be null. */
    public <T> T staffSend(HttpMethod method, Service service, String path, Object body, Class<T> type, Object... vars) {
        return request(method, service, path, body, true, h -> { }, vars).body(type);
    }

    /** A file the signed-in user may download (XLSX or CSV), with the service's headers. */
    public ResponseEntity<byte[]> staffDownload(Service service, String path, Object... vars) {
        return request(HttpMethod.GET, service, path, null, true, h -> { }, vars).toEntity(byte[].class);
    }

    private RestClient.ResponseSpec request(HttpMethod method, Service service, String path, Object body, boolean asUser,
            Consumer<HttpHeaders> extra, Object... vars) {
        RestClient.RequestBodySpec spec = client.method(method).uri(base(service) + path, vars)
                .headers(h -> {
                    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
                    HttpServletRequest current = currentRequest();
                    if (current != null) {
                        copy(current, h, CorrelationIds.HEADER);
                        copy(current, h, "X-Forwarded-For");
                    }
                    if (asUser) {
                        h.setBearerAuth(tokens.current());
                    }
                    extra.accept(h);
                });
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {
            throw problem(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    static ApiProblem problem(int status, String body) {
        String slug = "http-" + status;
        String detail = body;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            String gongkaiSlug = ProblemTypes.slugOf(json.path("type").asString(""));
            if (gongkaiSlug != null) {
                slug = gongkaiSlug;
            }
            detail = json.path("detail").asString(body);
            for (JsonNode e : json.path("errors")) {
                errors.add(new ApiProblem.FieldError(e.path("field").asString(""), e.path("message").asString("")));
            }
            // a domain rule about one field names it in the problem's "field" member
            if (errors.isEmpty() && !json.path("field").asString("").isEmpty()) {
                errors.add(new ApiProblem.FieldError(json.path("field").asString(""), detail));
            }
        } catch (RuntimeException notJson) {
            // keep the raw body as detail
        }
        return new ApiProblem(status, slug, detail, errors);
    }

    private static void copy(HttpServletRequest from, HttpHeaders to, String name) {
        String value = from.getHeader(name);
        if (value != null && !value.isBlank()) {
            to.set(name, value);
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private String base(Service service) {
        String base = switch (service) {
            case CATALOGUE -> routes.catalogue();
            case PUBLICATION -> routes.publication();
            case CONSULTATION -> routes.consultation();
            case REPORTING -> routes.reporting();
        };
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Convenience for JSON bodies built on the fly. */
    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
