package org.gongkai.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.OpenApiDocuments;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document a clerk reads in the gateway's Swagger UI: Chinese, the gateway as server, "Authorize" via Keycloak. */
@ServiceIntegrationTest
class CatalogueOpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void documentIsChineseNamesTheGatewayAndDeclaresKeycloakSignIn() {
        JsonNode doc = OpenApiDocuments.fetch(port);

        assertThat(doc.path("info").path("title").asString()).isEqualTo("政务公开目录服务");
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("http://localhost:8080");

        JsonNode current = OpenApiDocuments.operation(doc, "get", "/api/public/catalogues");
        assertThat(current.path("summary").asString()).isEqualTo("查看各目录的现行版本");
        assertThat(current.path("tags").get(0).asString()).isEqualTo("公开目录查询");
        assertThat(current.path("security").isArray()).as("public: security present and empty").isTrue();
        assertThat(current.path("security").isEmpty()).isTrue();

        JsonNode decide = OpenApiDocuments.operation(doc, "post", "/api/catalogues/proposals/{id}/decision");
        assertThat(decide.path("summary").asString()).isEqualTo("审定修订建议");
        assertThat(decide.path("security").isMissingNode()).as("staff: the global oauth2 requirement applies").isTrue();
        assertThat(doc.path("security").get(0).has("oauth2")).isTrue();

        OpenApiDocuments.assertChineseGatewayAndOAuth2(doc);
    }
}
