package org.gongkai.edge.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What every Gongkai resource server checks besides the signature: expiry and not-before, issuer, audience. */
public final class TokenValidators {

    private TokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("gongkai.security.issuer is not set: tokens cannot be validated");
        }
        OAuth2TokenValidator<Jwt> forUs = new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), forUs);
    }
}
