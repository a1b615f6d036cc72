package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.comment;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;

import java.util.Map;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Duplicate detection tells citizens apart by the address the gateway forwards, and believes X-Forwarded-For only
 * from a trusted proxy (loopback by default, where the gateway and the portal run). The tests call over loopback.
 */
class ForwardedClientIntegrationTest {

    private static final Map<String, Object> SAME_TEXT = Map.of("content", "建议在汛期前完成全部避险转移路线的标识。");

    /** A suite context of its own per nested class (the two differ in which proxies they trust). */
    abstract class RunningService {

        @LocalServerPort
        int port;
        @Autowired
        TestEvents events;
        @Autowired
        CatalogueSnapshots snapshots;

        @BeforeEach
        void catalogueIsKnown() {
            ConsultationTestSupport.learnCatalogue(events, snapshots);
        }
    }

    @Nested
    @ConsultationIntegrationTest
    class FromTheTrustedGateway extends RunningService {

        @Test
        void twoCitizensSendingTheSameTextEachGetTheirOwnReceipt() {
            String id = openConsultation(port, "safety1", false);
            Response first = comment(port, id, SAME_TEXT, "198.51.100.7", null);
            Response second = comment(port, id, SAME_TEXT, "198.51.100.8", null);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            assertThat(second.json().get("receipt").asString()).isNotEqualTo(first.json().get("receipt").asString());

            Response againWithAForgedFirstHop = comment(port, id, SAME_TEXT, "203.0.113.99, 198.51.100.7", null);
            assertThat(againWithAForgedFirstHop.status()).as("the hop the gateway appended is the client").isEqualTo(200);
            assertThat(againWithAForgedFirstHop.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
        }
    }

    @Nested
    @ConsultationIntegrationTest
    @TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192.0.2.254/32")
    class FromAnUntrustedAddress extends RunningService {

        @Test
        void aForgedForwardedForIsIgnoredSoTheSenderIsOneClient() {
            String id = openConsultation(port, "safety1", false);
            Response first = comment(port, id, SAME_TEXT, "198.51.100.7", null);
            Response forged = comment(port, id, SAME_TEXT, "198.51.100.8", null);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(forged.status()).as("a client naming itself someone else is still itself").isEqualTo(200);
            assertThat(forged.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
        }
    }
}
