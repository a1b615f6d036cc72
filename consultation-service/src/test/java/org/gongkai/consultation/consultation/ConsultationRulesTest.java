package org.gongkai.consultation.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.consultation.consultation.ConsultationTest.NOW;
import static org.gongkai.consultation.consultation.ConsultationTest.START;
import static org.gongkai.consultation.consultation.ConsultationTest.draft;
import static org.gongkai.consultation.consultation.ConsultationTest.emptyReport;
import static org.gongkai.consultation.consultation.ConsultationTest.openConsultation;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.util.List;

import org.gongkai.contracts.consultation.ConsultationOpened;
import org.gongkai.contracts.consultation.FeedbackPublished;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The consultation rules the lifecycle test leaves out: who may act in which state, what is audited, the labels. */
class ConsultationRulesTest {

    private static Consultation drafted() {
        return Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
    }

    @Test
    void aDraftKeepsWhatTheSectionWroteWithTitleAndItemCodeTrimmed() {
        Consultation.Draft padded = new Consultation.Draft("  安全生产举报奖励办法  ", "草案全文", "安全生产法", "起草说明", " WS-03 ",
                List.of(Channel.SYMPOSIUM), START, START.plusDays(29), null, true);
        Consultation consultation = Consultation.draft("c-1", padded, SAFETY1, NOW);
        assertThat(consultation.id()).isEqualTo("c-1");
        assertThat(consultation.drafter()).isEqualTo("safety1");
        assertThat(consultation.title()).isEqualTo("安全生产举报奖励办法");
        assertThat(consultation.draftText()).isEqualTo("草案全文");
        assertThat(consultation.decisionBasis()).isEqualTo("安全生产法");
        assertThat(consultation.explanation()).isEqualTo("起草说明");
        assertThat(consultation.catalogueItemCode()).isEqualTo("WS-03");
        assertThat(consultation.commentsPublic()).isTrue();
        assertThat(consultation.openedAt()).isNull();
        assertThat(consultation.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("drafted");
            assertThat(a.username()).isEqualTo("safety1");
        });
    }

    @Test
    void aMissingTextIsNamedInChinese() {
        Consultation.Draft noTitle = new Consultation.Draft(" ", "草案", "依据", "说明", "WS-03", List.of(Channel.WEBSITE),
                START, START.plusDays(29), null, false);
        assertThatThrownBy(() -> Consultation.draft("c-1", noTitle, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("title-required");
                    assertThat(e.getMessage()).isEqualTo("请填写征求意见的标题。");
                });
    }

    @Test
    void revisingIsForTheOwningSectionAndIsAudited() {
        Consultation consultation = drafted();
        assertThatThrownBy(() -> consultation.revise(RELIEF1, draft(START, START.plusDays(39), null), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-your-section"));
        assertThat(consultation.period().end()).isEqualTo(START.plusDays(29));

        consultation.revise(SAFETY1, draft(START, START.plusDays(39), null), NOW);
        assertThat(consultation.period().end()).isEqualTo(START.plusDays(39));
        assertThat(consultation.audit()).extracting(AuditEntry::action).containsExactly("drafted", "revised");
    }

    @Test
    void anOpenConsultationCannotBeOpenedAgain() {
        Consultation consultation = openConsultation();
        Instant later = NOW.plusSeconds(60);
        assertThatThrownBy(() -> consultation.open(SAFETY1, START, later))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-state");
                    assertThat(e.getMessage()).isEqualTo("征求意见当前状态为“征求意见中”，不能开始征求意见；须处于“草稿”状态。");
                });
        assertThat(consultation.openedAt()).isEqualTo(NOW);
        assertThat(consultation.changes().announced()).hasSize(1);
    }

    @Test
    void theOpenedEventCarriesTheDraftAndThePeriod() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(9), "防汛紧急"), SAFETY1, NOW);
        consultation.open(SAFETY1, START, NOW);
        assertThat(consultation.openedAt()).isEqualTo(NOW);
        assertThat(consultation.changes().announced()).singleElement().isInstanceOfSatisfying(ConsultationOpened.class, e -> {
            assertThat(e.channels()).containsExactly("WEBSITE", "HEARING");
            assertThat(e.periodEnd()).isEqualTo(START.plusDays(9));
            assertThat(e.shortPeriod()).isTrue();
        });
        assertThat(consultation.audit()).last().satisfies(a -> assertThat(a.reason()).isEqualTo("防汛紧急"));
    }

    @Test
    void showingCommentsIsTheSectionsAuditedChoice() {
        Consultation consultation = openConsultation();
        assertThatThrownBy(() -> consultation.showCommentsPublicly(RELIEF1, false, "涉及个人信息", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-your-section"));
        assertThat(consultation.commentsPublic()).isTrue();

        consultation.showCommentsPublicly(SAFETY1, false, "涉及个人信息", NOW);
        assertThat(consultation.commentsPublic()).isFalse();
        assertThat(consultation.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("comments-hidden");
            assertThat(a.reason()).isEqualTo("涉及个人信息");
        });
        consultation.showCommentsPublicly(OFFICE, true, null, NOW);
        assertThat(consultation.commentsPublic()).isTrue();
        assertThat(consultation.audit()).last().satisfies(a -> assertThat(a.action()).isEqualTo("comments-shown"));
    }

    @Test
    void offlineOpinionsAreEnteredByTheSectionWhileOpenOrClosedButNotOnADraft() {
        Consultation draft = drafted();
        assertThatThrownBy(() -> draft.requireAcceptingOfflineOpinions(SAFETY1))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-state");
                    assertThat(e.getMessage()).contains("“草稿”");
                });
        Consultation open = openConsultation();
        open.requireAcceptingOfflineOpinions(SAFETY1);
        assertThatThrownBy(() -> open.requireAcceptingOfflineOpinions(RELIEF1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-your-section"));
        open.closeIfPeriodEnded(START.plusDays(30), NOW);
        open.requireAcceptingOfflineOpinions(OFFICE);
        open.publishFeedback(SAFETY1, emptyReport(), NOW);
        assertThatThrownBy(() -> open.requireAcceptingOfflineOpinions(SAFETY1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-state"));
    }

    @Test
    void opinionsAreEditedOnlyByTheSectionAndNotBeforeOpening() {
        Consultation draft = drafted();
        assertThatThrownBy(() -> draft.requireOpinionsEditable(SAFETY1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("征求意见稿尚未公开，还没有意见。"));
        Consultation open = openConsultation();
        open.requireOpinionsEditable(SAFETY1);
        assertThatThrownBy(() -> open.requireOpinionsEditable(RELIEF1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void publishedFeedbackIsAuditedAndAnnouncedWithItsCounts() {
        Consultation consultation = openConsultation();
        consultation.closeIfPeriodEnded(START.plusDays(30), NOW);
        FeedbackReport report = new FeedbackReport("第五条已修改。", 12, 3, 1, 1, 1, 5, 2, 1, List.of(), NOW);
        consultation.publishFeedback(OFFICE, report, NOW);
        assertThat(consultation.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("feedback-published");
            assertThat(a.reason()).isEqualTo("3 opinions, 2 concentrated");
            assertThat(a.username()).isEqualTo("office");
        });
        assertThat(consultation.changes().announced()).last().isInstanceOfSatisfying(FeedbackPublished.class, e -> {
            assertThat(e.commentCount()).isEqualTo(12);
            assertThat(e.concentratedNotAdoptedCount()).isEqualTo(1);
        });
    }

    @Test
    void aConsultationReadBackWithoutChannelsOrChangesHasEmptyOnes() {
        Consultation stored = new Consultation("c-9", "safety-coordination", "safety1", "标题", "草案", "依据", "说明", "WS-03",
                null, CommentPeriod.of(START, START.plusDays(29), null), false, Consultation.Status.DRAFT, null, null, null, null, 3L);
        assertThat(stored.channels()).isEmpty();
        assertThat(stored.audit()).isEmpty();
        assertThat(stored.changes().announced()).isEmpty();
    }

    @Test
    void everyCodeHasItsChineseLabel() {
        assertThat(Consultation.Status.OPEN.label()).isEqualTo("征求意见中");
        assertThat(Consultation.Status.FEEDBACK_PUBLISHED.label()).isEqualTo("已公布采纳情况");
        assertThat(Channel.HEARING.label()).isEqualTo("听证");
        assertThat(Channel.labelOf(Channel.MEDIA_BRIEFING)).isEqualTo("媒体吹风");
        assertThat(Channel.labelOf(null)).isNull();
        assertThat(Channel.labels(List.of(Channel.WEBSITE, Channel.SYMPOSIUM))).containsExactly("政府网站", "座谈");
        assertThat(Channel.labels(null)).isEmpty();
        assertThat(AdoptionDecision.PARTLY_ADOPTED.label()).isEqualTo("部分采纳");
        assertThat(AdoptionDecision.labelOf(AdoptionDecision.NOT_ADOPTED)).isEqualTo("未予采纳");
        assertThat(AdoptionDecision.labelOf(null)).isNull();
        assertThat(new FeedbackReport.ReportedOpinion("o-1", "延长期限", 6, true, AdoptionDecision.ADOPTED, null).decisionLabel())
                .isEqualTo("采纳");
    }
}
