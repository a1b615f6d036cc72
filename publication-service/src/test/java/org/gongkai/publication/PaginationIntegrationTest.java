package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.PaginationContract;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every list route of publication-service keeps the pagination contract ({@link PaginationContract}): pages in a
 * stable order without overlap, the right total, an empty page beyond the end, and a 400 above the maximum size.
 * Documents are published on the same day and concerns first seen at the same instant, so their pages tie on the first
 * key (the embedded wire server breaks ties stably; {@link ListOrdersTest} checks the orders end with a unique key).
 */
@ServiceIntegrationTest
class PaginationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant SEEN = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    @BeforeEach
    void seed() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
        if (seeded) {
            return;
        }
        for (int i = 0; i < 7; i++) {
            String id = create("县应急〔2023〕" + i + "号·" + UUID.randomUUID().toString().substring(0, 8));
            call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
            call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
            assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2024-03-04")).status())
                    .isEqualTo(200);
            if (i < 4) {
                assertThat(call(port, "office", "POST", "/api/documents/" + id + "/publication", Map.of("publishedOn", "2024-03-06"))
                        .status()).isEqualTo(200);
            }
        }
        for (int i = 0; i < 7; i++) {
            assertThat(call(port, "relief1", "POST", "/api/concerns", Map.of("source", "微博", "firstSeenAt", SEEN.toString(),
                    "summary", "分页测试关切 " + i, "severity", "LOW", "section", "disaster-relief")).status()).isEqualTo(201);
        }
        seeded = true;
    }

    private String create(String number) {
        TestHttp.Response created = call(port, "safety1", "POST", "/api/documents", draft(number, "PROACTIVE", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "safety1, /api/documents,                        id, 100, 7",
            "office,  /api/documents,                        id, 100, 7",
            "office,  /api/documents/deadline-board,         id, 100, 3",
            "-,       /api/public/documents,                 id, 100, 4",
            "-,       /api/public/documents?q=危险化学品,     id, 100, 4",
            "-,       /api/public/interpretations,           documentId, 100, 0",
            "relief1, /api/concerns,                         id, 100, 7",
            "office,  /api/concerns,                         id, 100, 7",
            "-,       /api/public/concern-responses,         id, 100, 0",
            "office,  /api/calendar/notices,                 year, 100, 0",
            "office,  /api/applications,                     id, 100, 0",
            "office,  /api/applications/deadline-board,      id, 100, 0"})
    void listRouteKeepsThePaginationContract(String user, String path, String idField, int maxSize, int atLeast) {
        List<String> ids = PaginationContract.check(TestHttp.pages(port, user), path, idField, maxSize, atLeast);
        assertThat(ids).doesNotContainNull();
    }
}
