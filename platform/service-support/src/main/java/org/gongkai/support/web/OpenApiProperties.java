package org.gongkai.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself: its Chinese title and description (set in each service's
 * {@code application.yml}) and the gateway's public address, the only server clients ever call.
 */
@ConfigurationProperties("gongkai.openapi")
public record OpenApiProperties(String title, String description, String gatewayUrl) {

    public static final String DEFAULT_GATEWAY_URL = "http://localhost:8080";

    public OpenApiProperties {
        if (gatewayUrl == null || gatewayUrl.isBlank()) {
            gatewayUrl = DEFAULT_GATEWAY_URL;
        }
        gatewayUrl = gatewayUrl.strip().replaceAll("/+$", "");
    }
}
