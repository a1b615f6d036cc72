package org.gongkai.publication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.testsupport.Actors.LEADER;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;
import static org.gongkai.testsupport.Actors.SECRECY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.junit.jupiter.api.Test;

/**
 * The legal clock of on-request disclosure on the official calendar. Every expected due date below was counted by hand
 * from the State Council's notices as shipped in platform/working-calendar (2024.txt: 国办发明电〔2023〕7号; 2025.txt:
 * 国办发明电〔2024〕12号), the start day never counted; the comments list the days counted.
 */
class ApplicationTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();
    static final String NAME = "张三丰";
    static final String ID_NUMBER = "110101199001011234";
    static final String PHONE = "13800138000";
    static final String EMAIL = "zhangsanfeng@example.com";
    static final String ADDRESS = "县城人民路88号";

    static Submission submission() {
        return new Submission("NATURAL_PERSON", NAME, "居民身份证 " + ID_NUMBER, PHONE, EMAIL, ADDRESS,
                "2024年度安全生产执法检查计划", null, "本县2024年度安全生产执法检查计划全文", FormWanted.Medium.ELECTRONIC,
                FormWanted.Delivery.EMAIL);
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(WorkingCalendar.CHINA).toInstant();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A letter to the safety section, signed for on {@code receivedOn}. */
    static Application letterReceivedOn(LocalDate receivedOn) {
        return Application.enterOffline("a-" + receivedOn, QueryCodes.next(), "LETTER", "safety-coordination", submission(),
                receivedOn, ReceiptBasis.SIGNED_FOR, SAFETY1, CALENDAR, receivedOn, at(receivedOn));
    }

    static String typeOf(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.type();
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void springFestival2024WithASupplementAThirdPartyPauseAndAnExtension() {
        // received Fri 2 Feb 2024. Counted: 4 Feb (Sun, make-up) 1; 5–9 Feb 2–6 (除夕 9 Feb is a working day);
        // 10–17 Feb off; 18 Feb (Sun, make-up) 7; 19–23 Feb 8–12; 26 Feb–1 Mar 13–17; 4, 5, 6 Mar 18–20
        Application a = letterReceivedOn(d("2024-02-02"));
        assertThat(a.dueOn()).isEqualTo(d("2024-03-06"));
        assertThat(a.dueConfirmed()).isTrue();

        // supplement notice on Mon 5 Feb, 10 working days: 6–9 Feb 1–4, 18 Feb (Sun) 5, 19–23 Feb 6–10
        a.requestSupplement("请写明所需信息的文号或形成时间", 10, SAFETY1, CALENDAR, d("2024-02-05"), at(d("2024-02-05")));
        assertThat(a.state()).isEqualTo(ApplicationState.AWAITING_SUPPLEMENT);
        assertThat(a.supplement().supplementDueOn()).isEqualTo(d("2024-02-23"));

        // supplement arrives Tue 20 Feb: the clock restarts. 21–23 Feb 1–3; 26 Feb–1 Mar 4–8; 4–8 Mar 9–13;
        // 11–15 Mar 14–18; 18, 19 Mar 19–20
        a.recordSupplement(d("2024-02-20"), SAFETY1, CALENDAR, d("2024-02-20"), at(d("2024-02-20")));
        assertThat(a.clockStart()).isEqualTo(d("2024-02-20"));
        assertThat(a.dueOn()).isEqualTo(d("2024-03-19"));

        // third party consulted on Fri 1 Mar; its 15 working days: 4–8 Mar 1–5, 11–15 Mar 6–10, 18–22 Mar 11–15
        a.startConsultation(Consultee.THIRD_PARTY, "涉及企业商业秘密", SAFETY1, CALENDAR, d("2024-03-01"), at(d("2024-03-01")));
        assertThat(a.consultations().get(0).answerDueOn()).isEqualTo(d("2024-03-22"));
        assertThat(a.state()).isEqualTo(ApplicationState.CONSULTING);
        // it answers on Fri 8 Mar: paused 4–8 Mar, 5 working days; 19 Mar + 5 = 20, 21, 22, 25, 26 Mar
        a.endConsultation(d("2024-03-08"), true, SAFETY1, CALENDAR, d("2024-03-08"), at(d("2024-03-08")));
        assertThat(a.dueOn()).isEqualTo(d("2024-03-26"));

        // extended by 20 on Mon 11 Mar: 27–29 Mar 1–3; 1–3 Apr 4–6; 4–6 Apr off (清明); 7 Apr (Sun, make-up) 7;
        // 8–12 Apr 8–12; 15–19 Apr 13–17; 22, 23, 24 Apr 18–20
        a.extend(20, "需调取多个年度档案", OFFICE, CALENDAR, d("2024-03-11"), at(d("2024-03-11")));
        assertThat(a.dueOn()).isEqualTo(d("2024-04-24"));

        a.answer("NOT_DISCLOSED", "THIRD_PARTY_RIGHTS", "经征求第三方意见，不予公开。", "《中华人民共和国政府信息公开条例》第十五条", null,
                null, SAFETY1, d("2024-04-24"), at(d("2024-04-24")));
        assertThat(a.reply().onTime()).isTrue();
        assertThat(eventJson(a, "application-answered")).contains("\"onTime\":true", "\"dueOn\":\"2024-04-24\"");
    }

    @Test
    void theSupplementWindowCountsTheMakeUpSundayOfSpringFestival2024() {
        // received 2 Feb 2024: 7th working day is Sun 18 Feb (make-up); Mon 19 Feb is the 8th
        Application inTime = letterReceivedOn(d("2024-02-02"));
        inTime.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2024-02-18"), at(d("2024-02-18")));
        assertThat(inTime.supplement().requestedOn()).isEqualTo(d("2024-02-18"));

        Application late = letterReceivedOn(d("2024-02-02"));
        assertThat(typeOf(() -> late.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2024-02-19"), at(d("2024-02-19")))))
                .isEqualTo("supplement-notice-too-late");
        assertThat(late.supplement()).isNull();
        assertThat(late.state()).isEqualTo(ApplicationState.IN_PROGRESS);
    }

    @Test
    void nationalDay2024WithAnAgencyConsultationAndAFee() {
        // received Mon 23 Sep 2024: 24–27 Sep 1–4; 29 Sep (Sun, make-up) 5; 30 Sep 6; 1–7 Oct off; 8–11 Oct 7–10;
        // 12 Oct (Sat, make-up) 11; 14–18 Oct 12–16; 21–24 Oct 17–20
        Application a = letterReceivedOn(d("2024-09-23"));
        assertThat(a.dueOn()).isEqualTo(d("2024-10-24"));

        // another agency consulted Fri 27 Sep to Wed 9 Oct: paused 29 Sep (Sun, make-up), 30 Sep, 8, 9 Oct = 4;
        // 24 Oct + 4 = 25, 28, 29, 30 Oct
        a.startConsultation(Consultee.AGENCY, "征求县市场监管局意见", SAFETY1, CALENDAR, d("2024-09-27"), at(d("2024-09-27")));
        assertThat(a.consultations().get(0).answerDueOn()).isNull();
        a.endConsultation(d("2024-10-09"), true, SAFETY1, CALENDAR, d("2024-10-09"), at(d("2024-10-09")));
        assertThat(a.dueOn()).isEqualTo(d("2024-10-30"));

        // fee notified Thu 10 Oct, paid within 20 working days: 11 Oct 1, 12 Oct (Sat, make-up) 2, 14–18 Oct 3–7,
        // 21–25 Oct 8–12, 28 Oct–1 Nov 13–17, 4–6 Nov 18–20
        a.chargeFee(10_000, SAFETY1, CALENDAR, d("2024-10-10"), at(d("2024-10-10")));
        assertThat(a.fee().payBy()).isEqualTo(d("2024-11-06"));
        assertThat(a.state()).isEqualTo(ApplicationState.AWAITING_FEE);
        // paid Mon 14 Oct: paused 11, 12 (Sat, make-up), 14 Oct = 3; 30 Oct + 3 = 31 Oct, 1 Nov, 4 Nov
        a.recordFeePaid(d("2024-10-14"), SAFETY1, CALENDAR, d("2024-10-14"), at(d("2024-10-14")));
        assertThat(a.dueOn()).isEqualTo(d("2024-11-04"));
        assertThat(eventJson(a, "application-fee-paid")).contains("\"dueOn\":\"2024-11-04\"", "\"amountFen\":10000");
    }

    @Test
    void springFestival2025SupplementAfterSevenWorkingDaysIsRefusedAndTheExtensionCountsOn() {
        // received Fri 24 Jan 2025: 26 Jan (Sun, make-up) 1; 27 Jan 2; 28 Jan–4 Feb off; 5–7 Feb 3–5;
        // 8 Feb (Sat, make-up) 6; 10–14 Feb 7–11; 17–21 Feb 12–16; 24–27 Feb 17–20
        Application a = letterReceivedOn(d("2025-01-24"));
        assertThat(a.dueOn()).isEqualTo(d("2025-02-27"));

        // the 7th working day is Mon 10 Feb; Tue 11 Feb is too late
        assertThat(typeOf(() -> a.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2025-02-11"), at(d("2025-02-11")))))
                .isEqualTo("supplement-notice-too-late");
        Application onTheSeventhDay = letterReceivedOn(d("2025-01-24"));
        onTheSeventhDay.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2025-02-10"), at(d("2025-02-10")));
        assertThat(onTheSeventhDay.state()).isEqualTo(ApplicationState.AWAITING_SUPPLEMENT);

        // extended by 20 on 10 Feb: 28 Feb 1; 3–7 Mar 2–6; 10–14 Mar 7–11; 17–21 Mar 12–16; 24–27 Mar 17–20
        a.extend(20, "信息量大", OFFICE, CALENDAR, d("2025-02-10"), at(d("2025-02-10")));
        assertThat(a.dueOn()).isEqualTo(d("2025-03-27"));
        assertThat(eventJson(a, "application-extended")).contains("\"extraWorkingDays\":20", "\"dueOn\":\"2025-03-27\"");
    }

    @Test
    void nationalDay2025AThirdPartyThatDoesNotAnswerAndAnExtension() {
        // received Fri 26 Sep 2025: 28 Sep (Sun, make-up) 1; 29, 30 Sep 2–3; 1–8 Oct off; 9, 10 Oct 4–5;
        // 11 Oct (Sat, make-up) 6; 13–17 Oct 7–11; 20–24 Oct 12–16; 27–30 Oct 17–20
        Application a = letterReceivedOn(d("2025-09-26"));
        assertThat(a.dueOn()).isEqualTo(d("2025-10-30"));

        // third party consulted Tue 30 Sep; 15 working days: 9, 10, 11 (Sat) Oct 1–3; 13–17 Oct 4–8; 20–24 Oct 9–13;
        // 27, 28 Oct 14–15
        a.startConsultation(Consultee.THIRD_PARTY, null, SAFETY1, CALENDAR, d("2025-09-30"), at(d("2025-09-30")));
        assertThat(a.consultations().get(0).answerDueOn()).isEqualTo(d("2025-10-28"));
        // without an answer the bureau decides only after those 15 days
        assertThat(typeOf(() -> a.endConsultation(d("2025-10-28"), false, SAFETY1, CALENDAR, d("2025-10-28"), at(d("2025-10-28")))))
                .isEqualTo("third-party-period-running");
        // ended Wed 29 Oct: paused 9 Oct–29 Oct = 16 working days; 30 Oct + 16: 31 Oct 1; 3–7 Nov 2–6; 10–14 Nov 7–11;
        // 17–21 Nov 12–16
        a.endConsultation(d("2025-10-29"), false, SAFETY1, CALENDAR, d("2025-10-29"), at(d("2025-10-29")));
        assertThat(a.dueOn()).isEqualTo(d("2025-11-21"));

        // extended by 20 on 3 Nov: 24–28 Nov 1–5; 1–5 Dec 6–10; 8–12 Dec 11–15; 15–19 Dec 16–20
        a.extend(20, "第三方未答复，需进一步核实", OFFICE, CALENDAR, d("2025-11-03"), at(d("2025-11-03")));
        assertThat(a.dueOn()).isEqualTo(d("2025-12-19"));
    }

    @Test
    void aNewCalendarNoticeMovesAnOpenDueDateAndConfirmsIt() {
        // received Tue 15 Dec 2026; 2027 has no notice yet, so only its statutory 元旦 (Fri 1 Jan) is off:
        // 16–18 Dec 1–3; 21–25 Dec 4–8; 28–31 Dec 9–12; 4–8 Jan 13–17; 11–13 Jan 18–20, unconfirmed
        Application a = letterReceivedOn(d("2026-12-15"));
        assertThat(a.dueOn()).isEqualTo(d("2027-01-13"));
        assertThat(a.dueConfirmed()).isFalse();
        assertThat(a.recomputeDeadline(CALENDAR)).isFalse();
        // a hypothetical 2027 notice: 1–3 Jan off, Sat 9 Jan a make-up working day: 8 Jan 17, 9 Jan 18, 11–12 Jan 19–20
        WorkingCalendar with2027 = CALENDAR.withNotice(2027, "假设的2027年通知", List.of(new WorkingCalendar.Day(d("2027-01-01"), "元旦"),
                new WorkingCalendar.Day(d("2027-01-02"), "元旦"), new WorkingCalendar.Day(d("2027-01-03"), "元旦")),
                List.of(new WorkingCalendar.Day(d("2027-01-09"), "元旦调休")));
        assertThat(a.recomputeDeadline(with2027)).isTrue();
        assertThat(a.dueOn()).isEqualTo(d("2027-01-12"));
        assertThat(a.dueConfirmed()).isTrue();
    }

    @Test
    void thereIsOnlyOneSupplementNotice() {
        Application a = letterReceivedOn(d("2024-02-02"));
        a.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2024-02-05"), at(d("2024-02-05")));
        a.recordSupplement(d("2024-02-06"), SAFETY1, CALENDAR, d("2024-02-06"), at(d("2024-02-06")));
        assertThat(typeOf(() -> a.requestSupplement("还缺形成时间", 5, SAFETY1, CALENDAR, d("2024-02-07"), at(d("2024-02-07")))))
                .isEqualTo("supplement-already-requested");
        assertThat(a.state()).isEqualTo(ApplicationState.IN_PROGRESS);
    }

    @Test
    void onlyTheOfficeExtendsOnceByAtMostTwentyWorkingDaysWithAReason() {
        Application a = letterReceivedOn(d("2024-09-23"));
        LocalDate today = d("2024-10-08");
        assertThat(typeOf(() -> a.extend(10, "理由", SAFETY1, CALENDAR, today, at(today)))).isEqualTo("extension-office-only");
        assertThat(typeOf(() -> a.extend(10, "理由", LEADER, CALENDAR, today, at(today)))).isEqualTo("extension-office-only");
        assertThat(typeOf(() -> a.extend(21, "理由", OFFICE, CALENDAR, today, at(today)))).isEqualTo("extension-too-long");
        assertThat(typeOf(() -> a.extend(10, " ", OFFICE, CALENDAR, today, at(today)))).isEqualTo("reason-required");
        assertThat(a.extension()).isNull();
        assertThat(a.dueOn()).isEqualTo(d("2024-10-24"));
        a.extend(20, "理由", OFFICE, CALENDAR, today, at(today));
        assertThat(typeOf(() -> a.extend(1, "再延", OFFICE, CALENDAR, today, at(today)))).isEqualTo("already-extended");
        // after the due date has passed there is nothing left to extend
        Application late = letterReceivedOn(d("2024-09-23"));
        assertThat(typeOf(() -> late.extend(5, "理由", OFFICE, CALENDAR, d("2024-10-25"), at(d("2024-10-25"))))).isEqualTo("extension-after-due");
    }

    @Test
    void aLongerReasonablePeriodIsTheOfficesToSetOnceAndMovesTheDueDate() {
        Application a = letterReceivedOn(d("2024-09-23"));
        LocalDate today = d("2024-10-08");
        assertThat(typeOf(() -> a.setReasonablePeriod(10, "一月内提出同类申请三十件", SAFETY1, CALENDAR, today, at(today))))
                .isEqualTo("reasonable-period-office-only");
        // art. 35: a longer period only after the applicant was asked for reasons and explained
        assertThat(typeOf(() -> a.setReasonablePeriod(10, "一月内提出同类申请三十件", OFFICE, CALENDAR, today, at(today))))
                .isEqualTo("reasons-required");
        a.requestReasons("请说明一个月内提出三十件同类申请的用途", 5, OFFICE, CALENDAR, d("2024-10-08"), at(d("2024-10-08")));
        assertThat(typeOf(() -> a.setReasonablePeriod(10, "一月内提出同类申请三十件", OFFICE, CALENDAR, today, at(today))))
                .isEqualTo("reasons-required");
        a.recordReasons(today, "课题研究需要逐年比对", OFFICE, today, at(today));
        assertThat(a.dueOn()).as("asking for reasons does not stop the clock").isEqualTo(d("2024-10-24"));
        assertThat(typeOf(() -> a.setReasonablePeriod(61, "理由", OFFICE, CALENDAR, today, at(today)))).isEqualTo("reasonable-period-invalid");
        // due 24 Oct 2024 + 10 working days: 25 Oct 1; 28 Oct–1 Nov 2–6; 4–7 Nov 7–10
        a.setReasonablePeriod(10, "一月内提出同类申请三十件", OFFICE, CALENDAR, today, at(today));
        assertThat(a.dueOn()).isEqualTo(d("2024-11-07"));
        assertThat(typeOf(() -> a.setReasonablePeriod(5, "再延", OFFICE, CALENDAR, today, at(today)))).isEqualTo("reasonable-period-already-set");
        assertThat(org.gongkai.testsupport.Announced.entries(a)).extracting(e -> e.type()).contains("gongkai.publication.application-reasons-requested.v1",
                "gongkai.publication.application-reasonable-period-set.v1");
        assertThat(org.gongkai.testsupport.Announced.entries(a)).filteredOn(e -> e.type().endsWith("reasonable-period-set.v1")).singleElement()
                .extracting(e -> e.data()).asString().contains("\"dueOn\":\"2024-11-07\"");
    }

    @Test
    void art35ReasonsAreAskedOnceByTheOfficeWithAPeriodAndWeighedBeforeARefusalForVolume() {
        Application a = letterReceivedOn(d("2024-09-23"));
        LocalDate asked = d("2024-09-27");
        assertThat(typeOf(() -> a.requestReasons("请说明用途", 5, SAFETY1, CALENDAR, asked, at(asked)))).isEqualTo("reasons-office-only");
        assertThat(typeOf(() -> a.requestReasons(" ", 5, OFFICE, CALENDAR, asked, at(asked)))).isEqualTo("reasons-question-required");
        assertThat(typeOf(() -> a.requestReasons("请说明用途", 16, OFFICE, CALENDAR, asked, at(asked)))).isEqualTo("reasons-period-invalid");
        assertThat(typeOf(() -> a.recordReasons(asked, "说明", OFFICE, asked, at(asked)))).isEqualTo("reasons-not-requested");
        // refusing for volume needs the applicant to have been asked first
        assertThat(typeOf(() -> a.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "条例第三十五条", null, null, OFFICE,
                asked, at(asked)))).isEqualTo("reasons-required");
        // 27 Sep 2024 (Fri) + 5 working days across National Day: 29 Sep (make-up Sunday) 1; 30 Sep 2; 1–7 Oct holiday;
        // 8 Oct 3; 9 Oct 4; 10 Oct 5
        a.requestReasons("请说明一个月内提出三十件同类申请的用途", 5, OFFICE, CALENDAR, asked, at(asked));
        assertThat(a.reasonsRequest().explainBy()).isEqualTo(d("2024-10-10"));
        assertThat(typeOf(() -> a.requestReasons("再问", 5, OFFICE, CALENDAR, asked, at(asked)))).isEqualTo("reasons-already-requested");
        // while the period runs and nothing was explained, the office cannot refuse yet
        assertThat(typeOf(() -> a.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "条例第三十五条", null, null, OFFICE,
                d("2024-10-10"), at(d("2024-10-10"))))).isEqualTo("reasons-pending");
        // the period passed without an explanation: now it can
        a.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "条例第三十五条", null, null, OFFICE, d("2024-10-11"), at(d("2024-10-11")));
        assertThat(a.reply().reason()).isEqualTo("UNREASONABLE_VOLUME");

        // an explanation on record (found unconvincing) also lets the office refuse, before the period ends
        Application explained = letterReceivedOn(d("2024-09-23"));
        explained.requestReasons("请说明用途", 5, OFFICE, CALENDAR, asked, at(asked));
        assertThat(typeOf(() -> explained.recordReasons(d("2024-09-26"), "说明", OFFICE, d("2024-09-30"), at(d("2024-09-30")))))
                .isEqualTo("explained-before-request");
        assertThat(typeOf(() -> explained.recordReasons(null, " ", OFFICE, d("2024-09-30"), at(d("2024-09-30")))))
                .isEqualTo("explanation-required");
        explained.recordReasons(null, "想了解全部企业的检查记录", OFFICE, d("2024-09-30"), at(d("2024-09-30")));
        assertThat(explained.reasonsRequest().explainedOn()).isEqualTo(d("2024-09-30"));
        assertThat(typeOf(() -> explained.recordReasons(null, "补充", OFFICE, d("2024-09-30"), at(d("2024-09-30")))))
                .isEqualTo("reasons-already-recorded");
        explained.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "条例第三十五条", null, null, OFFICE, d("2024-09-30"),
                at(d("2024-09-30")));
        assertThat(explained.state()).isEqualTo(ApplicationState.ANSWERED);
        // the request event carries dates only, never the question or the explanation
        assertThat(org.gongkai.testsupport.Announced.entries(explained)).filteredOn(e -> e.type().endsWith("reasons-requested.v1")).singleElement()
                .extracting(e -> e.data()).asString().contains("\"explainBy\":\"2024-10-10\"").doesNotContain("用途");
    }

    @Test
    void everyOutcomeAndReasonOfTheAnnualReportCanBeTheReply() {
        List<String[]> replies = new java.util.ArrayList<>();
        replies.add(new String[] {"DISCLOSED", null});
        replies.add(new String[] {"PARTLY_DISCLOSED", null});
        ApplicationVocabulary.REASONS.keySet().stream().filter(k -> !k.startsWith("OTHER/")).forEach(k -> replies.add(k.split("/")));
        assertThat(replies).hasSize(2 + 17);
        for (String[] reply : replies) {
            String outcome = reply[0];
            String reason = reply[1];
            Application a = letterReceivedOn(d("2024-09-23"));
            LocalDate today = d("2024-10-10");
            boolean disclosing = "PARTLY_DISCLOSED".equals(outcome) || ("DISCLOSED".equals(outcome) && reason == null);
            if (disclosing) {
                a.requestClearance(outcome, "拟公开执法检查计划", SAFETY1, at(today));
                a.decideClearance(true, null, null, SECRECY, at(today));
            }
            Actor actor = "UNREASONABLE_VOLUME".equals(reason) ? OFFICE : SAFETY1;
            if ("UNREASONABLE_VOLUME".equals(reason)) {
                a.requestReasons("请说明申请用途", 3, OFFICE, CALENDAR, today, at(today));
                a.recordReasons(today, "用途不明", OFFICE, today, at(today));
            }
            a.answer(outcome, reason, "答复书正文", "《中华人民共和国政府信息公开条例》有关条款",
                    "ALREADY_DISCLOSED".equals(reason) ? "本局网站“政府信息公开”专栏" : null, null, actor, today, at(today));
            assertThat(a.state()).isEqualTo(ApplicationState.ANSWERED);
            assertThat(a.reply().outcome()).isEqualTo(outcome);
            assertThat(a.reply().reason()).isEqualTo(reason);
            assertThat(a.reply().outcomeLabel()).isEqualTo(ApplicationVocabulary.OUTCOMES.get(outcome));
            assertThat(eventJson(a, "application-answered")).contains("\"outcome\":\"" + outcome + "\"",
                    reason == null ? "\"reason\":null" : "\"reason\":\"" + reason + "\"", "\"onTime\":true");
        }
        // 无正当理由大量反复申请 is the office's call (art. 35)
        Application volume = letterReceivedOn(d("2024-09-23"));
        assertThat(typeOf(() -> volume.answer("NOT_HANDLED", "UNREASONABLE_VOLUME", "不予处理", "第三十五条", null, null, SAFETY1,
                d("2024-10-10"), at(d("2024-10-10"))))).isEqualTo("unreasonable-volume-office-only");
    }

    @Test
    void unknownOrMismatchedReasonsAndRefusalsWithoutALegalBasisAreRefused() {
        Application a = letterReceivedOn(d("2024-09-23"));
        LocalDate today = d("2024-10-10");
        Map<String, String[]> bad = Map.of(
                "unknown reason", new String[] {"NOT_DISCLOSED", "TOO_BUSY"},
                "reason of another outcome", new String[] {"CANNOT_PROVIDE", "STATE_SECRET"},
                "refusal without reason", new String[] {"NOT_DISCLOSED", null},
                "unknown outcome", new String[] {"MAYBE", null});
        bad.forEach((why, r) -> assertThat(typeOf(() -> a.answer(r[0], r[1], "答复", "第十四条", null, null, SAFETY1, today, at(today))))
                .as(why).isEqualTo("unknown-outcome"));
        assertThat(typeOf(() -> a.answer("OTHER", "OTHER", "答复", "第十四条", null, null, SAFETY1, today, at(today))))
                .isEqualTo("closure-not-reply");
        assertThat(typeOf(() -> a.answer("NOT_DISCLOSED", "STATE_SECRET", "答复", " ", null, null, SAFETY1, today, at(today))))
                .isEqualTo("reply-legal-basis-required");
        assertThat(typeOf(() -> a.answer("DISCLOSED", "ALREADY_DISCLOSED", "答复", "第三十六条", null, null, SAFETY1, today, at(today))))
                .isEqualTo("location-required");
        assertThat(a.state()).isEqualTo(ApplicationState.IN_PROGRESS);
        assertThat(a.reply()).isNull();
        a.answer("NOT_DISCLOSED", "STATE_SECRET", "属于国家秘密，不予公开。", "《中华人民共和国政府信息公开条例》第十四条", null, null, SAFETY1,
                today, at(today));
        assertThat(a.reply().legalBasis()).isEqualTo("《中华人民共和国政府信息公开条例》第十四条");
        assertThat(a.reply().reasonLabel()).isEqualTo("属于国家秘密");
    }

    @Test
    void aDisclosingReplyLeavesOnlyAfterTheConfidentialityOfficerClearedIt() {
        Application a = letterReceivedOn(d("2024-09-23"));
        LocalDate today = d("2024-10-10");
        Instant now = at(today);
        assertThat(typeOf(() -> a.answer("DISCLOSED", null, "予以公开", null, null, null, SAFETY1, today, now)))
                .isEqualTo("reply-clearance-required");
        a.requestClearance("DISCLOSED", "拟全文公开", SAFETY1, now);
        assertThat(a.clearance().isPending()).isTrue();
        assertThat(typeOf(() -> a.decideClearance(true, null, null, SAFETY1, now))).isEqualTo("wrong-reviewer");
        assertThat(typeOf(() -> a.decideClearance(true, null, null, OFFICE, now))).isEqualTo("wrong-reviewer");
        assertThat(typeOf(() -> a.answer("DISCLOSED", null, "予以公开", null, null, null, SAFETY1, today, now)))
                .isEqualTo("reply-clearance-required");
        assertThat(typeOf(() -> a.decideClearance(true, null, new org.gongkai.publication.document.AuthorityRuling("县保密局",
                d("2024-10-11"), "县保密〔2024〕3号"), SECRECY, now))).as("a ruling dated tomorrow").isEqualTo("implausible-date");
        a.decideClearance(false, "含涉密附件", null, SECRECY, now);
        assertThat(typeOf(() -> a.answer("PARTLY_DISCLOSED", null, "部分公开", "第三十七条", null, null, SAFETY1, today, now)))
                .isEqualTo("reply-clearance-required");
        // cleared for a partial disclosure: a full disclosure is still refused, the partial one leaves
        a.requestClearance("PARTLY_DISCLOSED", "删去附件后公开", SAFETY1, now);
        a.decideClearance(true, null, null, SECRECY, now);
        assertThat(typeOf(() -> a.answer("DISCLOSED", null, "予以公开", null, null, null, SAFETY1, today, now)))
                .isEqualTo("reply-clearance-required");
        a.answer("PARTLY_DISCLOSED", null, "部分公开", "《中华人民共和国政府信息公开条例》第三十七条", null, null, SAFETY1, today, now);
        assertThat(a.state()).isEqualTo(ApplicationState.ANSWERED);
        assertThat(a.clearance().decidedBy()).isEqualTo("secrecy");
        // already public information needs no clearance: it is only where to find it
        Application already = letterReceivedOn(d("2024-09-23"));
        already.answer("DISCLOSED", "ALREADY_DISCLOSED", "已主动公开", null, "本局网站", null, SAFETY1, today, now);
        assertThat(already.reply().location()).isEqualTo("本局网站");
    }

    @Test
    void personalDataNeverLeavesInAnEvent() {
        Application a = letterReceivedOn(d("2024-09-23"));
        a.startConsultation(Consultee.THIRD_PARTY, "第三方：某化工企业", SAFETY1, CALENDAR, d("2024-09-24"), at(d("2024-09-24")));
        a.endConsultation(d("2024-09-26"), true, SAFETY1, CALENDAR, d("2024-09-26"), at(d("2024-09-26")));
        a.chargeFee(500, SAFETY1, CALENDAR, d("2024-09-27"), at(d("2024-09-27")));
        a.recordFeePaid(d("2024-09-30"), SAFETY1, CALENDAR, d("2024-09-30"), at(d("2024-09-30")));
        a.extend(5, "理由", OFFICE, CALENDAR, d("2024-10-08"), at(d("2024-10-08")));
        a.answer("CANNOT_PROVIDE", "NOT_HELD", "本机关不掌握", "第三十六条", null, null, SAFETY1, d("2024-10-09"), at(d("2024-10-09")));
        Application supplemented = letterReceivedOn(d("2024-09-23"));
        supplemented.requestSupplement("请写明文号", 5, SAFETY1, CALENDAR, d("2024-09-24"), at(d("2024-09-24")));
        supplemented.closeIfAbandoned(d("2024-10-31"), at(d("2024-10-31")));
        List<OutboxEntry> events = new java.util.ArrayList<>(org.gongkai.testsupport.Announced.entries(a));
        events.addAll(org.gongkai.testsupport.Announced.entries(supplemented));
        assertThat(events).extracting(OutboxEntry::type).contains("gongkai.publication.application-received.v1",
                "gongkai.publication.application-consultation-started.v1", "gongkai.publication.application-fee-charged.v1",
                "gongkai.publication.application-extended.v1", "gongkai.publication.application-answered.v1",
                "gongkai.publication.application-supplement-requested.v1", "gongkai.publication.application-closed.v1");
        for (OutboxEntry event : events) {
            assertThat(event.data()).doesNotContain(NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS, "某化工企业");
        }
    }

    @Test
    void theOverdueAnswerIsAnnouncedOncePerClock() {
        Application a = letterReceivedOn(d("2024-02-02"));
        assertThat(a.announceOverdue(d("2024-03-06"), at(d("2024-03-06")))).isFalse();
        assertThat(a.workingDaysLeft(CALENDAR, d("2024-03-04"))).isEqualTo(2);
        assertThat(a.announceOverdue(d("2024-03-07"), at(d("2024-03-07")))).isTrue();
        assertThat(a.announceOverdue(d("2024-03-08"), at(d("2024-03-08")))).isFalse();
        assertThat(a.workingDaysLeft(CALENDAR, d("2024-03-08"))).isEqualTo(-2);
        assertThat(org.gongkai.testsupport.Announced.entries(a)).filteredOn(e -> e.type().equals("gongkai.publication.application-overdue.v1")).hasSize(1);
        // a paused clock is not overdue
        Application paused = letterReceivedOn(d("2024-02-02"));
        paused.startConsultation(Consultee.AGENCY, null, SAFETY1, CALENDAR, d("2024-03-01"), at(d("2024-03-01")));
        assertThat(paused.announceOverdue(d("2024-03-20"), at(d("2024-03-20")))).isFalse();
    }

    @Test
    void noSupplementOrNoFeeInTimeClosesTheApplicationAsOther() {
        Application a = letterReceivedOn(d("2024-02-02"));
        a.requestSupplement("请写明文号", 10, SAFETY1, CALENDAR, d("2024-02-05"), at(d("2024-02-05")));
        assertThat(a.closeIfAbandoned(d("2024-02-23"), at(d("2024-02-23")))).isFalse();
        assertThat(typeOf(() -> a.recordSupplement(d("2024-02-26"), SAFETY1, CALENDAR, d("2024-02-26"), at(d("2024-02-26")))))
                .isEqualTo("supplement-overdue");
        assertThat(a.closeIfAbandoned(d("2024-02-26"), at(d("2024-02-26")))).isTrue();
        assertThat(a.state()).isEqualTo(ApplicationState.CLOSED);
        assertThat(a.closure().reason()).isEqualTo("SUPPLEMENT_OVERDUE");
        assertThat(eventJson(a, "application-closed")).contains("\"outcome\":\"OTHER\"", "\"reason\":\"SUPPLEMENT_OVERDUE\"");
        assertThat(a.closeIfAbandoned(d("2024-02-27"), at(d("2024-02-27")))).isFalse();

        Application unpaid = letterReceivedOn(d("2024-09-23"));
        unpaid.chargeFee(10_000, SAFETY1, CALENDAR, d("2024-10-10"), at(d("2024-10-10")));
        assertThat(unpaid.closeIfAbandoned(d("2024-11-06"), at(d("2024-11-06")))).isFalse();
        assertThat(unpaid.closeIfAbandoned(d("2024-11-07"), at(d("2024-11-07")))).isTrue();
        assertThat(unpaid.closure().reason()).isEqualTo("FEE_UNPAID");
    }

    @Test
    void theReceiptDateFollowsTheChannelAndIsRecordedWithWhoConfirmedIt() {
        LocalDate today = d("2024-09-23");
        assertThat(typeOf(() -> Application.enterOffline("x", QueryCodes.next(), "IN_PERSON", "safety-coordination", submission(),
                null, null, SAFETY1, CALENDAR, today, at(today)))).isEqualTo("receipt-required");
        assertThat(typeOf(() -> Application.enterOffline("x", QueryCodes.next(), "LETTER", "safety-coordination", submission(),
                today, ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today)))).isEqualTo("receipt-basis-mismatch");
        assertThat(typeOf(() -> Application.enterOffline("x", QueryCodes.next(), "ONLINE", "safety-coordination", submission(),
                today, ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today)))).isEqualTo("offline-channel-required");
        assertThat(typeOf(() -> Application.enterOffline("x", QueryCodes.next(), "FAX", "disaster-relief", submission(),
                null, null, SAFETY1, CALENDAR, today, at(today)))).isEqualTo("not-your-section");

        Application online = Application.submitOnline("o1", QueryCodes.next(), submission(), null, at(d("2024-09-20")));
        assertThat(online.state()).isEqualTo(ApplicationState.AWAITING_RECEIPT);
        assertThat(online.isVisibleTo(SAFETY1)).isFalse();
        assertThat(online.isVisibleTo(OFFICE)).isTrue();
        assertThat(typeOf(() -> online.confirmReceipt(today, ReceiptBasis.BOTH_CONFIRMED, OFFICE, CALENDAR, today, at(today))))
                .isEqualTo("routing-required");
        assertThat(typeOf(() -> online.route("safety-coordination", SAFETY1, at(today)))).isEqualTo("routing-office-only");
        online.route("safety-coordination", OFFICE, at(today));
        assertThat(online.isVisibleTo(SAFETY1)).isTrue();
        assertThat(online.isVisibleTo(RELIEF1)).isFalse();
        assertThat(typeOf(() -> online.confirmReceipt(d("2024-09-19"), ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today))))
                .isEqualTo("receipt-before-submission");
        assertThat(typeOf(() -> online.confirmReceipt(today, ReceiptBasis.SIGNED_FOR, SAFETY1, CALENDAR, today, at(today))))
                .isEqualTo("receipt-basis-mismatch");
        assertThat(typeOf(() -> online.confirmReceipt(d("2024-09-24"), ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today))))
                .isEqualTo("implausible-date");
        assertThat(typeOf(() -> online.confirmReceipt(today, ReceiptBasis.BOTH_CONFIRMED, RELIEF1, CALENDAR, today, at(today))))
                .isEqualTo("not-your-section");
        assertThat(org.gongkai.testsupport.Announced.entries(online)).isEmpty();
        online.confirmReceipt(today, ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today));
        assertThat(online.receipt().confirmedBy()).isEqualTo("safety1");
        assertThat(online.dueOn()).isEqualTo(d("2024-10-24"));
        assertThat(eventJson(online, "application-received")).contains("\"channel\":\"ONLINE\"", "\"applicantType\":\"NATURAL_PERSON\"",
                "\"receivedOn\":\"2024-09-23\"", "\"dueOn\":\"2024-10-24\"");
        assertThat(typeOf(() -> online.confirmReceipt(today, ReceiptBasis.BOTH_CONFIRMED, SAFETY1, CALENDAR, today, at(today))))
                .isEqualTo("receipt-already-confirmed");
    }

    @Test
    void theApplicationFormAsksForWhatArticle29Requires() {
        Submission noContact = new Submission("NATURAL_PERSON", NAME, ID_NUMBER, null, " ", null, "计划", null, null,
                FormWanted.Medium.PAPER, FormWanted.Delivery.COLLECTION);
        assertThat(typeOf(noContact::applicant)).isEqualTo("contact-required");
        Submission postWithoutAddress = new Submission("COMMERCIAL_ENTERPRISE", "某公司", "统一社会信用代码 91000000", PHONE, null, null,
                "计划", null, null, FormWanted.Medium.PAPER, FormWanted.Delivery.POST);
        assertThat(typeOf(postWithoutAddress::applicant)).isEqualTo("postal-address-required");
        Submission unknownType = new Submission("ALIEN", NAME, ID_NUMBER, PHONE, null, null, "计划", null, null,
                FormWanted.Medium.PAPER, FormWanted.Delivery.COLLECTION);
        assertThat(typeOf(unknownType::applicant)).isEqualTo("unknown-applicant-type");
        Submission nothingSought = new Submission("NATURAL_PERSON", NAME, ID_NUMBER, PHONE, null, null, " ", null, null,
                FormWanted.Medium.PAPER, FormWanted.Delivery.COLLECTION);
        assertThat(typeOf(nothingSought::sought)).isEqualTo("information-sought-required");
    }

    private static String eventJson(Application application, String kind) {
        return org.gongkai.testsupport.Announced.entries(application).stream().filter(e -> e.type().equals("gongkai.publication." + kind + ".v1"))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no " + kind + " event")).data();
    }
}
