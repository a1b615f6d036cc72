package org.gongkai.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gongkai.support.security.GongkaiSecurityProperties;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

class GongkaiOpenApiTest {

    private static OpenAPI customised(OpenApiProperties properties, String issuer) {
        OpenAPI openApi = new OpenAPI().info(new Info().title("OpenAPI definition").version("v0"))
                .servers(List.of(new Server().url("http://10.0.0.7:8081")))
                .paths(new Paths()
                        .addPathItem("/api/public/documents", new PathItem().get(new Operation()))
                        .addPathItem("/api/documents/{id}", new PathItem().get(new Operation()).put(new Operation())));
        new GongkaiOpenApi(properties, new GongkaiSecurityProperties(issuer, null, null)).customise(openApi);
        return openApi;
    }

    @Test
    void chineseInfoTheGatewayAsOnlyServerAndKeycloakAuthorizationCode() {
        OpenAPI openApi = customised(new OpenApiProperties("政策文件发布服务", "政策文件的起草、审查和公开", "https://gongkai.example.gov.cn/"),
                "https://id.example.gov.cn/realms/gongkai/");

        assertThat(openApi.getInfo().getTitle()).isEqualTo("政策文件发布服务");
        assertThat(openApi.getInfo().getDescription()).isEqualTo("政策文件的起草、审查和公开");
        assertThat(openApi.getInfo().getVersion()).isEqualTo("v0");
        assertThat(openApi.getServers()).extracting(Server::getUrl).containsExactly("https://gongkai.example.gov.cn");

        SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get(GongkaiOpenApi.SCHEME);
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
        assertThat(flow.getAuthorizationUrl()).isEqualTo("https://id.example.gov.cn/realms/gongkai/protocol/openid-connect/auth");
        assertThat(flow.getTokenUrl()).isEqualTo("https://id.example.gov.cn/realms/gongkai/protocol/openid-connect/token");
        assertThat(flow.getScopes()).containsKey("openid");
        assertThat(openApi.getSecurity()).hasSize(1);
        assertThat(openApi.getSecurity().get(0)).containsKey(GongkaiOpenApi.SCHEME);
    }

    @Test
    void publicOperationsNeedNoTokenAndStaffOperationsKeepTheGlobalRequirement() {
        OpenAPI openApi = customised(new OpenApiProperties("服务", null, null), "http://localhost:8180/realms/gongkai");

        assertThat(openApi.getPaths().get("/api/public/documents").getGet().getSecurity()).isNotNull().isEmpty();
        assertThat(openApi.getPaths().get("/api/documents/{id}").readOperations())
                .allSatisfy(operation -> assertThat(operation.getSecurity()).isNull());
        assertThat(openApi.getServers()).extracting(Server::getUrl).containsExactly(OpenApiProperties.DEFAULT_GATEWAY_URL);
        assertThat(openApi.getInfo().getDescription()).as("no description configured: left as it was").isNull();
    }
}
