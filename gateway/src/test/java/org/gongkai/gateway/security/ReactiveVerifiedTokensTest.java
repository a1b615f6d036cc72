package org.gongkai.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/** The gateway checks a token's signature once; expiry is checked on every request. */
class ReactiveVerifiedTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final Map<String, Jwt> signedByKeycloak = Map.of(
            "valid", jwt("valid", Instant.now().plusSeconds(300)),
            "expired", jwt("expired", Instant.now().minusSeconds(120)));
    private final ReactiveJwtDecoder signatureChecking = token -> Mono.defer(() -> {
        signatureChecks.incrementAndGet();
        Jwt jwt = signedByKeycloak.get(token);
        return jwt == null ? Mono.error(new BadJwtException("signature does not verify")) : Mono.just(jwt);
    });
    private final ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(signatureChecking, new JwtTimestampValidator());

    @Test
    void theSameTokenIsVerifiedOnceAndAForgedOneEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.decode("valid").block(WAIT).getSubject()).isEqualTo("subject-of-valid");
        }
        assertThat(signatureChecks).hasValue(1);
        assertThatThrownBy(() -> tokens.decode("forged").block(WAIT)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block(WAIT)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(3);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithAKnownSignature() {
        assertThatThrownBy(() -> tokens.decode("expired").block(WAIT)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("expired").block(WAIT)).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).hasValue(1);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("subject-of-" + token).audience(List.of("gongkai"))
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }
}
