package org.gongkai.portal.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.CurrentUser;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申请办理台: on-request applications for the disclosure office (all of them, under /portal/office) and for a section
 * (those routed to it, under /portal/staff): the list by state, the deadline board, an application with its legal clock
 * and the steps the service offers, and the entry of an application that came by letter, in person or by fax.
 * Who may do what is the service's decision; its refusal is shown on the page in its own Chinese words.
 */
@Controller
class ApplicationDesk {

    static final ParameterizedTypeReference<ApplicationModels.Page<ApplicationModels.StaffApplication>> LIST = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<ApplicationModels.Page<ApplicationModels.BoardEntry>> BOARD = new ParameterizedTypeReference<>() { };
    static final int PAGE_SIZE = 20;
    /** Sections an application can be routed to (the sections that hold information). */
    static final List<String> SECTIONS = List.of("safety-coordination", "disaster-relief");
    static final List<String> OFFLINE_CHANNELS = List.of("LETTER", "IN_PERSON", "FAX");

    private final Api api;

    ApplicationDesk(Api api) {
        this.api = api;
    }

    @GetMapping({"/portal/staff/applications", "/portal/office/applications"})
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String view,
            @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        int zeroBased = Math.max(0, page - 1);
        model.addAttribute("base", base(request));
        model.addAttribute("vocabulary", vocabulary());
        if ("board".equals(view)) {
            ApplicationModels.Page<ApplicationModels.BoardEntry> board = api.staffGet(Api.Service.PUBLICATION,
                    "/api/applications/deadline-board?page={p}&size={s}", BOARD, zeroBased, PAGE_SIZE);
            model.addAttribute("board", Paged.ofPage(board.items(), board.page(), board.size(), board.total()));
        } else {
            String filter = state != null && state.matches("[A-Z_]{1,30}") ? state : null;
            ApplicationModels.Page<ApplicationModels.StaffApplication> found = filter == null
                    ? api.staffGet(Api.Service.PUBLICATION, "/api/applications?page={p}&size={s}", LIST, zeroBased, PAGE_SIZE)
                    : api.staffGet(Api.Service.PUBLICATION, "/api/applications?state={st}&page={p}&size={s}", LIST, filter, zeroBased, PAGE_SIZE);
            model.addAttribute("state", filter);
            model.addAttribute("applications", Paged.ofPage(found.items(), found.page(), found.size(), found.total()));
        }
        return "application/desk";
    }

    @GetMapping({"/portal/staff/applications/new", "/portal/office/applications/new"})
    String newOffline(HttpServletRequest request, Model model) {
        OfflineForm form = new OfflineForm();
        form.setApplicantType("NATURAL_PERSON");
        form.setChannel("LETTER");
        form.setSubmissionKey(UUID.randomUUID().toString());
        return offlineForm(form, FormErrors.none(), request, model);
    }

    @PostMapping({"/portal/staff/applications", "/portal/office/applications"})
    String enterOffline(@ModelAttribute("form") OfflineForm form, HttpServletRequest request, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = form.check();
        LocalDate receivedOn = null;
        try {
            receivedOn = date(form.getReceivedOn());
        } catch (DateTimeParseException e) {
            errors.field("receivedOn", "日期格式不正确。");
        }
        if (!errors.any()) {
            try {
                ApplicationModels.StaffApplication entered = api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION,
                        "/api/applications", Api.body("channel", form.getChannel(), "section", ApplicationForm.trim(form.getSection()),
                                "application", form.body(), "receivedOn", receivedOn, "receiptBasis", ApplicationForm.trim(form.getReceiptBasis())),
                        ApplicationModels.StaffApplication.class);
                redirect.addFlashAttribute("done", "申请已录入，查询码：" + entered.queryCode() + "（请告知申请人）");
                return "redirect:" + base(request) + "/applications/" + entered.id();
            } catch (ApiProblem problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                errors = withoutPrefix(FormErrors.of(problem), problem);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return offlineForm(form, errors, request, model);
    }

    @GetMapping({"/portal/staff/applications/{id}", "/portal/office/applications/{id}"})
    String application(@PathVariable String id, HttpServletRequest request, Model model) {
        ApplicationModels.StaffApplication application = api.staffGet(Api.Service.PUBLICATION, "/api/applications/{id}",
                ApplicationModels.StaffApplication.class, id);
        ApplicationModels.Vocabulary vocabulary = vocabulary();
        model.addAttribute("base", base(request));
        model.addAttribute("view", application); // "application" names the servlet context in templates
        model.addAttribute("vocabulary", vocabulary);
        model.addAttribute("receiptBases", vocabulary.receiptBasesFor(application.channel()));
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("replyChoices", vocabulary.replyChoices());
        return "application/detail";
    }

    @PostMapping({"/portal/staff/applications/{id}/{step}", "/portal/office/applications/{id}/{step}"})
    String step(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
            HttpServletRequest request, RedirectAttributes redirect) {
        String back = base(request) + "/applications/" + id;
        Step s = Step.of(step);
        if (s == null) {
            redirect.addFlashAttribute("failed", "没有这项操作。");
            return "redirect:" + back;
        }
        Object body;
        try {
            body = s.body(form);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failed", e.getMessage());
            return "redirect:" + back;
        }
        try {
            api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION, "/api/applications/{id}/" + s.path, body,
                    ApplicationModels.StaffApplication.class, id);
            redirect.addFlashAttribute("done", s.done);
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500 || problem.notFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", FormErrors.detailFirst(problem));
        }
        return "redirect:" + back;
    }

    /** The steps of the legal clock: the service's route, the body from the form, and what to tell the user. */
    enum Step {
        ROUTING("routing", "routing", "已分办。", f -> Api.body("section", required(f, "section", "请选择承办股室。"))),
        RECEIPT("receipt", "receipt", "已确认收到申请日期，答复期限自该日起计算。", f -> Api.body(
                "receivedOn", requiredDate(f, "receivedOn", "请填写收到申请日期。"), "basis", required(f, "basis", "请选择确认收到日期的依据。"))),
        SUPPLEMENT_REQUEST("supplement-request", "supplement-request", "已告知补正，计时暂停。", f -> Api.body(
                "missing", required(f, "missing", "请写明需要补正的事项。"),
                "periodWorkingDays", number(f, "periodWorkingDays", "请填写补正期限（工作日数）。"))),
        SUPPLEMENT("supplement", "supplement", "已登记收到补正，答复期限重新计算。", f -> Api.body("receivedOn", optionalDate(f, "receivedOn"))),
        CONSULTATION("consultations", "consultations", "已开始征求意见，计时暂停。", f -> Api.body(
                "consultee", required(f, "consultee", "请选择征求意见的对象。"), "note", blankToNull(f.get("note")))),
        CONSULTATION_END("consultation-end", "consultations/current/end", "已结束征求意见，恢复计时。", f -> Api.body(
                "endedOn", optionalDate(f, "endedOn"), "consulteeAnswered", "true".equals(f.get("consulteeAnswered")))),
        EXTENSION("extension", "extension", "已延长答复期限。", f -> Api.body(
                "extraWorkingDays", number(f, "extraWorkingDays", "请填写延长的工作日数。"), "reason", required(f, "reason", "请写明延长的理由。"))),
        REASONS_REQUEST("reasons-request", "reasons-request", "已要求申请人说明理由。", f -> Api.body(
                "question", required(f, "question", "请写明需要申请人说明的事项。"),
                "periodWorkingDays", number(f, "periodWorkingDays", "请填写说明理由的期限（工作日数）。"))),
        REASONS("reasons", "reasons", "已登记申请人的说明。", f -> Api.body(
                "explanation", required(f, "explanation", "请填写申请人说明的理由。"), "explainedOn", optionalDate(f, "explainedOn"))),
        REASONABLE_PERIOD("reasonable-period", "reasonable-period", "已确定延长的合理期限。", f -> Api.body(
                "extraWorkingDays", number(f, "extraWorkingDays", "请填写延长的工作日数。"), "reason", required(f, "reason", "请写明理由。"))),
        FEE("fee", "fee", "已发出收费通知，计时暂停。", f -> Api.body("amountFen", fen(f.get("amountYuan")))),
        FEE_PAYMENT("fee-payment", "fee-payment", "已登记缴费，恢复计时。", f -> Api.body("paidOn", optionalDate(f, "paidOn"))),
        CLEARANCE_REQUEST("clearance-request", "clearance-request", "已提请保密审查。", f -> Api.body(
                "outcome", required(f, "outcome", "请选择拟作出的答复。"), "note", blankToNull(f.get("note")))),
        CLEARANCE("clearance", "clearance", "已作出保密审查决定。", f -> Api.body(
                "cleared", "true".equals(required(f, "cleared", "请选择审查结论。")), "note", blankToNull(f.get("note")))),
        REPLY("reply", "reply", "已答复申请。", Step::reply),
        CLOSURE("closure", "closure", "已终止办理。", f -> Api.body("note", required(f, "note", "请写明终止办理的理由。")));

        final String name;
        final String path;
        final String done;
        private final java.util.function.Function<Map<String, String>, Object> body;

        Step(String name, String path, String done, java.util.function.Function<Map<String, String>, Object> body) {
            this.name = name;
            this.path = path;
            this.done = done;
            this.body = body;
        }

        static Step of(String name) {
            return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst().orElse(null);
        }

        Object body(Map<String, String> form) {
            return body.apply(form);
        }

        /** The outcome and its reason come as one choice from the vocabulary, OUTCOME or OUTCOME/REASON. */
        private static Object reply(Map<String, String> f) {
            String choice = required(f, "choice", "请选择办理结果。");
            int slash = choice.indexOf('/');
            return Api.body("outcome", slash < 0 ? choice : choice.substring(0, slash), "reason", slash < 0 ? null : choice.substring(slash + 1),
                    "text", required(f, "text", "请填写答复内容。"), "legalBasis", blankToNull(f.get("legalBasis")),
                    "location", blankToNull(f.get("location")), "answeredOn", optionalDate(f, "answeredOn"));
        }
    }

    /** A form value the portal can tell is wrong before asking the service. */
    static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message, null, false, false);
        }
    }

    static String required(Map<String, String> form, String field, String message) {
        String value = blankToNull(form.get(field));
        if (value == null) {
            throw new InvalidInput(message);
        }
        return value;
    }

    static int number(Map<String, String> form, String field, String message) {
        String value = required(form, field, message);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(message);
        }
    }

    static LocalDate requiredDate(Map<String, String> form, String field, String message) {
        required(form, field, message);
        return optionalDate(form, field);
    }

    static LocalDate optionalDate(Map<String, String> form, String field) {
        try {
            return date(form.get(field));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("日期格式不正确，请按“年-月-日”填写。");
        }
    }

    /** 12.5 元 → 1250 分. */
    static int fen(String yuan) {
        String value = blankToNull(yuan);
        if (value == null || !value.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            throw new InvalidInput("请按元填写收费金额，最多两位小数，如 12.50。");
        }
        return new java.math.BigDecimal(value).movePointRight(2).intValueExact();
    }

    static LocalDate date(String value) {
        String v = blankToNull(value);
        return v == null ? null : LocalDate.parse(v);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Bean validation names the offline form's fields under "application."; the page names them plainly. */
    private static FormErrors withoutPrefix(FormErrors errors, ApiProblem problem) {
        FormErrors renamed = FormErrors.none();
        errors.fields().forEach((field, message) -> renamed.field(field.startsWith("application.") ? field.substring(12) : field, message));
        if (errors.general() != null) {
            renamed.general(FormErrors.detailFirst(problem));
        }
        return renamed;
    }

    private String offlineForm(OfflineForm form, FormErrors errors, HttpServletRequest request, Model model) {
        ApplicationModels.Vocabulary vocabulary = vocabulary();
        model.addAttribute("base", base(request));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("vocabulary", vocabulary);
        model.addAttribute("offlineChannels", OFFLINE_CHANNELS);
        model.addAttribute("sections", SECTIONS);
        return "application/offline";
    }

    private ApplicationModels.Vocabulary vocabulary() {
        return cachedVocabulary.get();
    }

    /** The vocabulary is fixed by the service's code: asked once, kept. */
    private final Supplier<ApplicationModels.Vocabulary> cachedVocabulary = new Supplier<>() {
        private volatile ApplicationModels.Vocabulary value;

        @Override
        public ApplicationModels.Vocabulary get() {
            if (value == null) {
                value = api.get(Api.Service.PUBLICATION, "/api/public/applications/vocabulary", ApplicationModels.Vocabulary.class);
            }
            return value;
        }
    };

    private static String base(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/portal/office") ? "/portal/office" : "/portal/staff";
    }

    /** The offline application: the art. 29 form plus its channel, section and (when known at once) the receipt date. */
    public static class OfflineForm extends ApplicationForm {
        private String channel;
        private String section;
        private String receivedOn;
        private String receiptBasis;

        @Override
        FormErrors check() {
            FormErrors errors = super.check();
            if (!OFFLINE_CHANNELS.contains(channel)) {
                errors.field("channel", "请选择申请的提交渠道（信函、当面或传真）。");
            }
            if ("IN_PERSON".equals(channel) && (blank(receivedOn) || blank(receiptBasis))) {
                errors.field("receivedOn", "当面提交的，请填写收到日期（即提交之日）并选择“当面提交之日”。");
            }
            if (!blank(receivedOn) && blank(receiptBasis)) {
                errors.field("receiptBasis", "填写收到日期的，请选择确认收到日期的依据。");
            }
            return errors;
        }

        public String getChannel() { return channel; }
        public void setChannel(String channel) { this.channel = channel; }
        public String getSection() { return section; }
        public void setSection(String section) { this.section = section; }
        public String getReceivedOn() { return receivedOn; }
        public void setReceivedOn(String receivedOn) { this.receivedOn = receivedOn; }
        public String getReceiptBasis() { return receiptBasis; }
        public void setReceiptBasis(String receiptBasis) { this.receiptBasis = receiptBasis; }
    }
}
