package org.gongkai.catalogue.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.TestHttp.call;

import java.util.List;
import java.util.Map;

import org.gongkai.testsupport.PaginationContract;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every list route of catalogue-service keeps the pagination contract ({@link PaginationContract}). */
@ServiceIntegrationTest
class PaginationIntegrationTest {

    private static boolean seeded;

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        for (int i = 0; i < 5; i++) {
            Map<String, Object> changes = Map.of("level2", "分页测试事项 " + i, "content", "分页测试内容", "basis", List.of("《测试依据》"),
                    "timeLimit", "信息形成或变更之日起20个工作日内", "timeLimitRule", "WORKING_DAYS_AFTER_CHANGE(20)",
                    "channels", List.of("gov-website"));
            TestHttp.Response proposed = call(port, "safety1", "POST", "/api/catalogues/work-safety/proposals",
                    Map.of("section", "safety-coordination", "kind", "ADD_ITEM", "level1", "政策文件", "changes", changes, "reason", "分页测试"));
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        }
        seeded = true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
            "-,       /api/public/catalogues,                                catalogue, 100, 2",
            "-,       /api/public/catalogues/work-safety/items,              code,      100, 28",
            "-,       /api/public/catalogues/work-safety/items?q=安全,        code,      100, 3",
            "-,       /api/public/catalogues/work-safety/versions,           version,   100, 1",
            "safety1, /api/catalogues/proposals,                             id,        100, 5",
            "office,  /api/catalogues/proposals,                             id,        100, 5",
            "office,  /api/catalogues/disaster-relief/rows-to-confirm,       code,      100, 2"})
    void listRouteKeepsThePaginationContract(String user, String path, String idField, int maxSize, int atLeast) {
        assertThat(PaginationContract.check(TestHttp.pages(port, user), path, idField, maxSize, atLeast))
                .doesNotContainNull();
    }
}
