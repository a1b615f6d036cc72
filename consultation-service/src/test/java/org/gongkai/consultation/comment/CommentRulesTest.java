package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.consultation.comment.CommentTest.NOW;
import static org.gongkai.consultation.comment.CommentTest.START;
import static org.gongkai.consultation.comment.CommentTest.online;
import static org.gongkai.consultation.comment.CommentTest.openConsultation;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.util.List;

import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Comment rules the main comment test leaves out: key and length limits, moderation states, grouping audit, contacts. */
class CommentRulesTest {

    @Test
    void anOnlineCommentKeepsWhereItCameFromAndWhen() {
        Comment comment = online("  建议延长期限 ", "  张三 ", null);
        assertThat(comment.id()).isEqualTo("k-1");
        assertThat(comment.consultationId()).isEqualTo("c-1");
        assertThat(comment.catalogueItemCode()).isEqualTo("WS-03");
        assertThat(comment.clientFingerprint()).isEqualTo("fp");
        assertThat(comment.receivedAt()).isEqualTo(NOW);
        assertThat(comment.authorName()).isEqualTo("张三");
        assertThat(comment.contentHash()).isEqualTo(Fingerprints.sha256("建议延长期限"));
        assertThat(comment.enteredBy()).isNull();
        assertThat(comment.audit()).isEmpty();
    }

    @Test
    void aNameOfFiftyCharactersIsAccepted() {
        assertThat(online("建议", "张".repeat(Comment.MAX_NAME_LENGTH), null).authorName()).hasSize(50);
    }

    @Test
    void anIdempotencyKeyIsOneTo128PrintableAsciiCharacters() {
        String longest = "k".repeat(128);
        assertThat(Comment.requireValidIdempotencyKey(longest)).isEqualTo(longest);
        assertThat(Comment.requireValidIdempotencyKey("!~")).isEqualTo("!~");
        for (String bad : List.of("", "k".repeat(129), "tab\tkey", "del\u007fkey", "键")) {
            assertThatThrownBy(() -> Comment.requireValidIdempotencyKey(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.type()).isEqualTo("invalid-idempotency-key");
                        assertThat(e.getMessage()).isEqualTo("Idempotency-Key 须为 1 至 128 个可打印的 ASCII 字符，且不含空格。");
                    });
        }
    }

    @Test
    void staffCannotEnterOfflineOpinionsOnADraftOrForAnotherSection() {
        Consultation draft = Consultation.draft("c-1", new Consultation.Draft("办法", "草案", "依据", "说明", "WS-03",
                List.of(Channel.WEBSITE), START, START.plusDays(29), null, true), SAFETY1, NOW);
        assertThatThrownBy(() -> Comment.enteredOffline("k-2", draft, Channel.HEARING, new Comment.Submission("意见", null, null),
                SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-state"));
        assertThatThrownBy(() -> Comment.enteredOffline("k-2", openConsultation(), null, new Comment.Submission("意见", null, null),
                SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("offline-channel-required"));
    }

    @Test
    void hidingTwiceOrShowingAVisibleCommentIsAConflict() {
        Comment comment = online("广告", null, null);
        assertThatThrownBy(() -> comment.moderate(SAFETY1, false, "误操作", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-state");
                    assertThat(e.getMessage()).isEqualTo("该留言未被隐藏。");
                });
        comment.moderate(SAFETY1, true, " 广告 ", NOW);
        assertThat(comment.audit()).last().satisfies(a -> assertThat(a.reason()).isEqualTo("广告"));
        assertThatThrownBy(() -> comment.moderate(SAFETY1, true, "广告", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("该留言已被隐藏。"));

        comment.moderate(SAFETY1, false, "核实后恢复", NOW);
        assertThat(comment.hidden()).isFalse();
        assertThat(comment.isVisibleToPublic()).isTrue();
        assertThat(comment.moderationReason()).isNull();
        assertThat(comment.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("shown");
            assertThat(a.reason()).isEqualTo("核实后恢复");
        });
    }

    @Test
    void hidingAGroupedCommentRecordsTheOpinionItLeft() {
        Comment comment = online("广告", null, null);
        comment.assignTo("o-7", SAFETY1, NOW);
        comment.moderate(SAFETY1, true, "广告", NOW);
        assertThat(comment.audit()).last().satisfies(a -> assertThat(a.reason()).isEqualTo("广告 (removed from opinion o-7)"));
    }

    @Test
    void groupingAndUngroupingAreAudited() {
        Comment comment = online("建议延长期限", null, null);
        comment.assignTo("o-1", SAFETY1, NOW);
        assertThat(comment.opinionId()).isEqualTo("o-1");
        comment.assignTo(null, SAFETY1, NOW);
        assertThat(comment.opinionId()).isNull();
        assertThat(comment.audit()).extracting(AuditEntry::action).containsExactly("grouped", "ungrouped");
        assertThat(comment.audit().get(0).reason()).isEqualTo("o-1");

        comment.moderate(SAFETY1, true, "重复", NOW);
        comment.assignTo(null, SAFETY1, NOW);
        assertThat(comment.opinionId()).as("a hidden comment may still be taken out of grouping").isNull();
    }

    @Test
    void aCommentReadBackWithoutChangesHasAnEmptyTrail() {
        Comment stored = new Comment("k-9", "c-1", "safety-coordination", "WS-03", Channel.WEBSITE, "建议", null, null,
                ReceiptCodes.next(), "comment:k-9", "fp", Comment.contentHash("建议"), NOW, null, false, null, null, null, 1L);
        assertThat(stored.audit()).isEmpty();
        assertThat(stored.changes().announced()).isEmpty();
    }

    @Test
    void aContactKindIsShownWithItsChineseLabel() {
        assertThat(Contact.parse("0356-2021234").kindLabel()).isEqualTo("固定电话");
        assertThat(Contact.Kind.EMAIL.label()).isEqualTo("电子邮箱");
        assertThat(new Contact(null, "x").kindLabel()).isNull();
    }

    @Test
    void aContactOf254CharactersIsTheLongestAccepted() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".cn";
        String local = "z".repeat(254 - 1 - domain.length());
        assertThat(Contact.parse(local + "@" + domain)).isEqualTo(new Contact(Contact.Kind.EMAIL, local + "@" + domain));
        assertThatThrownBy(() -> Contact.parse("z" + local + "@" + domain))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-contact"));
    }

    @Test
    void aReceiptCodeHasOnlyUrlSafeAsciiCharacters() {
        String valid = ReceiptCodes.next();
        assertThat(ReceiptCodes.looksValid(valid.substring(1) + "é")).isFalse();
        assertThat(ReceiptCodes.looksValid(valid.substring(1) + "中")).isFalse();
        assertThat(ReceiptCodes.looksValid(valid.substring(1) + ".")).isFalse();
        assertThat(ReceiptCodes.looksValid(valid.substring(1))).isFalse();
        assertThat(ReceiptCodes.looksValid(null)).isFalse();
    }

    @Test
    void withoutAConfiguredSecretEachProcessKeysFingerprintsWithItsOwnRandomSecret() {
        assertThat(new Fingerprints(null).ofClient("203.0.113.7")).isNotEqualTo(new Fingerprints(" ").ofClient("203.0.113.7"));
        Fingerprints one = new Fingerprints("");
        assertThat(one.ofClient("203.0.113.7")).isEqualTo(one.ofClient("203.0.113.7")).hasSize(64);
    }
}
