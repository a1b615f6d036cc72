package org.gongkai.edge.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak's realm roles ({@code realm_access.roles}) as Spring Security authorities {@code ROLE_<role>}: the
 * converter every resource server (gateway and services) hands to its {@code JwtAuthenticationConverter}, and the
 * claim reading the portal applies to its ID token, so the three read roles the same way.
 */
public final class KeycloakRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String PREFIX = "ROLE_";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return of(jwt.getClaims()).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(PREFIX + role)).toList();
    }

    /** The realm roles in a token's claims; none when the claim is missing or not shaped as Keycloak writes it. */
    public static List<String> of(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
