package org.gongkai.consultation.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.LEADER;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.junit.jupiter.api.Test;

/** The consultation lifecycle DRAFT → OPEN → CLOSED → FEEDBACK_PUBLISHED, its access rules and its events. */
class ConsultationTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    static Consultation.Draft draft(LocalDate start, LocalDate end, String shortReason) {
        return new Consultation.Draft("泽州县安全生产举报奖励办法（征求意见稿）", "第一条 为鼓励举报安全生产违法行为……",
                "《中华人民共和国安全生产法》第七十四条", "为规范举报奖励工作，起草本办法。", "WS-03",
                List.of(Channel.WEBSITE, Channel.HEARING, Channel.WEBSITE), start, end, shortReason, true);
    }

    static Consultation openConsultation() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
        consultation.open(SAFETY1, START, NOW);
        return consultation;
    }

    static FeedbackReport emptyReport() {
        return new FeedbackReport("未作修改。", 0, 0, 0, 0, 0, 5, 0, 0, List.of(), NOW);
    }

    @Test
    void sectionStaffDraftForTheirOwnSectionAndTheDraftIsNotPublic() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
        assertThat(consultation.status()).isEqualTo(Consultation.Status.DRAFT);
        assertThat(consultation.section()).isEqualTo("safety-coordination");
        assertThat(consultation.channels()).containsExactly(Channel.WEBSITE, Channel.HEARING);
        assertThat(consultation.isPublic()).isFalse();
        assertThat(org.gongkai.testsupport.Announced.entries(consultation)).isEmpty();
        assertThatThrownBy(() -> Consultation.draft("c-2", draft(START, START.plusDays(29), null), OFFICE, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("drafting-requires-section"));
    }

    @Test
    void aDraftNeedsItsTextsAndAChannel() {
        Consultation.Draft noBasis = new Consultation.Draft("标题", "草案", " ", "说明", "WS-03", List.of(Channel.WEBSITE),
                START, START.plusDays(29), null, false);
        assertThatThrownBy(() -> Consultation.draft("c-1", noBasis, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("decision-basis-required"));
        Consultation.Draft noChannel = new Consultation.Draft("标题", "草案", "依据", "说明", "WS-03", List.of(),
                START, START.plusDays(29), null, false);
        assertThatThrownBy(() -> Consultation.draft("c-1", noChannel, SAFETY1, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("channels-required"));
    }

    @Test
    void openingPublishesAndTellsOtherServices() {
        Consultation consultation = openConsultation();
        assertThat(consultation.status()).isEqualTo(Consultation.Status.OPEN);
        assertThat(consultation.isPublic()).isTrue();
        assertThat(org.gongkai.testsupport.Announced.entries(consultation)).extracting(OutboxEntry::type)
                .containsExactly("gongkai.consultation.consultation-opened.v1");
        assertThat(org.gongkai.testsupport.Announced.entries(consultation).get(0).data()).contains("\"section\":\"safety-coordination\"", "\"catalogueItemCode\":\"WS-03\"");
        assertThat(consultation.audit()).extracting(AuditEntry::action).containsExactly("drafted", "opened");
        assertThat(consultation.audit().get(1).username()).isEqualTo("safety1");
    }

    @Test
    void anotherSectionCannotManageButTheOfficeCan() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
        assertThatThrownBy(() -> consultation.open(RELIEF1, START, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("not-your-section");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        assertThatThrownBy(() -> consultation.open(LEADER, START, NOW)).isInstanceOf(DomainException.class);
        assertThat(consultation.isVisibleTo(RELIEF1)).isFalse();
        assertThat(consultation.isVisibleTo(LEADER)).isTrue();
        consultation.open(OFFICE, START, NOW);
        assertThat(consultation.status()).isEqualTo(Consultation.Status.OPEN);
    }

    @Test
    void itClosesOnlyAfterTheLastDayOfThePeriod() {
        Consultation consultation = openConsultation();
        assertThat(consultation.closeIfPeriodEnded(START.plusDays(29), NOW)).isFalse();
        assertThat(consultation.status()).isEqualTo(Consultation.Status.OPEN);

        Instant later = Instant.parse("2026-04-01T16:00:05Z");
        assertThat(consultation.closeIfPeriodEnded(START.plusDays(30), later)).isTrue();
        assertThat(consultation.status()).isEqualTo(Consultation.Status.CLOSED);
        assertThat(consultation.closedAt()).isEqualTo(later);
        assertThat(org.gongkai.testsupport.Announced.entries(consultation)).extracting(OutboxEntry::type)
                .containsExactly("gongkai.consultation.consultation-opened.v1", "gongkai.consultation.consultation-closed.v1");
        assertThat(consultation.audit()).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("closed");
            assertThat(a.subject()).isEqualTo("system:consultation-closing");
        });
        assertThat(consultation.closeIfPeriodEnded(START.plusDays(31), later)).as("closing twice").isFalse();
    }

    @Test
    void commentsAreTakenOnlyWhileOpenAndWithinThePeriod() {
        Consultation draft = Consultation.draft("c-1", draft(START.plusDays(3), START.plusDays(40), null), SAFETY1, NOW);
        assertThatThrownBy(() -> draft.requireAcceptingCommentsOn(START.plusDays(5)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        draft.open(SAFETY1, START, NOW);
        assertThatThrownBy(() -> draft.requireAcceptingCommentsOn(START))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("consultation-not-yet-open"));
        draft.requireAcceptingCommentsOn(START.plusDays(3));
        assertThatThrownBy(() -> draft.requireAcceptingCommentsOn(START.plusDays(41)))
                .as("period over, not yet closed by the job")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("consultation-closed"));
        draft.closeIfPeriodEnded(START.plusDays(41), NOW);
        assertThatThrownBy(() -> draft.requireAcceptingCommentsOn(START.plusDays(10)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("consultation-closed"));
    }

    @Test
    void openingAPeriodThatAlreadyEndedIsRefused() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
        assertThatThrownBy(() -> consultation.open(SAFETY1, START.plusDays(30), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("comment-period-ended"));
        assertThat(consultation.status()).isEqualTo(Consultation.Status.DRAFT);
    }

    @Test
    void feedbackIsPublishedOnlyAfterClosingAndOnlyOnce() {
        Consultation consultation = openConsultation();
        assertThatThrownBy(() -> consultation.publishFeedback(SAFETY1, emptyReport(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-state"));
        consultation.closeIfPeriodEnded(START.plusDays(30), NOW);
        assertThatThrownBy(() -> consultation.publishFeedback(RELIEF1, emptyReport(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-your-section"));
        consultation.publishFeedback(SAFETY1, emptyReport(), NOW);
        assertThat(consultation.status()).isEqualTo(Consultation.Status.FEEDBACK_PUBLISHED);
        assertThat(consultation.feedback().finalDecisionChanges()).isEqualTo("未作修改。");
        assertThat(org.gongkai.testsupport.Announced.entries(consultation)).extracting(OutboxEntry::type).last()
                .isEqualTo("gongkai.consultation.feedback-published.v1");
        assertThatThrownBy(() -> consultation.publishFeedback(SAFETY1, emptyReport(), NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> consultation.requireOpinionsEditable(SAFETY1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("feedback-published"));
    }

    @Test
    void aDraftCanBeRevisedButAnOpenedConsultationStaysAsPublished() {
        Consultation consultation = Consultation.draft("c-1", draft(START, START.plusDays(29), null), SAFETY1, NOW);
        consultation.revise(SAFETY1, draft(START, START.plusDays(9), "防汛紧急"), NOW);
        assertThat(consultation.period().isShort()).isTrue();
        consultation.open(SAFETY1, START, NOW);
        assertThatThrownBy(() -> consultation.revise(SAFETY1, draft(START, START.plusDays(40), null), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("invalid-state"));
    }
}
