package org.gongkai.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.testsupport.PaginationContract;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every list route of reporting-service keeps the pagination contract ({@link PaginationContract}). The first half of
 * 2021 is long past and nobody reported for it, so every section is overdue.
 */
@ServiceIntegrationTest
class PaginationIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "office, /api/reporting/reports/overdue?period=2020-H2, section, 100, 2",
            "office, /api/reporting/notifications,                  id,      100, 0",
            "office, /api/reporting/annual-reports,                 year,    100, 0",
            "-,      /api/public/annual-reports,                    year,    100, 0"})
    void listRouteKeepsThePaginationContract(String user, String path, String idField, int maxSize, int atLeast) {
        assertThat(PaginationContract.check(TestHttp.pages(port, user), path, idField, maxSize, atLeast)).doesNotContainNull();
    }
}
