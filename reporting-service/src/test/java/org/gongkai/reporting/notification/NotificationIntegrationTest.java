package org.gongkai.reporting.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.gongkai.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reminders reach people: an overdue publication lands in the section's inbox and in a real SMTP server, once. */
@ServiceIntegrationTest
class NotificationIntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("gongkai.notifications.mail-enabled", () -> "true");
        registry.add("gongkai.notifications.section-mail.safety-coordination[0]", () -> "anquan@county.example");
        registry.add("gongkai.notifications.office-mail[0]", () -> "gongkaiban@county.example");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode inbox(String user) {
        return TestHttp.get(port, user, "/api/reporting/notifications?size=100").json();
    }

    /** Distinct mails (by Message-ID) addressed to {@code address}: GreenMail keeps one copy per recipient mailbox. */
    private static long mailsTo(String address, String subjectPart) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            boolean to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            if (to && m.getSubject().contains(subjectPart)) {
                ids.add(m.getMessageID());
            }
        }
        return ids.size();
    }

    private static String received() throws Exception {
        StringBuilder all = new StringBuilder();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            all.append(Arrays.toString(m.getAllRecipients())).append(' ').append(m.getSubject()).append('\n');
        }
        return all.toString();
    }

    @Test
    void anOverduePublicationLandsInTheSectionsInboxAndIsMailedExactlyOnceEvenWhenTheEventComesTwice() throws Exception {
        String number = "县应急〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        String eventId = UUID.randomUUID().toString();
        DocumentPublicationOverdue overdue = new DocumentPublicationOverdue(UUID.randomUUID().toString(), number, "safety-coordination",
                LocalDate.of(2026, 10, 9), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), Instant.now());
        events.send("publication", overdue, eventId);
        events.send("publication", overdue, eventId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox("safety1").toString()).contains(number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo("anquan@county.example", number))
                .as("received: %s", received()).isGreaterThanOrEqualTo(1));
        // both deliveries are handled before a third, distinct event is; then count
        String marker = "县应急〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        events.send("publication", new DocumentPublicationOverdue(UUID.randomUUID().toString(), marker, "safety-coordination",
                LocalDate.of(2026, 10, 9), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("anquan@county.example", marker) == 1);

        JsonNode mine = inbox("safety1");
        long copies = 0;
        for (JsonNode n : mine.get("items")) {
            if (n.get("title").asString().contains(number)) {
                copies++;
                assertThat(n.get("kindLabel").asString()).isEqualTo("文件公开逾期");
                assertThat(n.get("message").asString()).contains("2026-11-06");
            }
        }
        assertThat(copies).isEqualTo(1);
        assertThat(mailsTo("anquan@county.example", number)).isEqualTo(1);
        assertThat(mailsTo("gongkaiban@county.example", number)).isEqualTo(1);
        assertThat(inbox("office").toString()).contains(number);
        assertThat(inbox("relief1").toString()).doesNotContain(number);
    }

    @Test
    void aMissingHolidayNoticeReachesTheOfficeOnly() throws Exception {
        int year = 2100 + new java.util.Random().nextInt(800);
        events.send("publication", new org.gongkai.contracts.publication.CalendarNoticeMissing(year, "next-year-calendar-missing",
                "尚未录入" + year + "年的放假安排通知。", LocalDate.of(2026, 11, 1), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox("office").toString())
                .contains(year + "年放假安排通知尚未录入", "放假安排未录入"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("gongkaiban@county.example", year + "年放假安排") == 1);
        assertThat(inbox("safety1").toString()).doesNotContain(year + "年放假安排");
    }
}
