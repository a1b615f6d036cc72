package org.gongkai.publication.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.gongkai.publication.access.PublicationAccessRules.ConfidentialityOfficerOnly;
import org.gongkai.publication.document.AuthorityRuling;
import org.gongkai.publication.document.ConfidentialityClearance;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.organisation.Sections;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.security.AccessRules.SectionStaffOrOffice;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff routes of on-request disclosure. The office sees and routes every application; a section sees only those routed
 * to it (another section's answer 404). Roles and sections are checked by the domain.
 */
@Tag(name = "依申请公开办理", description = "工作人员办理政府信息公开申请：录入信函、当面、传真申请，分办，确认收到日期，告知补正，征求第三方或其他机关意见，延长答复期限，收取信息处理费，保密审查，答复和终止，以及答复期限一览。需登录；政务公开办公室可见全部申请，股室只见分办给本股室的申请。")
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final ApplicationService service;
    private final Sections sections;

    ApplicationController(ApplicationService service, Sections sections) {
        this.service = service;
        this.sections = sections;
    }

    record OfflineRequest(
            @NotBlank @Size(max = 20) String channel,
            @Size(max = 60) String section,
            @Valid @NotNull PublicApplicationController.ApplicationRequest application,
            LocalDate receivedOn,
            ReceiptBasis receiptBasis) {
    }

    record RoutingRequest(@NotBlank @Size(max = 60) String section) {
    }

    record ReceiptRequest(@NotNull LocalDate receivedOn, @NotNull ReceiptBasis basis) {
    }

    record SupplementRequest(@NotBlank @Size(max = 2000) String missing,
            @Min(1) @Max(Application.MAX_SUPPLEMENT_PERIOD_WORKING_DAYS) int periodWorkingDays) {
    }

    record SupplementArrival(LocalDate receivedOn) {
    }

    record ConsultationRequest(@NotNull Consultee consultee, @Size(max = 2000) String note) {
    }

    record ConsultationEnd(LocalDate endedOn, boolean consulteeAnswered) {
    }

    record ExtensionRequest(@Min(1) @Max(60) int extraWorkingDays, @NotBlank @Size(max = 2000) String reason) {
    }

    /** Named apart from {@code Application.ReasonsRequest}: OpenAPI schemas go by simple name. */
    record AskForReasons(@NotBlank @Size(max = 2000) String question,
            @Min(1) @Max(Application.MAX_REASONS_PERIOD_WORKING_DAYS) int periodWorkingDays) {
    }

    record ReasonsExplained(@NotBlank @Size(max = 5000) String explanation, LocalDate explainedOn) {
    }

    record FeeRequest(@Min(1) @Max(Application.MAX_FEE_FEN) int amountFen) {
    }

    record PaymentRequest(LocalDate paidOn) {
    }

    record ClearanceRequest(@NotBlank @Size(max = 20) String outcome, @Size(max = 2000) String note) {
    }

    record AuthorityRulingRequest(@NotBlank @Size(max = 100) String authority, @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 100) String reference) {
    }

    record ClearanceDecision(boolean cleared, @Size(max = 2000) String note, @Valid AuthorityRulingRequest authorityRuling) {
        AuthorityRuling ruling() {
            return authorityRuling == null ? null
                    : new AuthorityRuling(authorityRuling.authority(), authorityRuling.decidedOn(), authorityRuling.reference());
        }
    }

    record ReplyRequest(@NotBlank @Size(max = 20) String outcome, @Size(max = 40) String reason,
            @NotBlank @Size(max = 20_000) String text, @Size(max = 1000) String legalBasis, @Size(max = 500) String location,
            LocalDate answeredOn) {
    }

    record ClosureRequest(@NotBlank @Size(max = 2000) String note) {
    }

    record ApplicationView(String id, String queryCode, String channel, String channelLabel, String section, String sectionLabel,
            Applicant applicant, InformationSought sought, FormWanted form, Instant submittedAt, String enteredBy,
            ApplicationState state, String stateLabel, Application.Receipt receipt, LocalDate clockStart, boolean clockRunning,
            LocalDate dueOn, boolean dueConfirmed, Integer workingDaysLeft, boolean overdue,
            Application.SupplementNotice supplement, List<Application.Consultation> consultations, List<Application.ClockPause> pauses,
            Application.Extension extension, Application.ReasonsRequest reasonsRequest, Application.ReasonablePeriod reasonablePeriod,
            Application.Fee fee, ConfidentialityClearance clearance, String clearanceFor, Application.Reply reply, Application.Closure closure,
            List<AuditEntry> audit) {
    }

    /** One row of the deadline board: what the clock says, without the applicant. */
    record BoardEntry(String id, String section, String sectionLabel, String channel, String channelLabel, String applicantType,
            String applicantTypeLabel, String title, LocalDate receivedOn, LocalDate clockStart, LocalDate dueOn, boolean dueConfirmed,
            Integer workingDaysLeft, boolean overdue, boolean extended) {
    }

    @Operation(summary = "录入线下申请",
            description = "工作人员录入以信函（LETTER）、当面（IN_PERSON）或传真（FAX）提交的申请，记录渠道。股室录入本股室办理的申请，政务公开办公室可指定股室或暂不分办。"
                    + "填写收到日期 receivedOn 及其依据 receiptBasis 的即时确认收到（当面提交必须填写，依据为 SUBMITTED_IN_PERSON）；返回的查询码交申请人凭以查询。"
                    + "申请人姓名不超过 100 字、身份证明不超过 100 字、描述不超过 2000 字。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    ApplicationView enter(@Valid @RequestBody OfflineRequest r, @AuthenticationPrincipal Actor actor) {
        return view(service.enterOffline(r.channel(), r.section(), r.application().toSubmission(), r.receivedOn(), r.receiptBasis(),
                actor));
    }

    @Operation(summary = "查看申请列表",
            description = "分页列出当前用户可见的申请，最近提交的在前；可按状态 state 筛选（AWAITING_RECEIPT、IN_PROGRESS、AWAITING_SUPPLEMENT、CONSULTING、AWAITING_FEE、ANSWERED、CLOSED）。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<ApplicationView> list(@RequestParam(name = "state", required = false) ApplicationState state,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(service.list(state, actor, page, size), this::view);
    }

    @Operation(summary = "查看申请答复期限",
            description = "分页列出正在计时的申请，答复期限最早的在前，附剩余工作日（当天到期为 0，逾期为负数）。暂停计时（待补正、征求意见、待缴费）的不在其中。page 从 0 开始，size 最多 100。")
    @GetMapping("/deadline-board")
    @SignedIn
    PageView<BoardEntry> deadlineBoard(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        LocalDate today = service.today();
        return PageView.of(service.deadlineBoard(actor, page, size), a -> new BoardEntry(a.id(), a.section(), sections.label(a.section()),
                a.channel(), ApplicationVocabulary.CHANNELS.get(a.channel()), a.applicant().type(), a.applicant().typeLabel(),
                a.sought().title(), a.receipt().receivedOn(), a.clockStart(), a.dueOn(), a.dueConfirmed(),
                a.workingDaysLeft(service.calendar(), today), a.isOverdueOn(today), a.extension() != null));
    }

    @Operation(summary = "查看一份申请",
            description = "查看申请的申请人、所需信息、收到日期、答复期限及剩余工作日、补正、征求意见、延期、收费、保密审查、答复和操作记录。")
    @GetMapping("/{id}")
    @SignedIn
    ApplicationView get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return view(service.get(id, actor));
    }

    @Operation(summary = "分办申请",
            description = "政务公开办公室将申请分办到掌握该信息的股室；办结前可改分。")
    @PostMapping("/{id}/routing")
    @OfficeOnly
    ApplicationView route(@PathVariable String id, @Valid @RequestBody RoutingRequest r, @AuthenticationPrincipal Actor actor) {
        return view(service.route(id, r.section(), actor));
    }

    @Operation(summary = "确认收到申请",
            description = "按条例第三十一条确认收到申请之日并记录确认人：当面提交为提交之日（SUBMITTED_IN_PERSON），邮寄为签收之日（SIGNED_FOR）或平常信函与申请人确认之日（CONFIRMED_WITH_APPLICANT），网上和传真为双方确认之日（BOTH_CONFIRMED）。自该日起计算 20 个工作日的答复期限。")
    @PostMapping("/{id}/receipt")
    @SectionStaffOrOffice
    ApplicationView confirmReceipt(@PathVariable String id, @Valid @RequestBody ReceiptRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.confirmReceipt(id, r.receivedOn(), r.basis(), actor));
    }

    @Operation(summary = "告知补正",
            description = "申请内容不明确的，自收到申请之日起 7 个工作日内一次性告知补正，写明需要补正的事项和补正期限（1 至 30 个工作日）。只能告知一次；逾期告知的不予受理。期限内未补正的，系统按“逾期不补正”终止。")
    @PostMapping("/{id}/supplement-request")
    @SectionStaffOrOffice
    ApplicationView requestSupplement(@PathVariable String id, @Valid @RequestBody SupplementRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.requestSupplement(id, r.missing(), r.periodWorkingDays(), actor));
    }

    @Operation(summary = "登记收到补正",
            description = "登记收到补正后申请的日期（不填为今天，不能晚于补正期限）；答复期限自该日起重新计算 20 个工作日。")
    @PostMapping("/{id}/supplement")
    @SectionStaffOrOffice
    ApplicationView recordSupplement(@PathVariable String id, @Valid @RequestBody(required = false) SupplementArrival r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.recordSupplement(id, r == null ? null : r.receivedOn(), actor));
    }

    @Operation(summary = "开始征求意见",
            description = "征求第三方（THIRD_PARTY，第三方有 15 个工作日答复）或其他机关（AGENCY）意见，自今天起暂停计算答复期限。")
    @PostMapping("/{id}/consultations")
    @SectionStaffOrOffice
    ApplicationView startConsultation(@PathVariable String id, @Valid @RequestBody ConsultationRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.startConsultation(id, r.consultee(), r.note(), actor));
    }

    @Operation(summary = "结束征求意见",
            description = "登记收到答复的日期（不填为今天）；第三方 15 个工作日期满未答复的，期满后登记未答复（consulteeAnswered 为 false）由本机关决定。恢复计时，答复期限顺延暂停的工作日数。")
    @PostMapping("/{id}/consultations/current/end")
    @SectionStaffOrOffice
    ApplicationView endConsultation(@PathVariable String id, @Valid @RequestBody(required = false) ConsultationEnd r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.endConsultation(id, r == null ? null : r.endedOn(), r != null && r.consulteeAnswered(), actor));
    }

    @Operation(summary = "延长答复期限",
            description = "经政务公开工作机构负责人同意，由政务公开办公室延长答复期限一次，最长 20 个工作日，须写明理由并告知申请人。其他角色无权延长。")
    @PostMapping("/{id}/extension")
    @OfficeOnly
    ApplicationView extend(@PathVariable String id, @Valid @RequestBody ExtensionRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.extend(id, r.extraWorkingDays(), r.reason(), actor));
    }

    @Operation(summary = "要求申请人说明理由",
            description = "申请数量、频次明显超过合理范围的（条例第三十五条），政务公开办公室可要求申请人在 1 至 15 个工作日内说明理由，写明需说明的事项；只能要求一次。答复期限照常计算。")
    @PostMapping("/{id}/reasons-request")
    @OfficeOnly
    ApplicationView requestReasons(@PathVariable String id, @Valid @RequestBody AskForReasons r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.requestReasons(id, r.question(), r.periodWorkingDays(), actor));
    }

    @Operation(summary = "登记申请人的说明",
            description = "登记申请人对数量、频次作出的说明及收到之日（默认今天，不早于要求说明之日）。理由合理的，可确定延长的合理期限；理由不合理或逾期未说明的，可以“无正当理由大量反复申请”不予处理。")
    @PostMapping("/{id}/reasons")
    @OfficeOnly
    ApplicationView recordReasons(@PathVariable String id, @Valid @RequestBody ReasonsExplained r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.recordReasons(id, r.explainedOn(), r.explanation(), actor));
    }

    @Operation(summary = "确定延长的合理期限",
            description = "申请人说明了理由且理由合理的（条例第三十五条），政务公开办公室可确定延长的合理期限（1 至 60 个工作日）并告知申请人，须写明理由；须先登记申请人的说明。")
    @PostMapping("/{id}/reasonable-period")
    @OfficeOnly
    ApplicationView reasonablePeriod(@PathVariable String id, @Valid @RequestBody ExtensionRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.setReasonablePeriod(id, r.extraWorkingDays(), r.reason(), actor));
    }

    @Operation(summary = "发出收费通知",
            description = "按条例第四十二条收取信息处理费：金额以分为单位；缴费期限为通知之日起 20 个工作日。自今天起暂停计时，逾期未缴费的系统按“逾期未缴纳信息处理费”终止。")
    @PostMapping("/{id}/fee")
    @SectionStaffOrOffice
    ApplicationView chargeFee(@PathVariable String id, @Valid @RequestBody FeeRequest r, @AuthenticationPrincipal Actor actor) {
        return view(service.chargeFee(id, r.amountFen(), actor));
    }

    @Operation(summary = "登记缴费",
            description = "登记申请人缴费的日期（不填为今天，不能晚于缴费期限）；恢复计时，答复期限顺延暂停的工作日数。")
    @PostMapping("/{id}/fee-payment")
    @SectionStaffOrOffice
    ApplicationView recordFeePaid(@PathVariable String id, @Valid @RequestBody(required = false) PaymentRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.recordFeePaid(id, r == null ? null : r.paidOn(), actor));
    }

    @Operation(summary = "提请保密审查",
            description = "拟予以公开（DISCLOSED）或部分公开（PARTLY_DISCLOSED）的答复，发出前提请保密审查员审查，说明拟公开的内容。")
    @PostMapping("/{id}/clearance-request")
    @SectionStaffOrOffice
    ApplicationView requestClearance(@PathVariable String id, @Valid @RequestBody ClearanceRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.requestClearance(id, r.outcome(), r.note(), actor));
    }

    @Operation(summary = "作出保密审查决定",
            description = "保密审查员对拟公开的答复作出决定：同意（cleared 为 true）或不同意（须说明理由）；报有权机关确定的，登记其名称、决定日期和文号。其他角色无权审查。")
    @PostMapping("/{id}/clearance")
    @ConfidentialityOfficerOnly
    ApplicationView decideClearance(@PathVariable String id, @Valid @RequestBody ClearanceDecision r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.decideClearance(id, r.cleared(), r.note(), r.ruling(), actor));
    }

    @Operation(summary = "答复申请",
            description = "按年度报告的办理结果答复：outcome 为 DISCLOSED、PARTLY_DISCLOSED、NOT_DISCLOSED、CANNOT_PROVIDE 或 NOT_HANDLED，reason 为其下的理由（予以公开、部分公开不填；已主动公开的填 ALREADY_DISCLOSED 并写明获取途径 location）。"
                    + "除予以公开外，均须引用法律依据 legalBasis。予以公开、部分公开须先经保密审查同意。答复日期不填为今天，补录以前日期的只能由政务公开办公室办理。")
    @PostMapping("/{id}/reply")
    @SectionStaffOrOffice
    ApplicationView answer(@PathVariable String id, @Valid @RequestBody ReplyRequest r, @AuthenticationPrincipal Actor actor) {
        return view(service.answer(id, r.outcome(), r.reason(), r.text(), r.legalBasis(), r.location(), r.answeredOn(), actor));
    }

    @Operation(summary = "终止办理",
            description = "因其他原因（如申请人撤回）终止办理，计为“其他处理—其他”，须说明理由。逾期不补正、逾期未缴费由系统自动终止。")
    @PostMapping("/{id}/closure")
    @SectionStaffOrOffice
    ApplicationView close(@PathVariable String id, @Valid @RequestBody ClosureRequest r, @AuthenticationPrincipal Actor actor) {
        return view(service.close(id, r.note(), actor));
    }

    private ApplicationView view(Application a) {
        LocalDate today = service.today();
        boolean running = a.state() == ApplicationState.IN_PROGRESS;
        return new ApplicationView(a.id(), a.queryCode(), a.channel(), ApplicationVocabulary.CHANNELS.get(a.channel()), a.section(),
                a.section() == null ? null : sections.label(a.section()), a.applicant(), a.sought(), a.form(), a.submittedAt(),
                a.enteredBy(), a.state(), a.state().label(), a.receipt(), a.clockStart(), running, a.dueOn(), a.dueConfirmed(),
                a.workingDaysLeft(service.calendar(), today), a.isOverdueOn(today), a.supplement(), a.consultations(), a.pauses(),
                a.extension(), a.reasonsRequest(), a.reasonablePeriod(), a.fee(), a.clearance(), a.clearanceFor(), a.reply(), a.closure(), a.audit());
    }
}
