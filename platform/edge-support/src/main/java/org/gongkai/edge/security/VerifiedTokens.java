package org.gongkai.edge.security;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Checks a bearer token's signature once. Staff send the same access token with every request for its lifetime, and
 * an RSA signature check costs more than the rest of a small read (JFR under the benchmark's staff reads: 30 % of
 * publication-service's samples, 12 % of the gateway's); a token whose exact text was verified before is taken from a
 * small cache instead. The validators (expiry, not-before, issuer, audience) still run on every use, so a cached token
 * is refused the moment it expires, and a token whose signature fails is never remembered.
 * <p>
 * The servlet services use {@link #decoder}; the reactive gateway wraps {@link #ifKnown} and {@link #remember} around
 * its asynchronous signature check.
 */
public final class VerifiedTokens {

    /** Bounds the memory (a Keycloak token and its claims: a few kilobytes) and how long a key rotation takes to bite. */
    public static final int MAXIMUM_TOKENS = 2_000;
    public static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> signatureVerified = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_TOKENS).expireAfterWrite(KEPT_FOR).build();

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator) {
        this.validator = validator;
    }

    /** A blocking decoder: {@code signatureChecking} must check the signature only, the validators are applied here. */
    public static JwtDecoder decoder(JwtDecoder signatureChecking, OAuth2TokenValidator<Jwt> validator) {
        VerifiedTokens tokens = new VerifiedTokens(validator);
        return token -> tokens.validated(tokens.signatureVerified.get(token, signatureChecking::decode));
    }

    /** The token's claims, validated now, if its signature was verified before; null if it was not. */
    public Jwt ifKnown(String token) {
        Jwt known = signatureVerified.getIfPresent(token);
        return known == null ? null : validated(known);
    }

    /** Remembers a token whose signature was just verified, and answers it validated. */
    public Jwt remember(String token, Jwt signatureVerifiedJwt) {
        signatureVerified.put(token, signatureVerifiedJwt);
        return validated(signatureVerifiedJwt);
    }

    private Jwt validated(Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + errors.iterator().next().getDescription(), errors);
        }
        return jwt;
    }
}
