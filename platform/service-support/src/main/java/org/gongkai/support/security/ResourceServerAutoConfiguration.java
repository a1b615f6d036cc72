package org.gongkai.support.security;

import org.gongkai.edge.security.TokenValidators;
import org.gongkai.edge.security.VerifiedTokens;
import org.gongkai.support.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server for Keycloak tokens. Public reads live under
 * {@code /api/public/**}; everything else under {@code /api/**} needs a valid token, whose principal is the
 * {@link org.gongkai.support.domain.Actor} ({@link ActorAuthenticationConverter}); each service states the roles of its
 * routes in method-security annotations, and the domain checks sections. Actuator endpoints beyond health and info
 * need the {@code admin} role.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(GongkaiSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    /** The realm role that may read the actuator beyond health and info. */
    public static final String ADMIN = "admin";

    /**
     * No observations of Spring Security's own: a span and a timer around each phase of the filter chain, each
     * authentication and each authorization (method security's included), several per request, which nobody reads. The
     * request keeps its own span and timer ({@code http.server.requests}); on the gateway the same observations were
     * 11 % of its CPU samples.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(GongkaiSecurityProperties properties) {
        NimbusJwtDecoder signatureChecking = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        signatureChecking.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return VerifiedTokens.decoder(signatureChecking, TokenValidators.of(properties.issuer(), properties.audience()));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain gongkaiSecurityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/public/**", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                        .permitAll()
                        // probes read health; metrics, prometheus and whatever else is exposed are for administrators
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }
}
