package org.gongkai.catalogue.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gongkai.testsupport.PaginationContract;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

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
            PaginationContract.Answer proposed = call("safety1", HttpMethod.POST, "/api/catalogues/work-safety/proposals",
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
        assertThat(PaginationContract.check(p -> call(user, HttpMethod.GET, p, null), path, idField, maxSize, atLeast))
                .doesNotContainNull();
    }

    private PaginationContract.Answer call(String user, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method).uri(path);
        if (user != null) {
            request.header("Authorization", "Bearer " + TestTokens.forUser(user));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new PaginationContract.Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
