package org.gongkai.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * RS256 tokens shaped like Keycloak's (realm roles, {@code section}, audience {@code gongkai}) signed by a
 * key whose JWKS is served on a local port, so services validate them through their real decoder.
 */
public final class TestTokens {

    public static final String ISSUER = "http://keycloak.test/realms/gongkai";
    private static RSAKey key;
    private static String jwksUri;

    private TestTokens() {
    }

    public static synchronized String jwksUri() {
        if (jwksUri == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                });
                server.start();
                jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test JWKS server", e);
            }
        }
        return jwksUri;
    }

    /** A token for a demo user of the realm ({@link DemoUser}): {@code safety1}, {@code relief1}, {@code office} … */
    public static String forUser(String username) {
        return DemoUser.named(username).token();
    }

    public static String token(String username, String section, String... roles) {
        return sign(username, section, ISSUER, List.of("gongkai", "account"), roles);
    }

    public static String sign(String username, String section, String issuer, List<String> audience, String... roles) {
        jwksUri();
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                    .audience(audience)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(900)))
                    .claim("preferred_username", username)
                    .claim("section", section)
                    .claim("realm_access", Map.of("roles", List.of(roles)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
