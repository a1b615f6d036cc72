package org.gongkai.portal.security;

import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.edge.security.KeycloakRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import com.nimbusds.jwt.JWTParser;

/**
 * Staff sign in on Keycloak's own page (authorization code with PKCE, public client {@code gongkai-portal}); the
 * tokens stay in the server session (backend-for-frontend). Realm roles are read from the access token, as the
 * services do. Logout ends the Keycloak session too. Public pages need no login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        String issuer = keycloak.issuer();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.portalClientId())
                .clientName("统一身份认证")
                // a public client: no secret, so Spring Security sends a PKCE challenge (S256)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/portal/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(keycloak.backchannelRealm() + "/protocol/openid-connect/token")
                .jwkSetUri(keycloak.jwkSetUri())
                .issuerUri(issuer)
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, KeycloakProperties keycloak, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/portal/staff/**").hasRole("section-staff")
                        .requestMatchers("/portal/office/**").hasAnyRole("disclosure-office", "confidentiality-officer")
                        .requestMatchers("/portal/leadership/**").hasAnyRole("leader", "disclosure-office", "admin")
                        .requestMatchers("/portal/me").authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(o -> o
                        .loginPage("/portal/login")
                        .authorizationEndpoint(e -> e.baseUri("/portal/oauth2/authorization"))
                        .redirectionEndpoint(e -> e.baseUri("/portal/login/oauth2/code/*"))
                        .authorizedClientRepository(clients)
                        .userInfoEndpoint(u -> u.oidcUserService(withRealmRoles()))
                        .defaultSuccessUrl("/portal/me", false)
                        .failureUrl("/portal/login?error"))
                .logout(l -> l.logoutUrl("/portal/logout").logoutSuccessHandler(logout))
                .exceptionHandling(e -> e.accessDeniedPage("/portal/forbidden"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(keycloak)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** No inline script or style anywhere; forms post to the portal, and logout continues at Keycloak. */
    static String contentSecurityPolicy(KeycloakProperties keycloak) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + keycloak.issuerOrigin();
    }

    /** The ID token names the user; the realm roles are in the access token, as the services read them. */
    static OAuth2UserService<OidcUserRequest, OidcUser> withRealmRoles() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            for (String role : realmRoles(request.getAccessToken().getTokenValue())) {
                authorities.add(new SimpleGrantedAuthority(KeycloakRoles.PREFIX + role));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    static List<String> realmRoles(String accessToken) {
        try {
            Map<String, Object> claims = JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
            return KeycloakRoles.of(claims);
        } catch (ParseException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"), "The access token is not a JWT.", e);
        }
    }
}
