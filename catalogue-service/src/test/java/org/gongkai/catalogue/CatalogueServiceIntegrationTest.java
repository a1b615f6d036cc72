package org.gongkai.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gongkai.catalogue.seed.StandardCatalogueSeeder;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.CatalogueVersionRepository;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/** The whole service against the real broker and a MongoDB wire server. */
@ServiceIntegrationTest
class CatalogueServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogueVersionRepository versions;

    @Autowired
    TestEvents events;

    @Autowired
    StandardCatalogueSeeder seeder;

    @Autowired
    ApplicationContext context;

    @Test
    void seedsBothCataloguesWithTheirOfficialCounts() {
        Map<?, ?> workSafety = TestHttp.client(port).get().uri("/api/public/catalogues/work-safety").retrieve().body(Map.class);
        List<?> wsItems = (List<?>) workSafety.get("items");
        assertThat(wsItems).hasSize(28);
        assertThat((List<Object>) wsItems.stream().map(i -> (Object) ((Map<?, ?>) i).get("level1")).distinct().toList())
                .containsExactly("政策文件", "依法行政", "行政管理", "公共服务", "重点领域信息公开");
        Map<?, ?> relief = TestHttp.client(port).get().uri("/api/public/catalogues/disaster-relief").retrieve().body(Map.class);
        List<?> drItems = (List<?>) relief.get("items");
        assertThat(drItems).hasSize(20);
        assertThat((List<Object>) drItems.stream().map(i -> (Object) ((Map<?, ?>) i).get("level1")).distinct().toList())
                .containsExactly("政策文件", "备灾管理", "灾后救助", "款物管理", "工作动态");
        assertThat(((Map<?, ?>) wsItems.get(0)).get("provenance")).isEqualTo("verified");
        assertThat(((Map<?, ?>) wsItems.get(27)).get("provenance")).isEqualTo("reconstructed");
    }

    @Test
    void seedingAgainDuplicatesNothing() throws Exception {
        long before = versions.count();
        seeder.run(null);
        seeder.run(null);
        assertThat(versions.count()).isEqualTo(before);
        assertThat(versions.findById("work-safety:1")).get().extracting(CatalogueVersion::version).isEqualTo(1);
        assertThat(versions.findById("work-safety:1").orElseThrow().items()).hasSize(28);
    }

    @Test
    void publishingTheSeedEmitsTheCompleteItemListAsACloudEvent() {
        TestEvents.Received received = events.awaitType("gongkai.catalogue.version-published.v1",
                r -> r.data().contains("\"catalogue\":\"work-safety\""));
        assertThat(received.headers()).containsEntry("cloudEvents:specversion", "1.0")
                .containsEntry("cloudEvents:source", "/gongkai/catalogue-service")
                .containsKey("cloudEvents:id").containsEntry("cloudEvents:subject", "work-safety/v1");
        assertThat(received.json().get("items").size()).isEqualTo(28);
        TestEvents.assertMatchesFixture(received);
        // the relay removes the entry once the broker confirmed it, which may be a moment after the event arrived
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(versions.findById("work-safety:1").orElseThrow().changes().outbox()).isEmpty());
    }

    @Test
    void theOfficeSeesWhichSeededRowsToConfirmFirst() {
        List<?> rows = (List<?>) TestHttp.client(port).get().uri("/api/catalogues/disaster-relief/rows-to-confirm?size=100")
                .header("Authorization", "Bearer " + TestTokens.forUser("office")).retrieve().body(Map.class).get("items");
        assertThat(rows).isNotEmpty();
        List<Object> provenance = rows.stream().map(r -> (Object) ((Map<?, ?>) r).get("provenance")).toList();
        assertThat(provenance).doesNotContain("verified");
        assertThat(provenance.get(0)).isEqualTo("reconstructed");
        assertThat(provenance.get(provenance.size() - 1)).isEqualTo("partial");
        assertThat(TestHttp.get(port, "relief1", "/api/catalogues/disaster-relief/rows-to-confirm").status()).isEqualTo(403);
    }

    @Test
    void keywordSearchFindsChineseText() {
        List<?> hits = (List<?>) TestHttp.client(port).get().uri("/api/public/catalogues/work-safety/items?q=事故调查").retrieve().body(Map.class).get("items");
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.toString()).contains("事故调查"));
    }

    @Test
    void unknownCatalogueIsAProblem() {
        TestHttp.Response response = TestHttp.get(port, null, "/api/public/catalogues/fishing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("urn:gongkai:problem:catalogue-not-found");
    }

    @Test
    void problemDetailsAreChineseByDefaultAndEnglishWhenAskedFor() {
        String chinese = problem("/api/public/catalogues/fishing", null);
        assertThat(chinese).contains("urn:gongkai:problem:catalogue-not-found", "未找到", "没有名为“fishing”的目录")
                .doesNotContain("No catalogue");
        String english = problem("/api/public/catalogues/fishing", "en-US,en;q=0.9");
        assertThat(english).contains("urn:gongkai:problem:catalogue-not-found", "Not Found", "No such catalogue")
                .doesNotContain("没有名为");
        assertThat(problem("/api/public/catalogues/work-safety/items/WS-999", null))
                .contains("urn:gongkai:problem:item-not-found", "中没有事项 WS-999");
    }

    @Test
    void versionViewCarriesTheChineseLabelOfItsStatus() {
        assertThat(problem("/api/public/catalogues/work-safety", null)).contains("\"status\":\"PUBLISHED\"", "\"statusLabel\":\"已发布\"");
        Map<?, ?> item = TestHttp.client(port).get().uri("/api/public/catalogues/work-safety/items/WS-01").retrieve().body(Map.class);
        assertThat((List<?>) item.get("channelLabels")).hasSameSizeAs((List<?>) item.get("channels")).isNotEmpty()
                .allSatisfy(label -> assertThat(label.toString()).doesNotContain("-"));
        assertThat((List<?>) item.get("methodLabels")).isNotEmpty().allSatisfy(label -> assertThat(label.toString()).isIn("主动", "依申请"));
        assertThat((List<?>) item.get("levelLabels")).isNotEmpty().allSatisfy(label -> assertThat(label.toString()).isIn("县级", "乡级"));
    }

    /** The catalogue's producer keeps no copy of it: the snapshot module is a dependency of its consumers only. */
    @Test
    void keepsNoCatalogueSnapshotsOfItsOwn() {
        assertThat(ClassUtils.isPresent("org.gongkai.support.catalogue.CatalogueSnapshots", getClass().getClassLoader())).isFalse();
        assertThat(context.containsBean("catalogueSnapshots")).isFalse();
    }

    private String problem(String path, String acceptLanguage) {
        return TestHttp.call(port, null, "GET", path, null, acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage))
                .body();
    }
}
