package org.gongkai.gateway.security;

import org.gongkai.gateway.errors.GatewayProblem;
import org.gongkai.gateway.errors.ProblemJson;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * {@code /api/public/**} is for reading; the only public writes are anonymous comment submission and the
 * online disclosure application (依申请公开). Any other
 * method there is answered 405 before security or routing runs, so no token can make it reach a service.
 */
@Component
@Order(-200) // before Spring Security's WebFilterChainProxy (-100)
class PublicRoutesAreReadOnly implements WebFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        HttpMethod method = exchange.getRequest().getMethod();
        boolean publicRoute = path.startsWith("/api/public/");
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        boolean comment = method == HttpMethod.POST && PATHS.match("/api/public/consultations/*/comments", path);
        boolean application = method == HttpMethod.POST && "/api/public/applications".equals(path);
        if (publicRoute && !read && !comment && !application) {
            exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.GET));
            return ProblemJson.write(exchange, GatewayProblem.PUBLIC_ROUTE_READ_ONLY);
        }
        return chain.filter(exchange);
    }
}
