package org.gongkai.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document a clerk reads in the gateway's Swagger UI: Chinese, the gateway as server, "Authorize" via Keycloak. */
@ConsultationIntegrationTest
class ConsultationOpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void documentIsChineseNamesTheGatewayAndDeclaresKeycloakSignIn() {
        JsonNode doc = OpenApiDocuments.fetch(port);

        assertThat(doc.path("info").path("title").asString()).isEqualTo("意见征集服务");
        assertThat(OpenApiDocuments.operation(doc, "post", "/api/consultations/{consultationId}/feedback").path("summary").asString()).isEqualTo("公布意见采纳情况反馈");
        assertThat(OpenApiDocuments.operation(doc, "post", "/api/consultations/{consultationId}/feedback").path("security").isMissingNode())
                .as("staff operation: the global oauth2 requirement applies").isTrue();
        JsonNode publicOperation = OpenApiDocuments.operation(doc, "post", "/api/public/consultations/{consultationId}/comments");
        assertThat(publicOperation.path("security").isArray() && publicOperation.path("security").isEmpty())
                .as("public operation needs no token").isTrue();

        OpenApiDocuments.assertChineseGatewayAndOAuth2(doc);
    }
}
