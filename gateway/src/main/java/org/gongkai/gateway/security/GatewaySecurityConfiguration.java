package org.gongkai.gateway.security;

import org.gongkai.edge.security.KeycloakRoles;
import org.gongkai.edge.security.TokenValidators;
import org.gongkai.gateway.errors.GatewayProblem;
import org.gongkai.gateway.errors.ProblemJson;
import org.gongkai.gateway.observability.SecurityRejections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway's coarse checks: public routes are GET-only (plus anonymous comment submission and the
 * online disclosure application), every other
 * {@code /api/**} route needs a valid Keycloak token, and leadership routes need a leadership role.
 * Each service checks roles and sections again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    static final String[] OVERSEERS = {"leader", "disclosure-office", "admin"};

    /**
     * No observations of Spring Security's own: it would wrap every filter of the chain and every authorization in
     * an observation (a span and a timer each), 11 % of the gateway's CPU samples under public reads (JFR, 3 December
     * 2026). The request keeps its own span and timer ({@code http.server.requests}), and the gateway's refusals are
     * counted by {@link SecurityRejections}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        NimbusReactiveJwtDecoder signatureChecking = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        signatureChecking.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return new ReactiveVerifiedTokens(signatureChecking, TokenValidators.of(properties.issuer(), properties.audience()));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityRejections rejections) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            rejections.record(exchange, SecurityRejections.Kind.UNAUTHENTICATED);
            return ProblemJson.write(exchange, GatewayProblem.UNAUTHENTICATED);
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> {
            rejections.record(exchange, SecurityRejections.Kind.FORBIDDEN);
            return ProblemJson.write(exchange, GatewayProblem.FORBIDDEN);
        };
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRoles());
        http
                // stateless: a bearer token per request, never a WebSession (no saved request, no stored context)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(ex -> ex
                        .pathMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/public/consultations/*/comments").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/public/applications").permitAll()
                        .pathMatchers("/api/public/**").denyAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/webjars/**").permitAll()
                        // the rest of actuator (metrics, gateway routes) is for administrators to read; nobody changes
                        // routes through it
                        .pathMatchers(HttpMethod.GET, "/actuator/**").hasRole("admin")
                        // the web portal checks its own sessions (Keycloak login, CSRF) and calls the services with the user's token
                        .pathMatchers("/", "/portal", "/portal/**", "/favicon.ico").permitAll()
                        .pathMatchers("/api/reporting/county/**", "/api/reporting/leadership/**").hasAnyRole(OVERSEERS)
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }
}
