package org.gongkai.publication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.publication.application.ApplicationRulesTest.RECEIVED;
import static org.gongkai.publication.application.ApplicationRulesTest.received;
import static org.gongkai.publication.application.ApplicationRulesTest.type;
import static org.gongkai.publication.application.ApplicationTest.CALENDAR;
import static org.gongkai.publication.application.ApplicationTest.at;
import static org.gongkai.publication.application.ApplicationTest.d;
import static org.gongkai.publication.application.ApplicationTest.submission;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.LocalDate;

import org.gongkai.contracts.publication.ApplicationConsultationEnded;
import org.gongkai.contracts.publication.ApplicationSupplementReceived;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Every step of an application is guarded by section and state, audited, and moves the clock as the rules say. */
class ApplicationStepsTest {

    @Test
    void everyStepIsAuditedAndOnlyPausesSinceTheClocksStartMoveTheDueDate() {
        Application a = received();
        a.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, d("2024-03-05"), at(d("2024-03-05")));
        a.endConsultation(d("2024-03-07"), true, SAFETY1, CALENDAR, d("2024-03-07"), at(d("2024-03-07")));
        assertThat(a.changes().announced()).last().isInstanceOf(ApplicationConsultationEnded.class);
        a.requestSupplement("文号", 5, SAFETY1, CALENDAR, d("2024-03-08"), at(d("2024-03-08")));
        a.recordSupplement(d("2024-03-11"), SAFETY1, CALENDAR, d("2024-03-11"), at(d("2024-03-11")));
        assertThat(a.changes().announced()).last().isInstanceOfSatisfying(ApplicationSupplementReceived.class,
                e -> assertThat(e.receivedOn()).isEqualTo(d("2024-03-11")));
        a.chargeFee(1, SAFETY1, CALENDAR, d("2024-03-12"), at(d("2024-03-12")));
        a.recordFeePaid(d("2024-03-13"), SAFETY1, CALENDAR, d("2024-03-13"), at(d("2024-03-13")));
        a.extend(1, "材料较多", OFFICE, CALENDAR, d("2024-03-14"), at(d("2024-03-14")));
        a.requestReasons("请说明申请用途", 1, OFFICE, CALENDAR, d("2024-03-14"), at(d("2024-03-14")));
        a.recordReasons(null, "用于学术研究", OFFICE, d("2024-03-15"), at(d("2024-03-15")));
        a.setReasonablePeriod(1, "申请数量较大", OFFICE, CALENDAR, d("2024-03-15"), at(d("2024-03-15")));
        a.requestClearance("DISCLOSED", null, SAFETY1, at(d("2024-03-15")));

