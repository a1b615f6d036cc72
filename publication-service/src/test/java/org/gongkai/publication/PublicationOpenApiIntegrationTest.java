package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.OpenApiDocuments;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document a clerk reads in the gateway's Swagger UI: Chinese, the gateway as server, "Authorize" via Keycloak. */
@ServiceIntegrationTest
class PublicationOpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void documentIsChineseNamesTheGatewayAndDeclaresKeycloakSignIn() {
        JsonNode doc = OpenApiDocuments.fetch(port);

        assertThat(doc.path("info").path("title").asString()).isEqualTo("政策文件发布服务");
        assertThat(OpenApiDocuments.operation(doc, "post", "/api/documents/{id}/publication").path("summary").asString()).isEqualTo("公开发布");
        assertThat(OpenApiDocuments.operation(doc, "post", "/api/documents/{id}/publication").path("security").isMissingNode())
                .as("staff operation: the global oauth2 requirement applies").isTrue();
        JsonNode publicOperation = OpenApiDocuments.operation(doc, "get", "/api/public/documents");
        assertThat(publicOperation.path("security").isArray() && publicOperation.path("security").isEmpty())
                .as("public operation needs no token").isTrue();

        JsonNode application = OpenApiDocuments.operation(doc, "post", "/api/public/applications");
        assertThat(application.path("summary").asString()).isEqualTo("提交政府信息公开申请");
        assertThat(application.path("description").asString()).as("the form's limits are described").contains("16 KB", "2000 字");
        assertThat(application.path("security").isArray() && application.path("security").isEmpty())
                .as("the online application needs no token").isTrue();
        assertThat(OpenApiDocuments.operation(doc, "post", "/api/applications/{id}/extension").path("security").isMissingNode()).isTrue();

        OpenApiDocuments.assertChineseGatewayAndOAuth2(doc);
    }
}
