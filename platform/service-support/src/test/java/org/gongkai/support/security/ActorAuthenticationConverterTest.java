package org.gongkai.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.support.domain.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The principal of a request is the Actor of its token; its authorities are the realm roles for method security. */
class ActorAuthenticationConverterTest {

    private final ActorAuthenticationConverter converter = new ActorAuthenticationConverter();

    @Test
    void thePrincipalIsTheActorAndTheAuthoritiesAreTheRealmRoles() {
        Jwt jwt = jwt(Map.of("preferred_username", "safety1", "section", "safety-coordination",
                "realm_access", Map.of("roles", List.of("section-staff", "default-roles-gongkai"))));

        AbstractAuthenticationToken authentication = converter.convert(jwt);

        assertThat(authentication.getPrincipal()).isEqualTo(new Actor("subject-1", "safety1", "safety-coordination",
                Set.of("section-staff", "default-roles-gongkai")));
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_section-staff", "ROLE_default-roles-gongkai");
        assertThat(authentication.getName()).isEqualTo("safety1");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(((ActorAuthentication) authentication).getToken()).isSameAs(jwt);
    }

    @Test
    void aTokenWithoutUserNameOrRolesIsTheSubjectWithNoRoles() {
        AbstractAuthenticationToken authentication = converter.convert(jwt(Map.of("scope", "openid")));

        assertThat(authentication.getPrincipal()).isEqualTo(new Actor("subject-1", "subject-1", null, Set.of()));
        assertThat(authentication.getAuthorities()).isEmpty();
        assertThat(authentication.getName()).isEqualTo("subject-1");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).claims(c -> c.putAll(claims)).build();
    }
}