        assertThat(a.extension().extraWorkingDays()).isEqualTo(1);
        assertThat(a.reasonablePeriod().extraWorkingDays()).isEqualTo(1);
        // the clock restarted on 11 Mar: 20 working days are 9 Apr (Qingming 4–6 Apr off, Sun 7 Apr worked), plus one
        // extension day, one reasonable-period day and the fee's paused 13 Mar = 12 Apr; the consultation of 6–7 Mar
        // lies before the restart and does not count
        assertThat(a.dueOn()).isEqualTo(d("2024-04-12"));
        assertThat(a.announceOverdue(d("2024-04-15"), at(d("2024-04-15")))).isTrue();
        assertThat(a.overdueAnnounced()).isTrue();
        assertThat(a.audit()).extracting(AuditEntry::action).containsExactly("entered-offline", "receipt-confirmed",
                "consultation-started", "consultation-ended", "supplement-requested", "supplement-received", "fee-charged",
                "fee-paid", "extended", "reasons-requested", "reasons-recorded", "reasonable-period-set",
                "confidentiality-clearance-opened", "answer-overdue");
    }

    @Test
    void anOfflineApplicationKeepsWhatWasEnteredAndWhoEnteredIt() {
        Application a = received();
        assertThat(a.id()).isEqualTo("a-2024-03-04");
        assertThat(QueryCodes.looksValid(a.queryCode())).isTrue();
        assertThat(a.submissionKey()).isEqualTo("application:a-2024-03-04").isEqualTo(Application.submissionKey(null, a.id()));
        assertThat(Application.submissionKey("retry-1", "a-1")).startsWith("idempotency:").doesNotContain("retry-1");
        assertThat(a.contentHash()).isEqualTo(submission().contentHash());
        assertThat(a.channel()).isEqualTo("LETTER");
        assertThat(a.applicant().name()).isEqualTo(ApplicationTest.NAME);
        assertThat(a.sought().title()).isEqualTo("2024年度安全生产执法检查计划");
        assertThat(a.form().delivery()).isEqualTo(FormWanted.Delivery.EMAIL);
        assertThat(a.submittedAt()).isEqualTo(at(RECEIVED));
        assertThat(a.enteredBy()).isEqualTo("safety1");
        assertThat(a.overdueAnnounced()).isFalse();
    }

    @Test
    void aReceiptNeedsItsBasisNamedAsTheMissingField() {
        Application online = Application.submitOnline("a-1", QueryCodes.next(), submission(), null, at(RECEIVED));
        online.route("safety-coordination", OFFICE, at(RECEIVED));
        assertThatThrownBy(() -> online.confirmReceipt(RECEIVED, null, SAFETY1, CALENDAR, RECEIVED, at(RECEIVED)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("receipt-required");
                    assertThat(e.details()).containsEntry("field", "basis");
                });
    }

    @Test
    void anotherSectionCannotTakeAnyStep() {
        Application a = received();
        LocalDate day = d("2024-03-05");
        assertThatThrownBy(() -> a.requestSupplement("文号", 5, RELIEF1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        assertThatThrownBy(() -> a.startConsultation(Consultee.AGENCY, null, RELIEF1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        assertThatThrownBy(() -> a.requestClearance("DISCLOSED", null, RELIEF1, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        assertThatThrownBy(() -> a.answer("CANNOT_PROVIDE", "NOT_HELD", "不掌握", "条例第三十六条", null, null, RELIEF1, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, type("not-your-section"));

        a.requestSupplement("文号", 5, SAFETY1, CALENDAR, day, at(day));
        assertThatThrownBy(() -> a.recordSupplement(day, RELIEF1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        a.recordSupplement(day, SAFETY1, CALENDAR, day, at(day));
        a.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, day, at(day));
        assertThatThrownBy(() -> a.endConsultation(day, true, RELIEF1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
        a.endConsultation(day, true, SAFETY1, CALENDAR, day, at(day));
        a.chargeFee(100, SAFETY1, CALENDAR, day, at(day));
        assertThatThrownBy(() -> a.recordFeePaid(day, RELIEF1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("not-your-section"));
    }

    @Test
    void eachStepWaitsForItsState() {
        Application a = received();
        LocalDate day = d("2024-03-05");
        assertThatThrownBy(() -> a.recordSupplement(day, SAFETY1, CALENDAR, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("wrong-application-state");
                    assertThat(e.getMessage()).isEqualTo("申请当前为“办理中”，不能登记补正。");
                });
        assertThatThrownBy(() -> a.endConsultation(day, true, SAFETY1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
        assertThatThrownBy(() -> a.recordFeePaid(day, SAFETY1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));

        a.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, day, at(day));
        assertThatThrownBy(() -> a.requestSupplement("文号", 5, SAFETY1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
        assertThatThrownBy(() -> a.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
        assertThatThrownBy(() -> a.chargeFee(100, SAFETY1, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
        assertThatThrownBy(() -> a.requestClearance("DISCLOSED", null, SAFETY1, at(day))).isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
        assertThatThrownBy(() -> a.answer("CANNOT_PROVIDE", "NOT_HELD", "不掌握", "条例第三十六条", null, null, SAFETY1, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, type("wrong-application-state"));
    }

    @Test
    void art35StepsAreRefusedOnADoneApplication() {
        Application a = received();
        LocalDate day = d("2024-03-05");
        a.close("申请人撤回", SAFETY1, day, at(day));
        assertThatThrownBy(() -> a.requestReasons("用途", 5, OFFICE, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("application-done"));
        assertThatThrownBy(() -> a.recordReasons(day, "说明", OFFICE, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("application-done"));
        assertThatThrownBy(() -> a.setReasonablePeriod(5, "数量大", OFFICE, CALENDAR, day, at(day))).isInstanceOfSatisfying(DomainException.class, type("application-done"));
    }

    @Test
    void theLongestPeriodsTheRulesAllowAreAccepted() {
        LocalDate day = d("2024-03-05");
        Application extended = received();
        extended.extend(Application.MAX_EXTENSION_WORKING_DAYS, "情况复杂", OFFICE, CALENDAR, day, at(day));
        assertThat(extended.extension().extraWorkingDays()).isEqualTo(20);

        Application asked = received();
        asked.requestReasons("用途", Application.MAX_REASONS_PERIOD_WORKING_DAYS, OFFICE, CALENDAR, day, at(day));
        assertThat(asked.reasonsRequest().explainBy()).isEqualTo(d("2024-03-26"));
        asked.recordReasons(day, "用于研究", OFFICE, day, at(day));
        asked.setReasonablePeriod(Application.MAX_REASONABLE_PERIOD_WORKING_DAYS, "数量大", OFFICE, CALENDAR, day, at(day));
        assertThat(asked.reasonablePeriod().extraWorkingDays()).isEqualTo(60);
    }

    @Test
    void aRefusalForUnreasonableVolumeIsTheOfficesButOtherRefusalsAreTheSections() {
        Application volume = received();
        LocalDate day = d("2024-03-05");
        assertThatThrownBy(() -> volume.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "条例第三十五条", null, null, SAFETY1, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, type("unreasonable-volume-office-only"));
        Application repeated = received();
        repeated.answer("NOT_HANDLED", "REPEATED", "重复申请", "条例第三十六条第（六）项", null, null, SAFETY1, day, at(day));
        assertThat(repeated.state()).isEqualTo(ApplicationState.ANSWERED);
    }

    @Test
    void anUnknownOutcomeOrReasonIsNamedWithItsField() {
        Application a = received();
        LocalDate day = d("2024-03-05");
        assertThatThrownBy(() -> a.answer("MAYBE", null, "答复", "条例", null, null, SAFETY1, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("答复结果“MAYBE”不在年度报告的办理结果之列。");
                    assertThat(e.details()).containsEntry("field", "outcome");
                });
        assertThatThrownBy(() -> a.answer("NOT_DISCLOSED", "TOO_LONG", "答复", "条例", null, null, SAFETY1, day, at(day)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("答复结果“NOT_DISCLOSED/TOO_LONG”不在年度报告的办理结果之列。");
                    assertThat(e.details()).containsEntry("field", "reason");
                });
    }
}
