package org.gongkai.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; expiry, issuer and audience are checked every time. */
class VerifiedTokensTest {

    private static final String ISSUER = "http://localhost:8180/realms/gongkai";

    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final Map<String, Jwt> signedByKeycloak = Map.of(
            "valid", jwt("valid", Instant.now().plusSeconds(300), "gongkai"),
            "expired", jwt("expired", Instant.now().minusSeconds(120), "gongkai"),
            "other-audience", jwt("other-audience", Instant.now().plusSeconds(300), "another-client"));
    private final JwtDecoder signatureChecking = token -> {
        signatureChecks.incrementAndGet();
        Jwt jwt = signedByKeycloak.get(token);
        if (jwt == null) {
            throw new BadJwtException("signature does not verify");
        }
        return jwt;
    };
    private final JwtDecoder tokens = VerifiedTokens.decoder(signatureChecking, TokenValidators.of(ISSUER, "gongkai"));

    @Test
    void theSameTokenIsVerifiedOnce() {
        assertThat(tokens.decode("valid").getSubject()).isEqualTo("subject-of-valid");
        assertThat(tokens.decode("valid").getSubject()).isEqualTo("subject-of-valid");
        assertThat(tokens.decode("valid").getSubject()).isEqualTo("subject-of-valid");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenWhoseSignatureFailsIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void expiryAndAudienceAreCheckedOnEveryUseEvenWhenTheSignatureIsKnown() {
        assertThatThrownBy(() -> tokens.decode("expired")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode("expired")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("other-audience")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("other-audience")).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).as("signatures checked once each").hasValue(2);
    }

    @Test
    void aTokenKnownToTheCacheIsStillRefusedOnceExpired() {
        VerifiedTokens cache = new VerifiedTokens(TokenValidators.of(ISSUER, "gongkai"));
        assertThat(cache.ifKnown("valid")).as("never seen").isNull();
        assertThat(cache.remember("valid", signedByKeycloak.get("valid")).getSubject()).isEqualTo("subject-of-valid");
        assertThat(cache.ifKnown("valid").getSubject()).isEqualTo("subject-of-valid");
        assertThatThrownBy(() -> cache.remember("expired", signedByKeycloak.get("expired")))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.ifKnown("expired")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theValidatorsNeedAnIssuer() {
        assertThatThrownBy(() -> TokenValidators.of(" ", "gongkai")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gongkai.security.issuer");
    }

    private static Jwt jwt(String token, Instant expiresAt, String audience) {
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer(ISSUER).subject("subject-of-" + token)
                .audience(List.of(audience)).issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }
}
