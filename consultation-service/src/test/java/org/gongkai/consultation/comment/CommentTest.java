package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.junit.jupiter.api.Test;

/** A comment: plain text as given, private name and contact, an unguessable receipt, an event without personal data. */
class CommentTest {

    static final Instant NOW = Instant.parse("2026-03-05T02:14:09Z");
    static final LocalDate START = LocalDate.of(2026, 3, 2);

    static Consultation openConsultation() {
        Consultation consultation = Consultation.draft("c-1", new Consultation.Draft("举报奖励办法（征求意见稿）", "草案全文",
                "安全生产法", "起草说明", "WS-03", List.of(Channel.WEBSITE, Channel.SYMPOSIUM), START, START.plusDays(29), null, true),
                SAFETY1, NOW);
        consultation.open(SAFETY1, START, NOW);
        return consultation;
    }

    static Comment online(String content, String name, String contact) {
        return Comment.receivedOnline("k-1", openConsultation(), new Comment.Submission(content, name, contact), null, "fp", NOW);
    }

    @Test
    void contentIsStoredExactlyAsGivenEvenWhenItLooksLikeHtml() {
        String content = "  <b>建议</b> 提高奖励标准 <script>alert(1)</script>\n";
        Comment comment = online(content, null, null);
        assertThat(comment.content()).isEqualTo(content);
        assertThat(comment.channel()).isEqualTo(Channel.WEBSITE);
        assertThat(comment.section()).isEqualTo("safety-coordination");
    }

    @Test
    void contentIsRequiredAndBounded() {
        assertThatThrownBy(() -> online(" \n ", null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("content-required"));
        assertThatThrownBy(() -> online("意".repeat(Comment.MAX_CONTENT_LENGTH + 1), null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("content-too-long"));
        assertThat(online("意".repeat(Comment.MAX_CONTENT_LENGTH), null, null).content()).hasSize(2000);
        assertThatThrownBy(() -> online("建议", "张".repeat(51), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("name-too-long"));
        assertThatThrownBy(() -> online("建议", null, "12345"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-contact"));
    }

    @Test
    void theReceivedEventCarriesNothingPersonal() {
        Comment comment = online("建议将举报奖励标准提高到罚款金额的百分之二十", "张三", "13800138000");
        assertThat(comment.authorName()).isEqualTo("张三");
        assertThat(comment.contact()).isEqualTo(new Contact(Contact.Kind.MOBILE, "13800138000"));
        assertThat(org.gongkai.testsupport.Announced.entries(comment)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("gongkai.consultation.comment-received.v1");
            assertThat(event.data()).contains("\"consultationId\":\"c-1\"", "\"commentId\":\"k-1\"", "\"channel\":\"WEBSITE\"",
                    "\"section\":\"safety-coordination\"");
            assertThat(event.data()).doesNotContain("张三", "13800138000", "举报奖励标准", "fp");
        });
    }

    @Test
    void receiptsAreLongUrlSafeAndUnguessable() {
        Set<String> receipts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String receipt = ReceiptCodes.next();
            assertThat(receipt).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(ReceiptCodes.looksValid(receipt)).isTrue();
            receipts.add(receipt);
        }
        assertThat(receipts).hasSize(1000);
        assertThat(ReceiptCodes.looksValid("../../etc/passwd")).isFalse();
        assertThat(online("一", null, null).receipt()).isNotEqualTo(online("一", null, null).receipt());
    }

    @Test
    void anIdempotencyKeyScopesTheSubmissionAndIsNeverStoredRaw() {
        Comment keyed = Comment.receivedOnline("k-1", openConsultation(), new Comment.Submission("建议", null, null),
                "retry-7f3a", "fp", NOW);
        assertThat(keyed.submissionKey()).isEqualTo(Comment.submissionKey("c-1", "retry-7f3a", "other-id"))
                .startsWith("idempotency:c-1:").doesNotContain("retry-7f3a");
        assertThat(online("建议", null, null).submissionKey()).isEqualTo("comment:k-1");
        assertThat(Comment.requireValidIdempotencyKey(null)).isNull();
        assertThatThrownBy(() -> Comment.requireValidIdempotencyKey("has space"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-idempotency-key"));
        assertThatThrownBy(() -> Comment.requireValidIdempotencyKey("k".repeat(129))).isInstanceOf(DomainException.class);
    }

    @Test
    void identicalMeansTheSameTextIgnoringSurroundingWhitespace() {
        Comment comment = online("建议延长征求意见期限", null, null);
        assertThat(comment.hasSameContentAs("  建议延长征求意见期限\n")).isTrue();
        assertThat(comment.hasSameContentAs("建议延长征求意见的期限")).isFalse();
    }

    @Test
    void clientAddressesAreFingerprintedWithAKey() {
        Fingerprints one = new Fingerprints("secret-1");
        assertThat(one.ofClient("203.0.113.7")).isEqualTo(new Fingerprints("secret-1").ofClient("203.0.113.7"))
                .isNotEqualTo(one.ofClient("203.0.113.8"))
                .isNotEqualTo(new Fingerprints("secret-2").ofClient("203.0.113.7"))
                .isNotEqualTo(Fingerprints.sha256("203.0.113.7"))
                .doesNotContain("203.0.113.7");
    }

    @Test
    void staffEnterOfflineOpinionsWithTheirChannel() {
        Comment comment = Comment.enteredOffline("k-2", openConsultation(), Channel.SYMPOSIUM,
                new Comment.Submission("座谈会上企业代表建议简化举报流程", "某企业代表", null), SAFETY1, NOW);
        assertThat(comment.channel()).isEqualTo(Channel.SYMPOSIUM);
        assertThat(comment.enteredBy()).isEqualTo("safety1");
        assertThat(comment.audit()).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("entered-offline"));
        assertThat(org.gongkai.testsupport.Announced.entries(comment)).extracting(OutboxEntry::data).singleElement().asString().contains("SYMPOSIUM");
        assertThatThrownBy(() -> Comment.enteredOffline("k-3", openConsultation(), Channel.WEBSITE,
                new Comment.Submission("网上意见", null, null), SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("offline-channel-required"));
    }

    @Test
    void moderationHidesWithAReasonAndTakesTheCommentOutOfItsOpinion() {
        Comment comment = online("广告：代办各类证件", null, null);
        comment.assignTo("o-1", SAFETY1, NOW);
        assertThatThrownBy(() -> comment.moderate(SAFETY1, true, " ", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("reason-required"));
        comment.moderate(SAFETY1, true, "广告信息", NOW);
        assertThat(comment.hidden()).isTrue();
        assertThat(comment.isVisibleToPublic()).isFalse();
        assertThat(comment.opinionId()).isNull();
        assertThat(comment.moderationReason()).isEqualTo("广告信息");
        assertThat(comment.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("hidden");
            assertThat(a.username()).isEqualTo("safety1");
        });
        assertThatThrownBy(() -> comment.assignTo("o-1", SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-hidden"));
    }
}
