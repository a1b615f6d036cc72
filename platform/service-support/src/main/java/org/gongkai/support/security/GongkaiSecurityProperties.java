package org.gongkai.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation settings. The issuer is what tokens say in {@code iss} (the address users reach
 * Keycloak at); the JWK set URI is where this service fetches keys (may be an internal address).
 */
@ConfigurationProperties("gongkai.security")
public record GongkaiSecurityProperties(String issuer, String jwkSetUri, String audience) {

    public GongkaiSecurityProperties {
        if (audience == null || audience.isBlank()) {
            audience = "gongkai";
        }
    }
}
