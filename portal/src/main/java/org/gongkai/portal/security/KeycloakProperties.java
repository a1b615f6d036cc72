package org.gongkai.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The same keys the services read: {@code issuer} is where browsers reach Keycloak (and the issuer in every token),
 * {@code jwkSetUri} where the server fetches keys — its realm base is also used for the token endpoint, so it may be an
 * internal address. {@code portalClientId} is the realm's public client for the authorization-code flow with PKCE.
 */
@ConfigurationProperties("gongkai.security")
public record KeycloakProperties(String issuer, String jwkSetUri, String portalClientId) {

    public KeycloakProperties {
        portalClientId = portalClientId == null || portalClientId.isBlank() ? "gongkai-portal" : portalClientId;
    }

    /** The realm's base for server-to-server calls (token, keys). */
    String backchannelRealm() {
        String suffix = "/protocol/openid-connect/certs";
        return jwkSetUri != null && jwkSetUri.endsWith(suffix) ? jwkSetUri.substring(0, jwkSetUri.length() - suffix.length()) : issuer;
    }

    /** scheme://host:port of the issuer, for the Content-Security-Policy's form-action (logout redirects there). */
    String issuerOrigin() {
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
