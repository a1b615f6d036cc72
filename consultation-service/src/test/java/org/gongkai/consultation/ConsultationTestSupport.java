package org.gongkai.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.TestHttp.call;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.PublishedCatalogues;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp;

/** Shared steps of consultation-service tests: a catalogue learned from events, consultations opened, comments sent. */
public final class ConsultationTestSupport {

    public static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    /** When the service's clock starts in integration tests: 10:00 on a working Wednesday in China, far from holidays. */
    public static final String NOW = "2026-06-10T02:00:00Z";

    private ConsultationTestSupport() {
    }

    /** Publishes the catalogue as catalogue-service would, unless this service has its snapshot, and waits for it. */
    public static void learnCatalogue(TestEvents events, CatalogueSnapshots snapshots) {
        if (snapshots.item(PublishedCatalogues.ITEM).isEmpty()) {
            PublishedCatalogues.teach(events, () -> snapshots.item(PublishedCatalogues.ITEM).isPresent());
        }
    }

    /** The service's today in integration tests ({@link ConsultationIntegrationTest}). */
    public static LocalDate todayInChina() {
        return LocalDate.ofInstant(Instant.parse(NOW), CHINA);
    }

    /** A consultation draft whose 30-day period starts today. */
    public static Map<String, Object> draft(boolean commentsPublic) {
        LocalDate today = todayInChina();
        Map<String, Object> draft = new HashMap<>(Map.of(
                "title", "泽州县安全生产举报奖励办法（征求意见稿）",
                "draftText", "第一条 为鼓励社会公众举报安全生产重大事故隐患和违法行为，制定本办法。",
                "decisionBasis", "《中华人民共和国安全生产法》第七十四条、第七十六条",
                "explanation", "现行奖励标准偏低，举报积极性不高，拟提高奖励标准并简化兑付流程。",
                "catalogueItemCode", "WS-03",
                "channels", List.of("WEBSITE", "HEARING"),
                "periodStart", today.toString(),
                "periodEnd", today.plusDays(29).toString(),
                "commentsPublic", commentsPublic));
        return draft;
    }

    /** Drafts and opens a consultation as {@code user}; returns its id. */
    public static String openConsultation(int port, String user, boolean commentsPublic) {
        TestHttp.Response created = call(port, user, "POST", "/api/consultations", draft(commentsPublic));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        TestHttp.Response opened = call(port, user, "POST", "/api/consultations/" + id + "/opening", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return id;
    }

    /** An anonymous comment through the public route, from the client the gateway would name in X-Forwarded-For. */
    public static TestHttp.Response comment(int port, String consultationId, Map<String, Object> body, String client, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        if (client != null) {
            headers.put("X-Forwarded-For", client);
        }
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return call(port, null, "POST", "/api/public/consultations/" + consultationId + "/comments", body, headers);
    }

    public static TestHttp.Response comment(int port, String consultationId, String content) {
        return comment(port, consultationId, Map.of("content", content), null, null);
    }
}
