package org.gongkai.publication.application;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's side (A1, A10): the online form (the gateway lets it through without a token, at most 16 KB) and the
 * lookup by query code. No answer from here carries the applicant's name, identity document or contact.
 */
@Tag(name = "政府信息公开申请", description = "公众无需登录即可在网上提交政府信息公开申请，凭查询码查看办理状态、答复期限和答复内容。查询结果不含申请人姓名、身份证明和联系方式。")
@RestController
@RequestMapping("/api/public/applications")
class PublicApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final ApplicationService service;

    PublicApplicationController(ApplicationService service) {
        this.service = service;
    }

    /** The art. 29 form, shared with staff entry of offline applications. */
    record ApplicationRequest(
            @NotBlank @Size(max = 40) String applicantType,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String identityDocument,
            @Size(max = 40) String phone,
            @Size(max = 254) String email,
            @Size(max = 300) String postalAddress,
            @Size(max = 200) String title,
            @Size(max = 60) String documentNumber,
            @Size(max = 2000) String description,
            @NotNull FormWanted.Medium medium,
            @NotNull FormWanted.Delivery delivery) {

        Submission toSubmission() {
            return new Submission(applicantType, name, identityDocument, phone, email, postalAddress, title, documentNumber,
                    description, medium, delivery);
        }
    }

    /** All an applicant gets back: the query code to look the application up later. */
    record QueryCodeResponse(String queryCode, Instant submittedAt, String statusUrl) {
        static QueryCodeResponse of(Application a) {
            return new QueryCodeResponse(a.queryCode(), a.submittedAt(), "/api/public/applications/" + a.queryCode());
        }
    }

    record PublicSupplement(LocalDate requestedOn, String missing, LocalDate supplementDueOn, LocalDate receivedOn) {
    }

    record PublicExtension(LocalDate extendedOn, int extraWorkingDays, String reason) {
    }

    record PublicReasonablePeriod(LocalDate notifiedOn, int extraWorkingDays, String reason) {
    }

    record PublicFee(int amountFen, LocalDate notifiedOn, LocalDate payBy, LocalDate paidOn) {
    }

    /** Art. 35: what the applicant is asked to explain and by when; their explanation itself is not echoed back. */
    record PublicReasonsRequest(LocalDate requestedOn, String question, LocalDate explainBy, LocalDate explainedOn) {
    }

    record PublicReply(String outcome, String outcomeLabel, String reason, String reasonLabel, String text, String legalBasis,
            String location, LocalDate answeredOn) {
    }

    record PublicClosure(String outcome, String reason, String reasonLabel, LocalDate closedOn) {
    }

    /** The state of an application as its applicant sees it; nothing personal, nothing about who inside handled it. */
    record ApplicationStatus(String queryCode, String channel, String channelLabel, String state, String stateLabel,
            Instant submittedAt, LocalDate receivedOn, boolean clockPaused, LocalDate dueOn, boolean dueConfirmed,
            PublicSupplement supplement, PublicExtension extension, PublicReasonsRequest reasonsRequest, PublicReasonablePeriod reasonablePeriod,
            PublicFee fee, PublicReply reply, PublicClosure closure) {

        static ApplicationStatus of(Application a) {
            Application.SupplementNotice s = a.supplement();
            Application.Extension e = a.extension();
            Application.ReasonsRequest q = a.reasonsRequest();
            Application.Fee f = a.fee();
            Application.Reply r = a.reply();
            Application.Closure c = a.closure();
            return new ApplicationStatus(a.queryCode(), a.channel(), ApplicationVocabulary.CHANNELS.get(a.channel()),
                    a.state().name(), a.state().label(), a.submittedAt(), a.receipt() == null ? null : a.receipt().receivedOn(),
                    a.state().isPaused(), a.state() == ApplicationState.IN_PROGRESS || a.state().isDone() ? a.dueOn() : null,
                    a.dueConfirmed(),
                    s == null ? null : new PublicSupplement(s.requestedOn(), s.missing(), s.supplementDueOn(), s.receivedOn()),
                    e == null ? null : new PublicExtension(e.extendedOn(), e.extraWorkingDays(), e.reason()),
                    q == null ? null : new PublicReasonsRequest(q.requestedOn(), q.question(), q.explainBy(), q.explainedOn()),
                    a.reasonablePeriod() == null ? null : new PublicReasonablePeriod(a.reasonablePeriod().notifiedOn(),
                            a.reasonablePeriod().extraWorkingDays(), a.reasonablePeriod().reason()),
                    f == null ? null : new PublicFee(f.amountFen(), f.notifiedOn(), f.payBy(), f.paidOn()),
                    r == null ? null : new PublicReply(r.outcome(), r.outcomeLabel(), r.reason(), r.reasonLabel(), r.text(),
                            r.legalBasis(), r.location(), r.answeredOn()),
                    c == null ? null : new PublicClosure(c.outcome(), c.reason(), c.reasonLabel(), c.closedOn()));
        }
    }

    /** 201 with a new query code, or 200 with the same one when this was a retry with the same key. */
    @Operation(summary = "提交政府信息公开申请",
            description = "网上提交申请：申请人类型（NATURAL_PERSON 自然人，COMMERCIAL_ENTERPRISE、RESEARCH_INSTITUTION、SOCIAL_WELFARE_ORGANISATION、LEGAL_SERVICE_INSTITUTION、OTHER_ORGANISATION 法人或其他组织）、姓名或名称（不超过 100 字）、身份证明（不超过 100 字）、至少一种联系方式，"
                    + "所需信息的名称、文号或描述（至少一项，描述不超过 2000 字），提供形式（PAPER 纸质、ELECTRONIC 电子）和获取方式（COLLECTION 自行领取、POST 邮寄、EMAIL 电子邮件、ONLINE 网上获取）。请求不超过 16 KB。"
                    + "成功后返回查询码；收到日期以工作人员与申请人双方确认之日为准。同一请求重发（相同的 Idempotency-Key）返回原来的查询码，不会重复登记。无需登录。")
    @PostMapping
    ResponseEntity<QueryCodeResponse> submit(@Valid @RequestBody ApplicationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        ApplicationService.Submitted submitted = service.submitOnline(request.toSubmission(), idempotencyKey);
        QueryCodeResponse body = QueryCodeResponse.of(submitted.application());
        if (submitted.created()) {
            return ResponseEntity.created(URI.create(body.statusUrl())).body(body);
        }
        return ResponseEntity.status(HttpStatus.OK).header(REPLAYED, "true").body(body);
    }

    @Operation(summary = "凭查询码查询申请",
            description = "凭提交时获得的查询码查看申请的办理状态、收到日期、答复期限（暂停计时期间不显示）、补正告知、延期、延长的合理期限、收费和答复内容。不含申请人姓名、身份证明和联系方式。无需登录。")
    @GetMapping("/{queryCode}")
    ApplicationStatus lookUp(@PathVariable String queryCode) {
        return ApplicationStatus.of(service.byQueryCode(queryCode));
    }

    @Operation(summary = "申请表的选项",
            description = "申请人类型、提交渠道、提供形式、获取方式和答复结果（年度报告表三的办理结果及理由）的代码及中文名称，供申请表和答复页面使用。无需登录。")
    @GetMapping("/vocabulary")
    Map<String, Map<String, String>> vocabulary() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("applicantTypes", ApplicationVocabulary.APPLICANT_TYPES);
        all.put("channels", ApplicationVocabulary.CHANNELS);
        all.put("media", labels(FormWanted.Medium.values(), FormWanted.Medium::label));
        all.put("deliveries", labels(FormWanted.Delivery.values(), FormWanted.Delivery::label));
        all.put("receiptBases", labels(ReceiptBasis.values(), ReceiptBasis::label));
        all.put("states", labels(ApplicationState.values(), ApplicationState::label));
        all.put("outcomes", ApplicationVocabulary.OUTCOMES);
        all.put("reasons", ApplicationVocabulary.REASONS);
        return all;
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, java.util.function.Function<E, String> label) {
        Map<String, String> map = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> map.put(v.name(), label.apply(v)));
        return map;
    }
}
