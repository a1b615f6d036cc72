package org.gongkai.publication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.publication.application.ApplicationTest.CALENDAR;
import static org.gongkai.publication.application.ApplicationTest.at;
import static org.gongkai.publication.application.ApplicationTest.d;
import static org.gongkai.publication.application.ApplicationTest.letterReceivedOn;
import static org.gongkai.publication.application.ApplicationTest.submission;
import static org.gongkai.testsupport.Actors.LEADER;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;
import static org.gongkai.testsupport.Actors.SECRECY;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/**
 * Rules of the application the calendar scenarios leave out. A letter received Mon 4 Mar 2024 is due Mon 1 Apr 2024:
 * 5–8 Mar 1–4, 11–15 Mar 5–9, 18–22 Mar 10–14, 25–29 Mar 15–19, 1 Apr 20 (Qingming comes after).
 */
class ApplicationRulesTest {

    static final LocalDate RECEIVED = d("2024-03-04");
    static final LocalDate NEXT_DAY = d("2024-03-05");

    static Application received() {
        return letterReceivedOn(RECEIVED);
    }

    static Consumer<DomainException> type(String expected) {
        return e -> assertThat(e.type()).isEqualTo(expected);
    }

    @Test
    void onlyTheOfficeRoutesAndEachRoutingIsAudited() {
        Application online = Application.submitOnline("a-1", QueryCodes.next(), submission(), null, at(RECEIVED));
        assertThat(online.section()).isNull();
        assertThat(online.isVisibleTo(SAFETY1)).isFalse();
        assertThat(online.isVisibleTo(OFFICE)).isTrue();
        assertThatThrownBy(() -> online.route("safety-coordination", SAFETY1, at(RECEIVED)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("routing-office-only");
                    assertThat(e.getMessage()).isEqualTo("只有政务公开办公室可以分办申请。");
                });
        online.route("safety-coordination", OFFICE, at(RECEIVED));
        online.route("disaster-relief", OFFICE, at(RECEIVED));
        assertThat(online.section()).isEqualTo("disaster-relief");
        assertThat(online.isVisibleTo(RELIEF1)).isTrue();
        assertThat(online.isVisibleTo(SAFETY1)).isFalse();
        assertThat(online.audit()).extracting(a -> a.action() + ":" + a.reason())
                .containsExactly("submitted-online:null", "routed:safety-coordination", "routed:safety-coordination → disaster-relief");
    }

