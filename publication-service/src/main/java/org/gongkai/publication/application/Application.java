package org.gongkai.publication.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.publication.ApplicationAnswered;
import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.contracts.publication.ApplicationConsultationEnded;
import org.gongkai.contracts.publication.ApplicationConsultationStarted;
import org.gongkai.contracts.publication.ApplicationExtended;
import org.gongkai.contracts.publication.ApplicationFeeCharged;
import org.gongkai.contracts.publication.ApplicationFeePaid;
import org.gongkai.contracts.publication.ApplicationOverdue;
import org.gongkai.contracts.publication.ApplicationReasonablePeriodSet;
import org.gongkai.contracts.publication.ApplicationReasonsRequested;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.contracts.publication.ApplicationSupplementReceived;
import org.gongkai.contracts.publication.ApplicationSupplementRequested;
import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.gongkai.publication.document.AuthorityRuling;
import org.gongkai.publication.document.ConfidentialityClearance;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.RecordedDates;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An on-request disclosure application (依申请公开, 条例 chapter IV) and its legal clock: 20 working days from the
 * art. 31 receipt date on the official calendar (A3); one supplement notice within 7 working days, after which the
 * clock restarts from the supplement's arrival (A4); consultations and an unpaid fee pause it (A5, A7); one extension of
 * at most 20 working days by the disclosure office (A6); the reply uses exactly the annual report's outcomes and
 * reasons, cites its legal basis and, when it discloses, waits for the confidentiality officer (A8, A9).
 * Events carry no personal data: applicant type, channel, dates and codes only (A10).
 */
