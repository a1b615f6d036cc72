package org.gongkai.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.OpenApiDocuments;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document a clerk reads in the gateway's Swagger UI: Chinese, the gateway as server, "Authorize" via Keycloak. */
@ServiceIntegrationTest
class ReportingOpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void documentIsChineseNamesTheGatewayAndDeclaresKeycloakSignIn() {
        JsonNode doc = OpenApiDocuments.fetch(port);

        assertThat(doc.path("info").path("title").asString()).isEqualTo("统计报告服务");
        assertThat(OpenApiDocuments.operation(doc, "get", "/api/reporting/leadership/report").path("summary").asString()).isEqualTo("查看领导工作报告");
        assertThat(OpenApiDocuments.operation(doc, "get", "/api/reporting/leadership/report").path("security").isMissingNode())
                .as("staff operation: the global oauth2 requirement applies").isTrue();
        // its only public routes are the published annual reports, which need no token
        assertThat(doc.path("paths").propertyNames()).filteredOn(path -> path.startsWith("/api/public/"))
                .allMatch(path -> path.startsWith("/api/public/annual-reports"))
                .contains("/api/public/annual-reports/{year}");
        JsonNode publicOperation = OpenApiDocuments.operation(doc, "get", "/api/public/annual-reports/{year}");
        assertThat(publicOperation.path("security").isArray() && publicOperation.path("security").isEmpty())
                .as("public operation needs no token").isTrue();

        OpenApiDocuments.assertChineseGatewayAndOAuth2(doc);
    }
}
