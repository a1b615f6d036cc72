package org.gongkai.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.comment;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;
import static org.gongkai.testsupport.TestHttp.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.PaginationContract;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every list route of consultation-service keeps the pagination contract ({@link PaginationContract}). The
 * consultations all start today, so their pages tie on the first key ({@link ListOrdersTest} checks the tie-breaker).
 */
@ConsultationIntegrationTest
class PaginationIntegrationTest {

    private static String consultation;

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    @BeforeEach
    void seed() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
        if (consultation != null) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            openConsultation(port, "safety1", true);
        }
        String id = openConsultation(port, "safety1", true);
        for (int i = 0; i < 7; i++) {
            assertThat(comment(port, id, Map.of("content", "分页测试意见第" + i + "条：建议细化第" + (i + 3) + "条。"),
                    "198.51.100." + (20 + i), null).status()).isEqualTo(201);
        }
        List<String> ids = new ArrayList<>();
        call(port, "safety1", "GET", "/api/consultations/" + id + "/comments?size=100", null).json().get("items")
                .forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).hasSize(7);
        for (int i = 0; i < 3; i++) {
            TestHttp.Response opinion = call(port, "safety1", "POST", "/api/consultations/" + id + "/opinions",
                    Map.of("summary", "分页测试意见 " + i, "commentIds", ids.subList(2 * i, 2 * i + 2)));
            assertThat(opinion.status()).as(opinion.body()).isEqualTo(201);
        }
        consultation = id;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "safety1, /api/consultations,                           id,        100, 5",
            "office,  /api/consultations,                           id,        100, 5",
            "-,       /api/public/consultations,                    id,        100, 5",
            "safety1, /api/consultations/{id}/comments,             id,        100, 7",
            "-,       /api/public/consultations/{id}/comments,      id,        200, 7",
            "safety1, /api/consultations/{id}/opinions,             id,        100, 3",
            "office,  /api/consultations/catalogue-snapshots,       catalogue, 100, 1"})
    void listRouteKeepsThePaginationContract(String user, String path, String idField, int maxSize, int atLeast) {
        List<String> ids = PaginationContract.check(TestHttp.pages(port, user), path.replace("{id}", consultation), idField, maxSize, atLeast);
        assertThat(ids).doesNotContainNull();
    }
}
