package org.gongkai.support.security;

import java.time.Duration;
import java.util.Collection;

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
 * an RSA signature check costs more than the rest of a small read (JFR: 30 % of publication-service's samples under
 * the benchmark's staff reads); a token whose exact text was verified before is taken from a small cache instead. The
 * validators (expiry, not-before, issuer, audience) still run on every request, so a cached token is refused the
 * moment it expires.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Bounds the memory (a Keycloak token and its claims: a few kilobytes) and how long a key rotation takes to bite. */
    static final int MAXIMUM_TOKENS = 2_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private final JwtDecoder signatureChecking;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAXIMUM_TOKENS).expireAfterWrite(KEPT_FOR).build();

    /** @param signatureChecking a decoder that checks the signature only; {@code validator} is applied here */
    public VerifiedTokens(JwtDecoder signatureChecking, OAuth2TokenValidator<Jwt> validator) {
        this.signatureChecking = signatureChecking;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token, signatureChecking::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + errors.iterator().next().getDescription(), errors);
        }
        return jwt;
    }
}
