package org.gongkai.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's access token, from the session-held authorized client; refreshed with the refresh token
 * when it has expired. It never leaves the server.
 */
@Component
public class AccessTokens {

    private final OAuth2AuthorizedClientManager manager;

    AccessTokens(OAuth2AuthorizedClientManager manager) {
        this.manager = manager;
    }

    String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken oauth)) {
            throw new ApiProblem(401, "unauthenticated", "No signed-in user.", null);
        }
        OAuth2AuthorizeRequest.Builder request = OAuth2AuthorizeRequest
                .withClientRegistrationId(oauth.getAuthorizedClientRegistrationId()).principal(authentication);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            request.attribute(HttpServletRequest.class.getName(), attributes.getRequest());
            if (attributes.getResponse() != null) {
                request.attribute(HttpServletResponse.class.getName(), attributes.getResponse());
            }
        }
        OAuth2AuthorizedClient client = manager.authorize(request.build());
        if (client == null) {
            throw new ApiProblem(401, "unauthenticated", "The session has no token any more.", null);
        }
        return client.getAccessToken().getTokenValue();
    }
}
