package org.gongkai.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services answer, under the same keys the gateway routes by ({@code gongkai.routes.*}). The portal calls
 * them directly on the internal network: through the gateway every citizen would share the portal's address and so
 * one rate-limit bucket and one duplicate-comment fingerprint. The portal passes on the X-Forwarded-For the gateway
 * gave it, so the services still see the citizen's address.
 */
@ConfigurationProperties("gongkai.routes")
public record ServiceRoutes(String catalogue, String publication, String consultation, String reporting) {
}