    @Test
    void aDoneApplicationIsNeitherRoutedNorClosedAgain() {
        Application a = received();
        a.close("申请人撤回申请", SAFETY1, NEXT_DAY, at(NEXT_DAY));
        assertThatThrownBy(() -> a.route("disaster-relief", OFFICE, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("application-done");
                    assertThat(e.getMessage()).isEqualTo("该申请已办结（已终止）。");
                });
        assertThatThrownBy(() -> a.close("再次终止", OFFICE, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("application-done"));
        assertThat(a.recomputeDeadline(CALENDAR)).isFalse();
        assertThat(a.workingDaysLeft(CALENDAR, NEXT_DAY)).isNull();
    }

    @Test
    void closingNeedsAReasonAndIsAnnouncedAsOther() {
        Application a = received();
        assertThatThrownBy(() -> a.close(" ", SAFETY1, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("终止办理须说明理由。"));
        assertThatThrownBy(() -> a.close("撤回", RELIEF1, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        a.close(" 申请人撤回申请 ", SAFETY1, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.state()).isEqualTo(ApplicationState.CLOSED);
        assertThat(a.closure()).isEqualTo(new Application.Closure("OTHER", "OTHER", "申请人撤回申请", NEXT_DAY, "safety1"));
        assertThat(a.audit()).last().satisfies(e -> assertThat(e.reason()).isEqualTo("OTHER/OTHER"));
        assertThat(a.changes().announced()).last().isInstanceOfSatisfying(ApplicationClosed.class, e -> {
            assertThat(e.reason()).isEqualTo("OTHER");
            assertThat(e.receivedOn()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void anApplicationNotYetReceivedCannotBeClosedOrExtended() {
        Application online = Application.submitOnline("a-1", QueryCodes.next(), submission(), null, at(RECEIVED));
        online.route("safety-coordination", OFFICE, at(RECEIVED));
        assertThatThrownBy(() -> online.close("撤回", OFFICE, RECEIVED, at(RECEIVED)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("请先确认收到申请之日。"));
        assertThatThrownBy(() -> online.extend(5, "情况复杂", OFFICE, CALENDAR, RECEIVED, at(RECEIVED)))
                .isInstanceOfSatisfying(DomainException.class, type("receipt-required"));
        assertThat(online.recomputeDeadline(CALENDAR)).isFalse();
    }

    @Test
    void closingWhileConsultingEndsThePause() {
        Application a = received();
        a.startConsultation(Consultee.AGENCY, " 请市局答复 ", SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.consultations()).singleElement().satisfies(c -> {
            assertThat(c.note()).isEqualTo("请市局答复");
            assertThat(c.answerDueOn()).as("only a third party has 15 working days").isNull();
        });
        a.close("申请人撤回申请", SAFETY1, d("2024-03-08"), at(d("2024-03-08")));
        assertThat(a.pauses()).singleElement().isEqualTo(new Application.ClockPause("consultation-AGENCY", NEXT_DAY, d("2024-03-08")));
    }

    @Test
    void aConsultationNeedsAConsulteeAndEndsNoEarlierThanItStarted() {
        Application a = received();
        assertThatThrownBy(() -> a.startConsultation(null, null, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("consultee-required"));
        a.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, d("2024-03-06"), at(d("2024-03-06")));
        assertThatThrownBy(() -> a.endConsultation(NEXT_DAY, true, SAFETY1, CALENDAR, d("2024-03-07"), at(d("2024-03-07"))))
                .isInstanceOfSatisfying(DomainException.class, type("consultation-end-before-start"));
        // paused 7, 8 Mar: two working days added to 1 Apr → 3 Apr
        a.endConsultation(null, false, SAFETY1, CALENDAR, d("2024-03-08"), at(d("2024-03-08")));
        assertThat(a.state()).isEqualTo(ApplicationState.IN_PROGRESS);
        assertThat(a.dueOn()).isEqualTo(d("2024-04-03"));
        assertThat(a.consultations()).singleElement().satisfies(c -> {
            assertThat(c.endedOn()).isEqualTo(d("2024-03-08"));
            assertThat(c.answered()).isFalse();
        });
        assertThat(a.audit()).last().satisfies(e -> assertThat(e.reason()).isEqualTo("2024-03-08 no answer"));
    }

    @Test
    void aSupplementNoticeNamesWhatIsMissingWithinThirtyWorkingDays() {
        Application a = received();
        assertThatThrownBy(() -> a.requestSupplement(" ", 10, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("missing-items-required"));
        assertThatThrownBy(() -> a.requestSupplement("文号", 0, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("supplement-period-invalid"));
        assertThatThrownBy(() -> a.requestSupplement("文号", 31, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("补正期限须为 1 至 30 个工作日。"));
        a.requestSupplement(" 文号 ", 1, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.supplement().missing()).isEqualTo("文号");
        assertThat(a.supplement().supplementDueOn()).isEqualTo(d("2024-03-06"));
        assertThatThrownBy(() -> a.recordSupplement(RECEIVED, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("supplement-before-notice"));
        Application longest = received();
        longest.requestSupplement("文号", 30, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY));
        assertThat(longest.supplement().periodWorkingDays()).isEqualTo(30);
    }

    @Test
    void aFeeOfOneFenToAMillionYuanPausesTheClockUntilPaidInTime() {
        Application a = received();
        assertThatThrownBy(() -> a.chargeFee(0, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("fee-amount-invalid"));
        assertThatThrownBy(() -> a.chargeFee(Application.MAX_FEE_FEN + 1, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("收费金额须为 1 分至 100 万元。"));
        a.chargeFee(Application.MAX_FEE_FEN, SAFETY1, CALENDAR, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.state()).isEqualTo(ApplicationState.AWAITING_FEE);
        // pay by the 20th working day after 5 Mar: 6–8 Mar 1–3, 11–15 4–8, 18–22 9–13, 25–29 14–18, 1–2 Apr 19–20
        assertThat(a.fee().payBy()).isEqualTo(d("2024-04-02"));
        assertThat(a.workingDaysLeft(CALENDAR, NEXT_DAY)).as("the clock stands").isNull();
        assertThatThrownBy(() -> a.recordFeePaid(RECEIVED, SAFETY1, CALENDAR, d("2024-03-06"), at(d("2024-03-06"))))
                .isInstanceOfSatisfying(DomainException.class, type("paid-before-notice"));
        assertThatThrownBy(() -> a.recordFeePaid(null, SAFETY1, CALENDAR, d("2024-04-03"), at(d("2024-04-03"))))
                .isInstanceOfSatisfying(DomainException.class, type("fee-overdue"));
        // paid 7 Mar: paused 6, 7 Mar, two working days added to 1 Apr → 3 Apr
        a.recordFeePaid(d("2024-03-07"), SAFETY1, CALENDAR, d("2024-03-08"), at(d("2024-03-08")));
        assertThat(a.fee().paidOn()).isEqualTo(d("2024-03-07"));
        assertThat(a.dueOn()).isEqualTo(d("2024-04-03"));
        assertThatThrownBy(() -> a.chargeFee(100, SAFETY1, CALENDAR, d("2024-03-08"), at(d("2024-03-08"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("该申请已发出过收费通知。"));
    }

    @Test
    void onlyADisclosingReplyGoesToTheConfidentialityOfficerAndOnlyOnce() {
        Application a = received();
        assertThatThrownBy(() -> a.requestClearance("NOT_DISCLOSED", null, SAFETY1, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("clearance-not-needed"));
        assertThatThrownBy(() -> a.decideClearance(true, null, null, SECRECY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("no-clearance-pending"));
        a.requestClearance("DISCLOSED", " 全文公开 ", SAFETY1, at(NEXT_DAY));
        assertThat(a.clearance().openedBecause()).isEqualTo("依申请公开答复拟予以公开：全文公开");
        assertThat(a.clearanceFor()).isEqualTo("DISCLOSED");
        assertThatThrownBy(() -> a.requestClearance("DISCLOSED", null, SAFETY1, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("clearance-pending"));
        assertThatThrownBy(() -> a.decideClearance(true, null, null, OFFICE, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("wrong-reviewer"));
        assertThatThrownBy(() -> a.decideClearance(false, " ", null, SECRECY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("不同意公开须说明理由。"));
        a.decideClearance(false, "涉及国家秘密", null, SECRECY, at(NEXT_DAY));
        assertThat(a.clearance().isPending()).isFalse();
        assertThat(a.audit()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("confidentiality-clearance-refused");
            assertThat(e.reason()).isEqualTo("涉及国家秘密");
        });
        assertThatThrownBy(() -> a.answer("DISCLOSED", null, "答复全文", null, null, null, SAFETY1, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("reply-clearance-required"));
    }

    @Test
    void aReplyHasATextAndADateNeitherBeforeReceiptNorBackdatedBySections() {
        Application a = received();
        assertThatThrownBy(() -> a.answer("CANNOT_PROVIDE", "NOT_HELD", " ", "条例第三十六条", null, null, SAFETY1, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("请填写答复内容。"));
        assertThatThrownBy(() -> a.answer("CANNOT_PROVIDE", "NOT_HELD", "本机关不掌握", "条例第三十六条", null, d("2024-03-01"),
                OFFICE, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, type("answer-before-receipt"));
        assertThatThrownBy(() -> a.answer("CANNOT_PROVIDE", "NOT_HELD", "本机关不掌握", "条例第三十六条", null, RECEIVED,
                SAFETY1, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("backdating-requires-office");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        a.answer("CANNOT_PROVIDE", "NOT_HELD", " 本机关不掌握 ", " 条例第三十六条 ", " ", RECEIVED, OFFICE, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.reply()).isEqualTo(new Application.Reply("CANNOT_PROVIDE", "NOT_HELD", "本机关不掌握", "条例第三十六条", null,
                RECEIVED, d("2024-04-01"), true, "office"));
        assertThat(a.audit()).last().satisfies(e -> assertThat(e.reason()).isEqualTo("CANNOT_PROVIDE/NOT_HELD"));
        assertThat(a.recomputeDeadline(CALENDAR)).isFalse();
    }

    @Test
    void aReplyAfterTheDueDateIsLateAndTheDaysLeftGoNegative() {
        Application a = received();
        assertThat(a.workingDaysLeft(CALENDAR, d("2024-03-29"))).isEqualTo(1);
        assertThat(a.workingDaysLeft(CALENDAR, d("2024-04-01"))).isZero();
        assertThat(a.isOverdueOn(d("2024-04-01"))).isFalse();
        assertThat(a.workingDaysLeft(CALENDAR, d("2024-04-03"))).isEqualTo(-2);
        assertThat(a.isOverdueOn(d("2024-04-02"))).isTrue();
        a.answer("NOT_DISCLOSED", "STATE_SECRET", "属于国家秘密", "条例第十四条", null, null, SAFETY1, d("2024-04-02"), at(d("2024-04-02")));
        assertThat(a.reply().onTime()).isFalse();
        assertThat(a.reply().answeredOn()).isEqualTo(d("2024-04-02"));
        assertThat(a.isOverdueOn(d("2024-04-02"))).as("answered").isFalse();
    }

    @Test
    void onlyTheOfficeOrTheSectionMayActAndALeaderSeesAll() {
        Application a = received();
        assertThat(a.isVisibleTo(LEADER)).isTrue();
        assertThat(a.isVisibleTo(SAFETY1)).isTrue();
        assertThat(a.isVisibleTo(RELIEF1)).isFalse();
        assertThatThrownBy(() -> a.chargeFee(100, LEADER, CALENDAR, NEXT_DAY, at(NEXT_DAY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("只有承办股室或政务公开办公室可以办理该申请。"));
        a.chargeFee(100, OFFICE, CALENDAR, NEXT_DAY, at(NEXT_DAY));
        assertThat(a.fee().chargedBy()).isEqualTo("office");
    }

    @Test
    void anApplicationReadBackWithoutListsOrChangesHasEmptyOnes() {
        Application stored = new Application("a-9", "q", "application:a-9", "hash", "LETTER", "safety-coordination", null, null,
                null, at(RECEIVED), "safety1", ApplicationState.IN_PROGRESS, null, RECEIVED, d("2024-04-01"), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, 4L);
        assertThat(stored.consultations()).isEmpty();
        assertThat(stored.pauses()).isEmpty();
        assertThat(stored.audit()).isEmpty();
        assertThat(stored.dueConfirmed()).isFalse();
        assertThat(stored.overdueAnnounced()).isFalse();
        assertThat(stored.recomputeDeadline(CALENDAR)).as("the stored due date was unconfirmed").isTrue();
        assertThat(stored.dueConfirmed()).isTrue();
    }
}
