package org.gongkai.support.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.gongkai.edge.security.KeycloakRoles;
import org.gongkai.support.domain.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Actor} of the current request from its validated Keycloak token. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no authenticated token in this request");
        }
        Jwt jwt = token.getToken();
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(KeycloakRoles.PREFIX))
                .map(a -> a.substring(KeycloakRoles.PREFIX.length()))
                .collect(Collectors.toSet());
        String username = jwt.getClaimAsString("preferred_username");
        return new Actor(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                jwt.getClaimAsString("section"), roles);
    }
}
