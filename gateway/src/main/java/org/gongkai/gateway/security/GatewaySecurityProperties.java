package org.gongkai.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Same meaning as in the services: the issuer tokens carry, where keys are fetched, the required audience. */
@ConfigurationProperties("gongkai.security")
public record GatewaySecurityProperties(String issuer, String jwkSetUri, String audience) {

    public GatewaySecurityProperties {
        audience = audience == null || audience.isBlank() ? "gongkai" : audience;
    }
}
