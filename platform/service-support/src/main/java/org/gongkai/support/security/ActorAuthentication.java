package org.gongkai.support.security;

import java.util.Collection;
import java.util.Map;

import org.gongkai.support.domain.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A validated Keycloak token whose principal is the {@link Actor}, so controllers take it as
 * {@code @AuthenticationPrincipal Actor actor} and method security may read {@code principal}.
 */
public final class ActorAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final long serialVersionUID = 1L;

    public ActorAuthentication(Jwt jwt, Actor actor, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, actor, jwt, authorities);
        setAuthenticated(true);
    }

    public Actor actor() {
        return (Actor) getPrincipal();
    }

    /** The user name, as logs and audit knew it before ({@code preferred_username}, else the subject). */
    @Override
    public String getName() {
        return actor().username();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
