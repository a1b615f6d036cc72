package org.gongkai.support.web;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.support.security.GongkaiSecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The parts of every service's OpenAPI document that are the same everywhere: a Chinese title and description, the
 * gateway as the one server (services are never called directly), and Keycloak's authorization code flow as the
 * security scheme, required by every operation except the token-free public reads under {@code /api/public/**}.
 * The gateway's Swagger UI uses the scheme for "Authorize" (client {@code gongkai-portal}, with PKCE).
 */
public class GongkaiOpenApi implements OpenApiCustomizer, Ordered {

    /** The name of the security scheme in {@code components.securitySchemes}. */
    public static final String SCHEME = "oauth2";
    static final String PUBLIC_PREFIX = "/api/public/";
    static final String DEFAULT_ISSUER = "http://localhost:8180/realms/gongkai";

    private final OpenApiProperties properties;
    private final GongkaiSecurityProperties security;

    public GongkaiOpenApi(OpenApiProperties properties, GongkaiSecurityProperties security) {
        this.properties = properties;
        this.security = security;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        if (properties.title() != null && !properties.title().isBlank()) {
            info.setTitle(properties.title());
        }
        if (properties.description() != null && !properties.description().isBlank()) {
            info.setDescription(properties.description());
        }
        openApi.setInfo(info);

        openApi.setServers(new ArrayList<>(List.of(new Server().url(properties.gatewayUrl())
                .description("统一网关（各服务只经网关访问）"))));

        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, scheme());
        openApi.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(SCHEME, List.of()))));

        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(PUBLIC_PREFIX)) {
                // an empty list overrides the global requirement: no token needed
                item.readOperations().forEach(operation -> operation.setSecurity(new ArrayList<>()));
            }
        });
    }

    private SecurityScheme scheme() {
        String issuer = security.issuer() == null || security.issuer().isBlank() ? DEFAULT_ISSUER : security.issuer();
        String openidConnect = issuer.strip().replaceAll("/+$", "") + "/protocol/openid-connect";
        OAuthFlow authorizationCode = new OAuthFlow()
                .authorizationUrl(openidConnect + "/auth")
                .tokenUrl(openidConnect + "/token")
                .refreshUrl(openidConnect + "/token")
                .scopes(new Scopes().addString("openid", "以本人身份登录（OpenID Connect）"));
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("统一身份认证（Keycloak，授权码模式加 PKCE）。在 Swagger UI 中点“Authorize”，"
                        + "客户端填 gongkai-portal，用本人的工作账号登录；公开查询（/api/public/**）无需登录。")
                .flows(new OAuthFlows().authorizationCode(authorizationCode));
    }

    /** After springdoc's own customisers, so nothing resets the servers or the requirements set here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
