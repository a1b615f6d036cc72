package org.gongkai.support.security;

import java.util.Collection;
import java.util.Set;

import org.gongkai.edge.security.KeycloakRoles;
import org.gongkai.support.domain.Actor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated Keycloak token into an {@link ActorAuthentication}: the realm roles become {@code ROLE_<role>}
 * authorities ({@link KeycloakRoles}) for method security, and the same roles, unprefixed, the {@link Actor}'s.
 */
public final class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final KeycloakRoles keycloakRoles = new KeycloakRoles();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = keycloakRoles.convert(jwt);
        Set<String> roles = Set.copyOf(KeycloakRoles.of(jwt.getClaims()));
        String username = jwt.getClaimAsString("preferred_username");
        Actor actor = new Actor(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                jwt.getClaimAsString("section"), roles);
        return new ActorAuthentication(jwt, actor, authorities);
    }
}
