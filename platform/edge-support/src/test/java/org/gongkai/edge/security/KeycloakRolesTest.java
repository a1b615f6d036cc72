package org.gongkai.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRolesTest {

    @Test
    void realmRolesBecomeRoleAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("section-staff", "leader"))));

        assertThat(new KeycloakRoles().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_section-staff", "ROLE_leader");
    }

    @Test
    void aTokenWithoutRealmRolesHasNone() {
        assertThat(new KeycloakRoles().convert(jwt(Map.of("scope", "openid")))).isEmpty();
        assertThat(KeycloakRoles.of(Map.of("realm_access", "not a map"))).isEmpty();
        assertThat(KeycloakRoles.of(Map.of("realm_access", Map.of("roles", "leader")))).as("roles not a list").isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