@Document("applications")
@CompoundIndex(name = "section_list", def = "{'section': 1, 'state': 1, 'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "list", def = "{'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "deadline_board", def = "{'state': 1, 'dueOn': 1, '_id': 1}")
public class Application implements RecordsChanges {

    /** Art. 33: the answer is due within 20 working days of receipt. */
    public static final int ANSWER_WORKING_DAYS = 20;
    /** Art. 30: one supplement notice, within 7 working days of receipt. */
    public static final int SUPPLEMENT_NOTICE_WORKING_DAYS = 7;
    /** Art. 33: one extension of at most 20 working days. */
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;
    /** Art. 35's longer reasonable period; bounded so a typo cannot park an application for years. */
    public static final int MAX_REASONABLE_PERIOD_WORKING_DAYS = 60;
    /** A reasonable time to explain (art. 35 names none): at most three working weeks. */
    public static final int MAX_REASONS_PERIOD_WORKING_DAYS = 15;
    public static final int MAX_SUPPLEMENT_PERIOD_WORKING_DAYS = 30;
    /** 政府信息公开信息处理费管理办法: the fee is paid within 20 working days of the notice. */
    public static final int FEE_PAYMENT_WORKING_DAYS = 20;
    public static final int MAX_FEE_FEN = 100_000_000;

    public record Receipt(LocalDate receivedOn, ReceiptBasis basis, String confirmedBy, Instant recordedAt) {
        @com.fasterxml.jackson.annotation.JsonProperty(value = "basisLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String basisLabel() {
            return basis == null ? null : basis.label();
        }
    }

    public record SupplementNotice(LocalDate requestedOn, String missing, int periodWorkingDays, LocalDate supplementDueOn,
            String requestedBy, LocalDate receivedOn) {
        SupplementNotice received(LocalDate on) {
            return new SupplementNotice(requestedOn, missing, periodWorkingDays, supplementDueOn, requestedBy, on);
        }
    }

    public record Consultation(Consultee consultee, String note, LocalDate startedOn, LocalDate answerDueOn, LocalDate endedOn,
            Boolean answered, String startedBy) {
        Consultation ended(LocalDate on, boolean gotAnswer) {
            return new Consultation(consultee, note, startedOn, answerDueOn, on, gotAnswer, startedBy);
        }

        @com.fasterxml.jackson.annotation.JsonProperty(value = "consulteeLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String consulteeLabel() {
            return consultee == null ? null : consultee.label();
        }
    }

    /** A stretch of days the clock stood still: working days after {@code from} up to and including {@code to}. */
    public record ClockPause(String cause, LocalDate from, LocalDate to) {
    }

    public record Extension(LocalDate extendedOn, int extraWorkingDays, String reason, String approvedBy) {
    }

    public record ReasonablePeriod(LocalDate notifiedOn, int extraWorkingDays, String reason, String setBy) {
    }

    /** Art. 35: what the office asked the applicant to explain, by when, and the explanation once it arrived. */
    public record ReasonsRequest(LocalDate requestedOn, String question, LocalDate explainBy, String requestedBy,
            LocalDate explainedOn, String explanation, String recordedBy) {
        ReasonsRequest explained(LocalDate on, String text, String by) {
            return new ReasonsRequest(requestedOn, question, explainBy, requestedBy, on, text, by);
        }

        public boolean isExplained() {
            return explainedOn != null;
        }
    }

    public record Fee(int amountFen, LocalDate notifiedOn, LocalDate payBy, LocalDate paidOn, String chargedBy) {
        Fee paid(LocalDate on) {
            return new Fee(amountFen, notifiedOn, payBy, on, chargedBy);
        }
    }

    public record Reply(String outcome, String reason, String text, String legalBasis, String location, LocalDate answeredOn,
            LocalDate dueOn, boolean onTime, String answeredBy) {
        @com.fasterxml.jackson.annotation.JsonProperty(value = "outcomeLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String outcomeLabel() {
            return ApplicationVocabulary.OUTCOMES.getOrDefault(outcome, outcome);
        }

        @com.fasterxml.jackson.annotation.JsonProperty(value = "reasonLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String reasonLabel() {
            return reason == null ? null : ApplicationVocabulary.REASONS.getOrDefault(outcome + "/" + reason, reason);
        }
    }

    public record Closure(String outcome, String reason, String note, LocalDate closedOn, String closedBy) {
        @com.fasterxml.jackson.annotation.JsonProperty(value = "reasonLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String reasonLabel() {
            return ApplicationVocabulary.REASONS.getOrDefault(outcome + "/" + reason, reason);
        }
    }

    @Id
    private final String id;
    /** The applicant's handle for the public lookup; unguessable and unique. */
    @Indexed(unique = true)
    private final String queryCode;
    /** Unique per submission: the idempotency key's hash when one was sent, otherwise the application's own id. */
    @Indexed(unique = true)
    private final String submissionKey;
    private final String contentHash;
    private final String channel;
    private String section;
    private final Applicant applicant;
    private final InformationSought sought;
    private final FormWanted form;
    private final Instant submittedAt;
    private final String enteredBy;
    private ApplicationState state;
    private Receipt receipt;
    private LocalDate clockStart;
    private LocalDate dueOn;
    private Boolean dueConfirmed;
    private SupplementNotice supplement;
    private final List<Consultation> consultations;
    private final List<ClockPause> pauses;
    private Extension extension;
    private ReasonsRequest reasonsRequest;
    private ReasonablePeriod reasonablePeriod;
    private Fee fee;
    private ConfidentialityClearance clearance;
    private String clearanceFor;
    private Reply reply;
    private Closure closure;
    private Boolean overdueAnnounced;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    Application(String id, String queryCode, String submissionKey, String contentHash, String channel, String section,
            Applicant applicant, InformationSought sought, FormWanted form, Instant submittedAt, String enteredBy,
            ApplicationState state, Receipt receipt, LocalDate clockStart, LocalDate dueOn, Boolean dueConfirmed,
            SupplementNotice supplement, List<Consultation> consultations, List<ClockPause> pauses, Extension extension,
            ReasonsRequest reasonsRequest, ReasonablePeriod reasonablePeriod, Fee fee, ConfidentialityClearance clearance, String clearanceFor, Reply reply,
            Closure closure, Boolean overdueAnnounced, Changes changes, Long revision) {
        this.id = id;
        this.queryCode = queryCode;
        this.submissionKey = submissionKey;
        this.contentHash = contentHash;
        this.channel = channel;
        this.section = section;
        this.applicant = applicant;
        this.sought = sought;
        this.form = form;
        this.submittedAt = submittedAt;
        this.enteredBy = enteredBy;
        this.state = state;
        this.receipt = receipt;
        this.clockStart = clockStart;
        this.dueOn = dueOn;
        this.dueConfirmed = dueConfirmed;
        this.supplement = supplement;
        this.consultations = new ArrayList<>(consultations == null ? List.of() : consultations);
        this.pauses = new ArrayList<>(pauses == null ? List.of() : pauses);
        this.extension = extension;
        this.reasonsRequest = reasonsRequest;
        this.reasonablePeriod = reasonablePeriod;
        this.fee = fee;
        this.clearance = clearance;
        this.clearanceFor = clearanceFor;
        this.reply = reply;
        this.closure = closure;
        this.overdueAnnounced = overdueAnnounced;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** The public form (A1): anonymous, not yet routed; the clock starts only when staff confirm receipt (art. 31). */
    public static Application submitOnline(String id, String queryCode, Submission submission, String idempotencyKey, Instant now) {
        Application application = new Application(id, queryCode, submissionKey(idempotencyKey, id), submission.contentHash(),
                "ONLINE", null, submission.applicant(), submission.sought(), submission.form(), now, null,
                ApplicationState.AWAITING_RECEIPT, null, null, null, null, null, List.of(), List.of(), null, null, null, null,
                null, null, null, null, false, Changes.none(), null);
        application.changes.audit(Actor.system("public-form"), now, "submitted-online", null);
        return application;
    }

    /**
     * A letter, a fax or a visit, entered by staff with its channel (A1). A section enters for itself; the office for
     * any section or none yet. With {@code receivedOn} and its basis the receipt is recorded at once (in person it
     * must be: the day submitted is the day of receipt).
     */
    public static Application enterOffline(String id, String queryCode, String channel, String section, Submission submission,
            LocalDate receivedOn, ReceiptBasis basis, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        if (!ApplicationVocabulary.CHANNELS.containsKey(channel) || "ONLINE".equals(channel)) {
            throw DomainException.invalid("offline-channel-required",
                    "工作人员录入信函、当面或传真提交的申请（LETTER、IN_PERSON、FAX）；网上申请由申请人通过公开表单提交。")
                    .with("field", "channel");
        }
        boolean office = actor.hasRole(Actor.DISCLOSURE_OFFICE);
        if (!office && !(actor.hasRole(Actor.SECTION_STAFF) && actor.belongsTo(section))) {
            throw DomainException.forbidden("not-your-section", "股室工作人员只能录入本股室办理的申请。");
        }
        if ("IN_PERSON".equals(channel) && receivedOn == null) {
            throw DomainException.invalid("receipt-required", "当面提交的申请，提交之日即为收到申请之日，请填写。").with("field", "receivedOn");
        }
        Application application = new Application(id, queryCode, submissionKey(null, id), submission.contentHash(), channel,
                section, submission.applicant(), submission.sought(), submission.form(), now, actor.username(),
                ApplicationState.AWAITING_RECEIPT, null, null, null, null, null, List.of(), List.of(), null, null, null, null,
                null, null, null, null, false, Changes.none(), null);
        application.changes.audit(actor, now, "entered-offline", channel);
        if (receivedOn != null) {
            application.confirmReceipt(receivedOn, basis, actor, calendar, today, now);
        }
        return application;
    }

    public static String submissionKey(String idempotencyKey, String applicationId) {
        return idempotencyKey == null ? "application:" + applicationId : "idempotency:" + Submission.sha256(idempotencyKey);
    }

    /** The office routes an application to the section holding the information (A2); it may route again until done. */
    public void route(String toSection, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("routing-office-only", "只有政务公开办公室可以分办申请。");
        }
        requireOpen();
        String from = section;
        section = toSection;
        changes.audit(actor, now, "routed", (from == null ? "" : from + " → ") + toSection);
    }

    /** Art. 31: the receipt date by channel, recorded with who confirmed it; the clock starts from it (A3). */
    public void confirmReceipt(LocalDate receivedOn, ReceiptBasis basis, Actor actor, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        requireResponsible(actor);
        if (state != ApplicationState.AWAITING_RECEIPT) {
            throw DomainException.conflict("receipt-already-confirmed", "该申请的收到日期已确认（" + receipt.receivedOn() + "）。");
        }
        if (section == null) {
            throw DomainException.conflict("routing-required", "请先由政务公开办公室将申请分办到掌握该信息的股室。");
        }
        if (receivedOn == null || basis == null) {
            throw DomainException.invalid("receipt-required", "请填写收到申请之日及其依据。").with("field", receivedOn == null ? "receivedOn" : "basis");
        }
        if (!basis.appliesTo(channel)) {
            throw DomainException.invalid("receipt-basis-mismatch", "“" + ApplicationVocabulary.CHANNELS.get(channel)
                    + "”的收到日期不能以“" + basis.label() + "”确定（条例第三十一条）。").with("field", "basis");
        }
        RecordedDates.require(receivedOn, today, "收到申请");
        LocalDate submittedOn = submittedAt.atZone(WorkingCalendar.CHINA).toLocalDate();
        if ("ONLINE".equals(channel) && receivedOn.isBefore(submittedOn)) {
            throw DomainException.invalid("receipt-before-submission", "收到日期不能早于网上提交之日（" + submittedOn + "）。")
                    .with("field", "receivedOn");
        }
        receipt = new Receipt(receivedOn, basis, actor.username(), now);
        clockStart = receivedOn;
        state = ApplicationState.IN_PROGRESS;
        recomputeDue(calendar);
        changes.audit(actor, now, "receipt-confirmed", receivedOn + " " + basis.name());
        changes.announce(new ApplicationReceived(id, section, applicant.type(), channel, receivedOn, dueOn, now), now);
    }

    /** Art. 30 (A4): one notice only, within 7 working days of receipt, naming what is missing and a period. */
    public void requestSupplement(String missing, int periodWorkingDays, Actor actor, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        requireResponsible(actor);
        if (supplement != null) {
            throw DomainException.conflict("supplement-already-requested",
                    "补正只能一次性告知，该申请已于 " + supplement.requestedOn() + " 告知补正。");
        }
        requireState(ApplicationState.IN_PROGRESS, "告知补正");
        LocalDate lastDay = calendar.addWorkingDays(receipt.receivedOn(), SUPPLEMENT_NOTICE_WORKING_DAYS).due();
        if (today.isAfter(lastDay)) {
            throw DomainException.invalid("supplement-notice-too-late", "补正告知须在收到申请之日起 7 个工作日内作出（最迟 "
                    + lastDay + "），现已逾期。").with("lastDay", lastDay.toString());
        }
        if (missing == null || missing.isBlank()) {
            throw DomainException.invalid("missing-items-required", "请写明需要补正的事项。").with("field", "missing");
        }
        if (periodWorkingDays < 1 || periodWorkingDays > MAX_SUPPLEMENT_PERIOD_WORKING_DAYS) {
            throw DomainException.invalid("supplement-period-invalid", "补正期限须为 1 至 "
                    + MAX_SUPPLEMENT_PERIOD_WORKING_DAYS + " 个工作日。").with("field", "periodWorkingDays");
        }
        LocalDate supplementDueOn = calendar.addWorkingDays(today, periodWorkingDays).due();
        supplement = new SupplementNotice(today, missing.strip(), periodWorkingDays, supplementDueOn, actor.username(), null);
        state = ApplicationState.AWAITING_SUPPLEMENT;
        changes.audit(actor, now, "supplement-requested", "due " + supplementDueOn);
        changes.announce(new ApplicationSupplementRequested(id, section, today, supplementDueOn, now), now);
    }

    /** The supplemented application arrived: the 20 working days start again from that day (A4). */
    public void recordSupplement(LocalDate receivedOn, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.AWAITING_SUPPLEMENT, "登记补正");
        RecordedDates.require(receivedOn, today, "收到补正");
        if (receivedOn.isBefore(supplement.requestedOn())) {
            throw DomainException.invalid("supplement-before-notice", "收到补正的日期不能早于告知补正之日。").with("field", "receivedOn");
        }
        if (receivedOn.isAfter(supplement.supplementDueOn())) {
            throw DomainException.invalid("supplement-overdue", "补正期限已于 " + supplement.supplementDueOn()
                    + " 届满，逾期不补正的视为放弃申请（条例第三十条）。").with("field", "receivedOn");
        }
        supplement = supplement.received(receivedOn);
        clockStart = receivedOn;
        overdueAnnounced = false; // a new clock
        state = ApplicationState.IN_PROGRESS;
        recomputeDue(calendar);
        changes.audit(actor, now, "supplement-received", String.valueOf(receivedOn));
        changes.announce(new ApplicationSupplementReceived(id, section, receivedOn, dueOn, now), now);
    }

    /** Art. 32 or another agency (A5): the clock pauses from today. */
    public void startConsultation(Consultee consultee, String note, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.IN_PROGRESS, "征求意见");
        if (consultee == null) {
            throw DomainException.invalid("consultee-required", "请选择征求意见的对象（第三方或其他机关）。").with("field", "consultee");
        }
        LocalDate answerDueOn = consultee == Consultee.THIRD_PARTY
                ? calendar.addWorkingDays(today, Consultee.THIRD_PARTY_WORKING_DAYS).due() : null;
        consultations.add(new Consultation(consultee, note == null ? null : note.strip(), today, answerDueOn, null, null, actor.username()));
        pauses.add(new ClockPause("consultation-" + consultee.name(), today, null));
        state = ApplicationState.CONSULTING;
        changes.audit(actor, now, "consultation-started", consultee.name());
        changes.announce(new ApplicationConsultationStarted(id, section, consultee.name(), today, now), now);
    }

    /**
     * The consultee answered, or (third party, art. 32) its 15 working days passed without an answer, so the bureau
     * decides; the clock resumes and the due date moves by the working days paused (A5).
     */
    public void endConsultation(LocalDate endedOn, boolean consulteeAnswered, Actor actor, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.CONSULTING, "结束征求意见");
        Consultation current = consultations.get(consultations.size() - 1);
        LocalDate on = endedOn == null ? today : endedOn;
        RecordedDates.require(on, today, "结束征求意见");
        if (on.isBefore(current.startedOn())) {
            throw DomainException.invalid("consultation-end-before-start", "结束日期不能早于征求意见之日（" + current.startedOn() + "）。")
                    .with("field", "endedOn");
        }
        if (!consulteeAnswered && current.consultee() == Consultee.THIRD_PARTY && !on.isAfter(current.answerDueOn())) {
            throw DomainException.invalid("third-party-period-running", "第三方答复期限至 " + current.answerDueOn()
                    + "，期满未答复的方可由本机关依法决定（条例第三十二条）。").with("answerDueOn", current.answerDueOn().toString());
        }
        consultations.set(consultations.size() - 1, current.ended(on, consulteeAnswered));
        endPause(on);
        state = ApplicationState.IN_PROGRESS;
        recomputeDue(calendar);
        changes.audit(actor, now, "consultation-ended", on + (consulteeAnswered ? " answered" : " no answer"));
        changes.announce(new ApplicationConsultationEnded(id, section, current.consultee().name(), on, dueOn, now), now);
    }

    /** Art. 33 (A6): one extension of at most 20 working days, approved by the disclosure office with a reason. */
    public void extend(int extraWorkingDays, String reason, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("extension-office-only", "延长答复期限须经政务公开工作机构负责人同意，由政务公开办公室办理。");
        }
        requireReceivedAndOpen();
        if (extension != null) {
            throw DomainException.conflict("already-extended", "答复期限只能延长一次，已于 " + extension.extendedOn() + " 延长。");
        }
        if (extraWorkingDays < 1 || extraWorkingDays > MAX_EXTENSION_WORKING_DAYS) {
            throw DomainException.invalid("extension-too-long", "延长的期限最长不得超过 20 个工作日。").with("field", "extraWorkingDays");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "延长答复期限须说明理由。").with("field", "reason");
        }
        if (state == ApplicationState.IN_PROGRESS && today.isAfter(dueOn)) {
            throw DomainException.conflict("extension-after-due", "答复期限已于 " + dueOn + " 届满，不能再延长。");
        }
        extension = new Extension(today, extraWorkingDays, reason.strip(), actor.username());
        recomputeDue(calendar);
        changes.audit(actor, now, "extended", extraWorkingDays + " " + reason.strip());
        changes.announce(new ApplicationExtended(id, section, today, extraWorkingDays, dueOn, now), now);
    }

    /**
     * Art. 35 (A12): where the volume or frequency looks clearly unreasonable, the office first asks the applicant to
     * explain, once, within a period of working days. The statutory clock keeps running: art. 35 gives no pause.
     */
    public void requestReasons(String question, int periodWorkingDays, Actor actor, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("reasons-office-only", "要求申请人说明理由（条例第三十五条）由政务公开办公室决定。");
        }
        requireReceivedAndOpen();
        if (reasonsRequest != null) {
            throw DomainException.conflict("reasons-already-requested", "已要求过申请人说明理由。");
        }
        if (question == null || question.isBlank()) {
            throw DomainException.invalid("reasons-question-required", "请写明需要申请人说明的事项（例如申请的数量、频次及用途）。")
                    .with("field", "question");
        }
        if (periodWorkingDays < 1 || periodWorkingDays > MAX_REASONS_PERIOD_WORKING_DAYS) {
            throw DomainException.invalid("reasons-period-invalid", "说明理由的期限须为 1 至 " + MAX_REASONS_PERIOD_WORKING_DAYS
                    + " 个工作日。").with("field", "periodWorkingDays");
        }
        LocalDate explainBy = calendar.addWorkingDays(today, periodWorkingDays).due();
        reasonsRequest = new ReasonsRequest(today, question.strip(), explainBy, actor.username(), null, null, null);
        changes.audit(actor, now, "reasons-requested", "explain by " + explainBy);
        changes.announce(new ApplicationReasonsRequested(id, section, today, explainBy, now), now);
    }

    /** Art. 35 (A12): the applicant's explanation arrived (by letter, in person or online); the office records it. */
    public void recordReasons(LocalDate explainedOn, String explanation, Actor actor, LocalDate today, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("reasons-office-only", "登记申请人的说明（条例第三十五条）由政务公开办公室办理。");
        }
        requireReceivedAndOpen();
        if (reasonsRequest == null) {
            throw DomainException.conflict("reasons-not-requested", "尚未要求申请人说明理由。");
        }
        if (reasonsRequest.isExplained()) {
            throw DomainException.conflict("reasons-already-recorded", "申请人的说明已登记。");
        }
        if (explanation == null || explanation.isBlank()) {
            throw DomainException.invalid("explanation-required", "请填写申请人说明的理由。").with("field", "explanation");
        }
        LocalDate on = explainedOn == null ? today : explainedOn;
        RecordedDates.require(on, today, "说明理由");
        if (on.isBefore(reasonsRequest.requestedOn())) {
            throw DomainException.invalid("explained-before-request", "说明理由的日期不能早于要求说明之日。").with("field", "explainedOn");
        }
        reasonsRequest = reasonsRequest.explained(on, explanation.strip(), actor.username());
        changes.audit(actor, now, "reasons-recorded", String.valueOf(on));
    }

    /**
     * Art. 35 (A7, A12): the applicant explained and the reasons hold, so the office sets a longer period and notifies
     * it; without an explanation on record there is nothing to weigh.
     */
    public void setReasonablePeriod(int extraWorkingDays, String reason, Actor actor, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("reasonable-period-office-only", "延长合理期限（条例第三十五条）由政务公开办公室决定。");
        }
        requireReceivedAndOpen();
        if (reasonsRequest == null || !reasonsRequest.isExplained()) {
            throw DomainException.conflict("reasons-required",
                    "确定延长的合理期限前，须先要求申请人说明理由并登记其说明（条例第三十五条）。");
        }
        if (reasonablePeriod != null) {
            throw DomainException.conflict("reasonable-period-already-set", "该申请已确定过延长的合理期限。");
        }
        if (extraWorkingDays < 1 || extraWorkingDays > MAX_REASONABLE_PERIOD_WORKING_DAYS) {
            throw DomainException.invalid("reasonable-period-invalid", "延长的合理期限须为 1 至 "
                    + MAX_REASONABLE_PERIOD_WORKING_DAYS + " 个工作日。").with("field", "extraWorkingDays");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "请说明申请数量或频次明显超过合理范围的理由。").with("field", "reason");
        }
        reasonablePeriod = new ReasonablePeriod(today, extraWorkingDays, reason.strip(), actor.username());
        recomputeDue(calendar);
        changes.audit(actor, now, "reasonable-period-set", extraWorkingDays + " " + reason.strip());
        changes.announce(new ApplicationReasonablePeriodSet(id, section, today, extraWorkingDays, dueOn, now), now);
    }

    /** Art. 42 (A7): an information-processing fee; the clock pauses until it is paid. */
    public void chargeFee(int amountFen, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.IN_PROGRESS, "收取信息处理费");
        if (fee != null) {
            throw DomainException.conflict("fee-already-charged", "该申请已发出过收费通知。");
        }
        if (amountFen < 1 || amountFen > MAX_FEE_FEN) {
            throw DomainException.invalid("fee-amount-invalid", "收费金额须为 1 分至 100 万元。").with("field", "amountFen");
        }
        LocalDate payBy = calendar.addWorkingDays(today, FEE_PAYMENT_WORKING_DAYS).due();
        fee = new Fee(amountFen, today, payBy, null, actor.username());
        pauses.add(new ClockPause("fee", today, null));
        state = ApplicationState.AWAITING_FEE;
        changes.audit(actor, now, "fee-charged", amountFen + " fen, pay by " + payBy);
        changes.announce(new ApplicationFeeCharged(id, section, amountFen, today, payBy, now), now);
    }

    public void recordFeePaid(LocalDate paidOn, Actor actor, WorkingCalendar calendar, LocalDate today, Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.AWAITING_FEE, "登记缴费");
        LocalDate on = paidOn == null ? today : paidOn;
        RecordedDates.require(on, today, "缴费");
        if (on.isBefore(fee.notifiedOn())) {
            throw DomainException.invalid("paid-before-notice", "缴费日期不能早于收费通知之日。").with("field", "paidOn");
        }
        if (on.isAfter(fee.payBy())) {
            throw DomainException.invalid("fee-overdue", "缴费期限已于 " + fee.payBy() + " 届满。").with("field", "paidOn");
        }
        fee = fee.paid(on);
        endPause(on);
        state = ApplicationState.IN_PROGRESS;
        recomputeDue(calendar);
        changes.audit(actor, now, "fee-paid", String.valueOf(on));
        changes.announce(new ApplicationFeePaid(id, section, fee.amountFen(), on, dueOn, now), now);
    }

    /** O4 for replies (A9): what a reply would disclose goes to the confidentiality officer first. */
    public void requestClearance(String outcome, String note, Actor actor, Instant now) {
        requireResponsible(actor);
        requireState(ApplicationState.IN_PROGRESS, "提请保密审查");
        if (!disclosing(outcome, null)) {
            throw DomainException.invalid("clearance-not-needed", "只有予以公开或部分公开的答复需要保密审查。").with("field", "outcome");
        }
        if (clearance != null && clearance.isPending()) {
            throw DomainException.conflict("clearance-pending", "该答复已在保密审查中。");
        }
        clearance = ConfidentialityClearance.opened("依申请公开答复拟" + ApplicationVocabulary.OUTCOMES.get(outcome)
                + (note == null || note.isBlank() ? "" : "：" + note.strip()), now);
        clearanceFor = outcome;
        changes.audit(actor, now, "confidentiality-clearance-opened", outcome);
    }

    /** Only the confidentiality officer closes the clearance: cleared or refused, with the authority's ruling if any. */
    public void decideClearance(boolean cleared, String note, AuthorityRuling ruling, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.CONFIDENTIALITY_OFFICER)) {
            throw DomainException.forbidden("wrong-reviewer", "保密审查由保密审查员办理。");
        }
        if (clearance == null || !clearance.isPending()) {
            throw DomainException.conflict("no-clearance-pending", "该申请没有待保密审查的答复。");
        }
        if (!cleared && (note == null || note.isBlank())) {
            throw DomainException.invalid("reason-required", "不同意公开须说明理由。").with("field", "note");
        }
        if (ruling != null) {
            RecordedDates.require(ruling.decidedOn(), now.atZone(WorkingCalendar.CHINA).toLocalDate(), "主管部门决定");
        }
        ConfidentialityClearance.Outcome outcome = cleared ? ConfidentialityClearance.Outcome.CLEARED : ConfidentialityClearance.Outcome.REFUSED;
        clearance = clearance.decided(outcome, actor.username(), now, ruling);
        changes.audit(actor, now, "confidentiality-clearance-" + outcome.name().toLowerCase(), note);
    }

    /**
     * The reply (art. 36–39, A8): exactly an outcome and reason of the annual report's vocabulary; every reply that does
     * not disclose cites its legal basis; a reply that discloses leaves only after the confidentiality officer
     * cleared it. {@code onTime} compares the answer date with the due date.
     */
    public void answer(String outcome, String reason, String text, String legalBasis, String location, LocalDate answeredOn,
            Actor actor, LocalDate today, Instant now) {
        requireResponsible(actor);
        if (!ApplicationVocabulary.isOutcome(outcome, reason)) {
            throw DomainException.invalid("unknown-outcome", "答复结果“" + outcome + (reason == null ? "" : "/" + reason)
                    + "”不在年度报告的办理结果之列。").with("field", reason == null ? "outcome" : "reason")
                    .with("knownOutcomes", ApplicationVocabulary.OUTCOMES.keySet())
                    .with("knownReasons", ApplicationVocabulary.REASONS.keySet());
        }
        if ("OTHER".equals(outcome)) {
            throw DomainException.invalid("closure-not-reply", "“其他处理”不是答复：逾期不补正、逾期未缴费由系统终止，其他情形请办理终止。")
                    .with("field", "outcome");
        }
        if ("NOT_HANDLED".equals(outcome) && "UNREASONABLE_VOLUME".equals(reason)) {
            requireUnreasonableVolumeWeighed(actor, answeredOn == null ? today : answeredOn);
        }
        requireState(ApplicationState.IN_PROGRESS, "答复");
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("reply-text-required", "请填写答复内容。").with("field", "text");
        }
        // what is not disclosed is refused on a legal basis; a disclosure (also of what is already public) needs none
        if (!"DISCLOSED".equals(outcome) && (legalBasis == null || legalBasis.isBlank())) {
            throw DomainException.invalid("reply-legal-basis-required", "答复须引用法律依据（条例或其他法律、行政法规的条款）。").with("field", "legalBasis");
        }
        if ("ALREADY_DISCLOSED".equals(reason) && (location == null || location.isBlank())) {
            throw DomainException.invalid("location-required", "已主动公开的，请告知获取该信息的方式和途径。").with("field", "location");
        }
        if (disclosing(outcome, reason)) {
            boolean cleared = clearance != null && clearance.isCleared()
                    && ("PARTLY_DISCLOSED".equals(outcome) || "DISCLOSED".equals(clearanceFor));
            if (!cleared) {
                throw DomainException.conflict("reply-clearance-required",
                        "予以公开或部分公开的答复，须经保密审查员审查同意后方可发出。");
            }
        }
        LocalDate on = answeredOn == null ? today : answeredOn;
        RecordedDates.require(on, today, "答复");
        if (on.isBefore(clockStart)) {
            throw DomainException.invalid("answer-before-receipt", "答复日期不能早于收到申请（或补正）之日。").with("field", "answeredOn");
        }
        // the on-time measure must not be a matter of choice: only the office records an answer after the fact
        if (on.isBefore(today) && !actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("backdating-requires-office", "补录以前日期的答复，只能由政务公开办公室办理。");
        }
        boolean onTime = !on.isAfter(dueOn);
        reply = new Reply(outcome, reason, text.strip(), legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip(),
                location == null || location.isBlank() ? null : location.strip(), on, dueOn, onTime, actor.username());
        state = ApplicationState.ANSWERED;
        changes.audit(actor, now, "answered", outcome + (reason == null ? "" : "/" + reason));
        changes.announce(new ApplicationAnswered(id, section, applicant.type(), receipt.receivedOn(), on, dueOn, onTime,
                outcome, reason, now), now);
    }

    /** Ended by staff for another reason (其他处理 — 其他), e.g. the applicant withdrew. */
    public void close(String note, Actor actor, LocalDate today, Instant now) {
        requireResponsible(actor);
        requireReceivedAndOpen();
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("reason-required", "终止办理须说明理由。").with("field", "note");
        }
        closeAs("OTHER", note.strip(), actor, today, now);
    }

    /**
     * The watch (A4, A7): no supplement by its due date → treated as abandoned; fee unpaid by its date → not handled
     * further. Both count as 其他处理. Returns whether it closed the application now.
     */
    public boolean closeIfAbandoned(LocalDate today, Instant now) {
        if (state == ApplicationState.AWAITING_SUPPLEMENT && today.isAfter(supplement.supplementDueOn())) {
            closeAs("SUPPLEMENT_OVERDUE", "补正期限 " + supplement.supplementDueOn() + " 届满", Actor.system("application-watch"), today, now);
            return true;
        }
        if (state == ApplicationState.AWAITING_FEE && today.isAfter(fee.payBy())) {
            closeAs("FEE_UNPAID", "缴费期限 " + fee.payBy() + " 届满", Actor.system("application-watch"), today, now);
            return true;
        }
        return false;
    }

    /** Announces, once per clock, that the due date passed without a reply (A11). Returns whether it announced now. */
    public boolean announceOverdue(LocalDate today, Instant now) {
        if (state != ApplicationState.IN_PROGRESS || Boolean.TRUE.equals(overdueAnnounced) || !today.isAfter(dueOn)) {
            return false;
        }
        overdueAnnounced = true;
        changes.audit(Actor.system("application-watch"), now, "answer-overdue", "due " + dueOn);
        changes.announce(new ApplicationOverdue(id, section, dueOn, now), now);
        return true;
    }

    /** Recomputes the due date against new calendar data; returns whether it moved. */
    public boolean recomputeDeadline(WorkingCalendar calendar) {
        if (clockStart == null || state.isDone()) {
            return false;
        }
        LocalDate before = dueOn;
        Boolean confirmedBefore = dueConfirmed;
        recomputeDue(calendar);
        return !dueOn.equals(before) || !dueConfirmed.equals(confirmedBefore);
    }

    /** Working days from today to the due date (0 on the due date, negative once overdue); null while the clock stands. */
    public Integer workingDaysLeft(WorkingCalendar calendar, LocalDate today) {
        if (state != ApplicationState.IN_PROGRESS) {
            return null;
        }
        return today.isAfter(dueOn) ? -workingDaysBetween(calendar, dueOn, today) : workingDaysBetween(calendar, today, dueOn);
    }

    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || (section != null && actor.belongsTo(section));
    }

    /**
     * Art. 35 (A12): refusing to handle for unreasonable volume is the office's decision, after the applicant was asked
     * for reasons and either explained (and the reasons did not hold) or let the period pass.
     */
    private void requireUnreasonableVolumeWeighed(Actor actor, LocalDate on) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("unreasonable-volume-office-only", "以申请数量、频次明显超过合理范围为由不予处理，由政务公开办公室决定（条例第三十五条）。");
        }
        if (reasonsRequest == null) {
            throw DomainException.conflict("reasons-required", "以此为由不予处理前，须先要求申请人说明理由（条例第三十五条）。");
        }
        if (!reasonsRequest.isExplained() && !on.isAfter(reasonsRequest.explainBy())) {
            throw DomainException.conflict("reasons-pending", "申请人说明理由的期限（至 " + reasonsRequest.explainBy()
                    + "）尚未届满，也未登记其说明。").with("explainBy", reasonsRequest.explainBy().toString());
        }
    }

    public boolean isOverdueOn(LocalDate today) {
        return state == ApplicationState.IN_PROGRESS && today.isAfter(dueOn);
    }

    private void closeAs(String reason, String note, Actor actor, LocalDate today, Instant now) {
        if (state.isPaused() && !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null) {
            endPause(today);
        }
        closure = new Closure("OTHER", reason, note, today, actor.username());
        state = ApplicationState.CLOSED;
        changes.audit(actor, now, "closed", "OTHER/" + reason);
        changes.announce(new ApplicationClosed(id, section, applicant.type(), receipt.receivedOn(), today, "OTHER", reason, now), now);
    }

    /**
     * Due = the 20th working day after the clock's start, plus the extension, the art. 35 period and every working day
     * paused since that start (a pause counts the working days after its first day up to and including its last).
     */
    private void recomputeDue(WorkingCalendar calendar) {
        int paused = pauses.stream()
                .filter(p -> p.to() != null && !p.from().isBefore(clockStart))
                .mapToInt(p -> workingDaysBetween(calendar, p.from(), p.to()))
                .sum();
        int days = ANSWER_WORKING_DAYS + (extension == null ? 0 : extension.extraWorkingDays())
                + (reasonablePeriod == null ? 0 : reasonablePeriod.extraWorkingDays()) + paused;
        Deadline deadline = calendar.addWorkingDays(clockStart, days);
        dueOn = deadline.due();
        dueConfirmed = deadline.confirmed();
    }

    private void endPause(LocalDate on) {
        ClockPause open = pauses.get(pauses.size() - 1);
        pauses.set(pauses.size() - 1, new ClockPause(open.cause(), open.from(), on));
    }

    /** Working days after {@code from} up to and including {@code to}. */
    static int workingDaysBetween(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean disclosing(String outcome, String reason) {
        return ("DISCLOSED".equals(outcome) && reason == null) || "PARTLY_DISCLOSED".equals(outcome);
    }

    private void requireResponsible(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE) && !(actor.hasRole(Actor.SECTION_STAFF) && actor.belongsTo(section))) {
            throw DomainException.forbidden("not-your-section", "只有承办股室或政务公开办公室可以办理该申请。");
        }
    }

    private void requireState(ApplicationState expected, String what) {
        if (state != expected) {
            throw DomainException.conflict("wrong-application-state", "申请当前为“" + state.label() + "”，不能" + what + "。")
                    .with("state", state.name());
        }
    }

    private void requireOpen() {
        if (state.isDone()) {
            throw DomainException.conflict("application-done", "该申请已办结（" + state.label() + "）。");
        }
    }

    private void requireReceivedAndOpen() {
        requireOpen();
        if (state == ApplicationState.AWAITING_RECEIPT) {
            throw DomainException.conflict("receipt-required", "请先确认收到申请之日。");
        }
    }

    public String id() { return id; }
    public String queryCode() { return queryCode; }
    public String submissionKey() { return submissionKey; }
    public String contentHash() { return contentHash; }
    public String channel() { return channel; }
    public String section() { return section; }
    public Applicant applicant() { return applicant; }
    public InformationSought sought() { return sought; }
    public FormWanted form() { return form; }
    public Instant submittedAt() { return submittedAt; }
    public String enteredBy() { return enteredBy; }
    public ApplicationState state() { return state; }
    public Receipt receipt() { return receipt; }
    public LocalDate clockStart() { return clockStart; }
    /** The due date; while the clock stands still it is the date before the pause is added. */
    public LocalDate dueOn() { return dueOn; }
    public boolean dueConfirmed() { return Boolean.TRUE.equals(dueConfirmed); }
    public SupplementNotice supplement() { return supplement; }
    public List<Consultation> consultations() { return List.copyOf(consultations); }
    public List<ClockPause> pauses() { return List.copyOf(pauses); }
    public Extension extension() { return extension; }
    public ReasonsRequest reasonsRequest() { return reasonsRequest; }
    public ReasonablePeriod reasonablePeriod() { return reasonablePeriod; }
    public Fee fee() { return fee; }
    public ConfidentialityClearance clearance() { return clearance; }
    public String clearanceFor() { return clearanceFor; }
    public Reply reply() { return reply; }
    public Closure closure() { return closure; }
    public boolean overdueAnnounced() { return Boolean.TRUE.equals(overdueAnnounced); }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
