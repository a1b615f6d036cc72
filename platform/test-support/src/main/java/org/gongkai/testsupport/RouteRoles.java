package org.gongkai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.ActorAuthentication;
import org.gongkai.testsupport.corpus.RawHttp;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} route a service serves, with the access rule it states and the realm roles that rule admits,
 * read from the running service's {@link RequestMappingHandlerMapping} and decided by Spring Security's own
 * {@link PreAuthorizeAuthorizationManager} for an {@link Actor} of each role. A service's {@code RouteRolesIntegrationTest}
 * compares the table with the one it writes down, so a new route, or a route whose roles change, fails until the
 * table says so.
 */
public final class RouteRoles {

    /** The realm roles, in the order the table lists them. */
    private static final List<String> ROLES = List.of(Actor.SECTION_STAFF, Actor.DISCLOSURE_OFFICE,
            Actor.CONFIDENTIALITY_OFFICER, Actor.LEADER, Actor.ADMIN);
    static final String PUBLIC = "public";
    static final String ANYONE_SIGNED_IN = "any signed-in user";
    static final String NO_RULE = "-";

    private RouteRoles() {
    }

    /** One route: method, path pattern, the rule's annotation (or {@code -}), and whom it admits. */
    public record Route(String method, String path, String rule, String admits) {

        boolean isPublic() {
            return path.startsWith("/api/public/");
        }

        String row() {
            return String.format("%-6s %-68s %-28s %s", method, path, rule, admits);
        }
    }

    /** The table of the service in {@code context}, sorted by path and method. */
    public static List<Route> of(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (String method : methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).toList()) {
                    String rule = ruleOf(handler);
                    String admits = path.startsWith("/api/public/") && rule.equals(NO_RULE) ? PUBLIC : admitted(handler.getMethod());
                    routes.add(new Route(method, path, rule, admits));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    /**
     * Fails unless the service's routes are exactly {@code expected} (one route a line, columns separated by spaces),
     * every staff route states a rule, and no route spells a role in a {@code @PreAuthorize} of its own.
     */
    public static void assertTable(ApplicationContext context, String expected) {
        List<Route> routes = of(context);
        String actualTable = routes.stream().map(Route::row).collect(Collectors.joining("\n"));
        assertThat(routes).as("staff routes without a rule of the service's access rules:\n%s", actualTable)
                .filteredOn(route -> !route.isPublic() && route.rule().equals(NO_RULE)).isEmpty();
        assertThat(routes).as("routes that spell their roles instead of naming a rule:\n%s", actualTable)
                .filteredOn(route -> route.rule().startsWith("@PreAuthorize")).isEmpty();
        Set<String> actual = routes.stream().map(route -> normalised(route.row())).collect(Collectors.toSet());
        List<String> wanted = expected.lines().map(RouteRoles::normalised).filter(line -> !line.isEmpty()).toList();
        List<String> unstated = routes.stream().map(Route::row).filter(row -> !wanted.contains(normalised(row))).toList();
        List<String> stale = wanted.stream().filter(row -> !actual.contains(row)).toList();
        if (!unstated.isEmpty() || !stale.isEmpty()) {
            fail(String.format("routes the table does not state (new, or their rule or roles changed):%n%s%n"
                    + "rows of the table that no route matches:%n%s%nthe service serves:%n%s",
                    String.join("\n", unstated), String.join("\n", stale), actualTable));
        }
        assertThat(wanted).as("rows stated twice").doesNotHaveDuplicates();
    }

    /**
     * Asserts that {@code user} is refused by the route's rule itself (a {@code forbidden} problem), not by the domain,
     * which would name its own problem or, for a record it cannot find, answer 404.
     */
    public static void assertRefusedByTheRule(int port, String user, String method, String path, String jsonBody) {
        RawHttp.Response answer = RawHttp.send(port, method, path, Map.of("Authorization", "Bearer " + TestTokens.forUser(user),
                "Content-Type", "application/json"), jsonBody.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as("%s %s by %s: %s", method, path, user, answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("urn:gongkai:problem:forbidden");
    }

    private static String normalised(String row) {
        return row.strip().replaceAll("\\s+", " ");
    }

    /** The annotation on the route (else on its controller) that carries its {@code @PreAuthorize}. */
    private static String ruleOf(HandlerMethod handler) {
        for (AnnotatedElement element : List.<AnnotatedElement>of(handler.getMethod(), handler.getBeanType())) {
            MergedAnnotation<PreAuthorize> preAuthorize = MergedAnnotations.from(element).get(PreAuthorize.class);
            if (preAuthorize.isPresent()) {
                if (preAuthorize.getDistance() == 0) {
                    return "@PreAuthorize(\"" + preAuthorize.getString("value") + "\")";
                }
                Class<? extends Annotation> rule = preAuthorize.getRoot().getType();
                return rule.getSimpleName();
            }
        }
        return NO_RULE;
    }

    /** Whom Spring Security lets call the method: every role, named roles, or none. */
    private static String admitted(Method method) {
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        SimpleMethodInvocation invocation = new SimpleMethodInvocation(null, method, new Object[method.getParameterCount()]);
        if (admits(manager, invocation, Set.of())) {
            return ANYONE_SIGNED_IN;
        }
        List<String> admitted = ROLES.stream().filter(role -> admits(manager, invocation, Set.of(role))).toList();
        return admitted.isEmpty() ? "nobody" : String.join(", ", admitted);
    }

    private static boolean admits(PreAuthorizeAuthorizationManager manager, SimpleMethodInvocation invocation, Set<String> roles) {
        Jwt jwt = Jwt.withTokenValue("route-roles").header("alg", "none").subject("route-roles")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        Actor actor = new Actor("route-roles", "route-roles", "route-roles", roles);
        ActorAuthentication authentication = new ActorAuthentication(jwt, actor,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        AuthorizationResult result = manager.authorize(() -> authentication, invocation);
        // no @PreAuthorize at all: the filter chain alone decides, and it admits every valid token
        return result == null || result.isGranted();
    }
}
