package org.gongkai.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.TestHttp.call;
import static org.gongkai.testsupport.TestHttp.download;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Progress reports over HTTP: late submission, access by section, overdue list, reminder events. */
@ServiceIntegrationTest
class SectionReportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    ReportService reports;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aReportSubmittedAfterItsDueDateIsLateAndAnotherSectionCannotReadIt() {
        String base = "/api/reporting/sections/safety-coordination/reports/2021-H1";
        assertThat(call(port, "relief1", "POST", base, null).status()).isEqualTo(403);
        assertThat(call(port, "safety1", "POST", base, null).status()).isEqualTo(201);
        assertThat(call(port, "safety1", "POST", base + "/submission", null).body()).contains("narrative-required", "报送前请填写已开展的工作情况。");
        assertThat(call(port, "safety1", "POST", base + "/submission", null, Map.of("Accept-Language", "en-GB,en;q=0.8")).body())
                .contains("narrative-required", "Describe the work done before submitting.").doesNotContain("报送前");
        call(port, "safety1", "PUT", base + "/narrative", Map.of("workDone", "完成2021年上半年工作", "problems", "无", "nextSteps", "继续"));
        Response submitted = call(port, "safety1", "POST", base + "/submission", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("submittedLate").asBoolean()).isTrue();
        assertThat(call(port, "relief1", "GET", base, null).status()).isEqualTo(404);
        assertThat(call(port, "leader", "GET", base, null).status()).isEqualTo(200);
        assertThat(call(port, "safety1", "POST", base + "/acceptance", null).status()).isEqualTo(403);
        JsonNode accepted = call(port, "office", "POST", base + "/acceptance", null).json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("statusLabel").asString()).isEqualTo("已审核通过");
        assertThat(accepted.get("sectionLabel").asString()).isEqualTo("安全生产综合协调股");
        byte[] csv = download(port, "leader", base + "/export?format=csv");
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("指标,代码,数值", "状态,status,ACCEPTED", "是否逾期报送,submittedLate,是", "workDone,完成2021年上半年工作");
        assertThat(call(port, "relief1", "GET", base + "/export?format=csv", null).status()).isEqualTo(404);
        TestEvents.Received event = events.awaitType("gongkai.reporting.report-submitted.v1", r -> r.data().contains("2021-H1"));
        TestEvents.assertMatchesFixture(event);

        JsonNode overdue = call(port, "office", "GET", "/api/reporting/reports/overdue?period=2021-H1", null).json().get("items");
        assertThat(overdue.toString()).contains("disaster-relief").doesNotContain("safety-coordination");
        assertThat(overdue.get(0).get("statusLabel").asString()).isIn("未开始", "草稿", "已退回");
        assertThat(overdue.get(0).get("sectionLabel").asString()).isEqualTo("救灾和物资保障股");
    }

    @Test
    void remindersGoOutOncePerLeadTimeForReportsNotYetSubmitted() {
        // a week before 10 July 2026: the 14- and 7-day reminders are due for both sections, the 1-day one is not
        java.time.LocalDate weekBefore = java.time.LocalDate.of(2026, 7, 3);
        assertThat(reports.sendReminders(weekBefore)).isEqualTo(4);
        assertThat(reports.sendReminders(weekBefore)).isZero();
        assertThat(reports.sendReminders(java.time.LocalDate.of(2026, 7, 9))).isEqualTo(2);
        TestEvents.Received reminder = events.awaitType("gongkai.reporting.report-reminder-due.v1",
                r -> r.data().contains("\"daysLeft\":7") && r.data().contains("disaster-relief"));
        TestEvents.assertMatchesFixture(reminder);
    }
}
