package org.gongkai.portal.staffconsultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.catalogue.CatalogueModels;
import org.gongkai.portal.web.FlashActions;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Paged;
import org.gongkai.portal.web.Zh;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A section's consultations: its drafts and open ones with the days left, drafting a new one and opening it for
 * comment, and the comments received (with name and contact, which only staff see).
 */
@Controller
class StaffConsultations {

    public record Consultation(String id, String section, String drafter, String title, String draftText, String decisionBasis,
            String explanation, String catalogueItemCode, List<String> channels, LocalDate periodStart, LocalDate periodEnd,
            long periodDays, String shortPeriodReason, boolean commentsPublic, String status, Instant openedAt, Instant closedAt) {
    }

    public record Contact(String kind, String value) {
    }

    public record StaffComment(String id, String channel, String content, String name, Contact contact, Instant receivedAt,
            boolean hidden, String moderationReason, String opinionId) {
    }

    public record Excerpt(String id, String channel, String content, Instant receivedAt) {
    }

    public record Suggestion(int size, List<Excerpt> comments) {

        /** A first summary to edit: the first comment, shortened. */
        public String proposedSummary() {
            String first = comments.isEmpty() ? "" : comments.get(0).content();
            return first.length() > 100 ? first.substring(0, 100) : first;
        }

        public String ids() {
            return String.join(",", comments.stream().map(Excerpt::id).toList());
        }
    }

    public record Opinion(String id, String summary, int commentCount, boolean concentrated, String decision, String reason,
            Instant decidedAt, List<Excerpt> comments) {
    }

    /** The drafting form. */
    public static class Form {
        private String title;
        private String draftText;
        private String decisionBasis;
        private String explanation;
        private String catalogueItemCode;
        private List<String> channels = new ArrayList<>(List.of("WEBSITE"));
        private String periodStart;
        private String periodEnd;
        private String shortPeriodReason;
        private boolean commentsPublic;

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDraftText() { return draftText; }
        public void setDraftText(String v) { draftText = v; }
        public String getDecisionBasis() { return decisionBasis; }
        public void setDecisionBasis(String v) { decisionBasis = v; }
        public String getExplanation() { return explanation; }
        public void setExplanation(String v) { explanation = v; }
        public String getCatalogueItemCode() { return catalogueItemCode; }
        public void setCatalogueItemCode(String v) { catalogueItemCode = v; }
        public List<String> getChannels() { return channels; }
        public void setChannels(List<String> v) { channels = v == null ? new ArrayList<>() : v; }
        public String getPeriodStart() { return periodStart; }
        public void setPeriodStart(String v) { periodStart = v; }
        public String getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(String v) { periodEnd = v; }
        public String getShortPeriodReason() { return shortPeriodReason; }
        public void setShortPeriodReason(String v) { shortPeriodReason = v; }
        public boolean isCommentsPublic() { return commentsPublic; }
        public void setCommentsPublic(boolean v) { commentsPublic = v; }
    }

    static final ParameterizedTypeReference<ApiPage<Consultation>> LIST = new ParameterizedTypeReference<>() { };
    static final int PAGE_SIZE = 20;
    private final Api api;

    StaffConsultations(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/staff/consultations")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        // the service's order is the page's: the latest start first
        model.addAttribute("consultations", Paged.of(api.staffGet(Api.Service.CONSULTATION, "/api/consultations?page={p}&size={s}", LIST,
                Math.max(0, page - 1), PAGE_SIZE)));
        return "staff/consultations";
    }

    @GetMapping("/portal/staff/consultations/new")
    String create(Model model) {
        Form form = new Form();
        form.setPeriodStart(Zh.today().toString());
        form.setPeriodEnd(Zh.today().plusDays(30).toString());
        return form(form, FormErrors.none(), model);
    }

    @PostMapping("/portal/staff/consultations")
    String draft(@ModelAttribute("form") Form form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = check(form);
        if (!errors.any()) {
            try {
                Consultation created = api.staffSend(HttpMethod.POST, Api.Service.CONSULTATION, "/api/consultations",
                        Api.body("title", form.getTitle().strip(), "draftText", form.getDraftText(), "decisionBasis", form.getDecisionBasis(),
                                "explanation", form.getExplanation(), "catalogueItemCode", form.getCatalogueItemCode(),
                                "channels", form.getChannels(), "periodStart", form.getPeriodStart(), "periodEnd", form.getPeriodEnd(),
                                "shortPeriodReason", blankToNull(form.getShortPeriodReason()), "commentsPublic", form.isCommentsPublic()),
                        Consultation.class);
                redirect.addFlashAttribute("done", "征求意见草案已保存。");
                return "redirect:/portal/staff/consultations/" + created.id();
            } catch (ApiProblem problem) {
                if (problem.status() >= 500 || problem.status() == 401) {
                    throw problem;
                }
                errors = FormErrors.of(problem);
            }
        }
        response.setStatus(422);
        return form(form, errors, model);
    }

    @GetMapping("/portal/staff/consultations/{id}")
    String consultation(@PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
        Consultation consultation = api.staffGet(Api.Service.CONSULTATION, "/api/consultations/{id}", Consultation.class, id);
        model.addAttribute("consultation", consultation);
        boolean started = !"DRAFT".equals(consultation.status());
        // comments can run into thousands: one page of them at a time, the oldest first
        model.addAttribute("comments", !started ? Paged.of(new ApiPage<StaffComment>(List.of(), 0, PAGE_SIZE, 0))
                : Paged.of(api.staffGet(Api.Service.CONSULTATION, "/api/consultations/{id}/comments?page={p}&size={s}",
                        new ParameterizedTypeReference<ApiPage<StaffComment>>() { }, id, Math.max(0, page - 1), PAGE_SIZE)));
        model.addAttribute("opinions", !started ? List.of() : api.staffGetAll(Api.Service.CONSULTATION, "/api/consultations/{id}/opinions",
                new ParameterizedTypeReference<ApiPage<Opinion>>() { }, id));
        model.addAttribute("suggestions", !started ? List.of() : api.staffGet(Api.Service.CONSULTATION,
                "/api/consultations/{id}/opinion-suggestions", new ParameterizedTypeReference<List<Suggestion>>() { }, id));
        return "staff/consultation";
    }

    /** Hides a comment (abuse, personal data, off topic), with the reason the citizen will see on the receipt. */
    @PostMapping("/portal/staff/consultations/{id}/comments/{commentId}/moderation")
    String moderate(@PathVariable String id, @PathVariable String commentId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("failed", "屏蔽意见须填写理由。");
            return "redirect:/portal/staff/consultations/" + id;
        }
        return act(id, redirect, "意见已屏蔽。", () -> api.staffSend(HttpMethod.POST, Api.Service.CONSULTATION,
                "/api/consultations/{id}/comments/{c}/moderation", Api.body("hidden", true, "reason", reason.strip()), Object.class, id, commentId));
    }

    /** Accepts a grouping suggestion (possibly with an edited summary) as one opinion. */
    @PostMapping("/portal/staff/consultations/{id}/opinions")
    String group(@PathVariable String id, @RequestParam(required = false) String summary, @RequestParam(required = false) String commentIds,
            RedirectAttributes redirect) {
        if (summary == null || summary.isBlank() || commentIds == null || commentIds.isBlank()) {
            redirect.addFlashAttribute("failed", "归纳意见须填写意见摘要。");
            return "redirect:/portal/staff/consultations/" + id;
        }
        return act(id, redirect, "已归纳为一项意见。", () -> api.staffSend(HttpMethod.POST, Api.Service.CONSULTATION,
                "/api/consultations/{id}/opinions", Api.body("summary", summary.strip(), "commentIds", List.of(commentIds.split(","))),
                Object.class, id));
    }

    @PostMapping("/portal/staff/consultations/{id}/opinions/{opinionId}/decision")
    String decide(@PathVariable String id, @PathVariable String opinionId, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (decision == null || decision.isBlank()) {
            redirect.addFlashAttribute("failed", "请选择采纳情况。");
            return "redirect:/portal/staff/consultations/" + id;
        }
        return act(id, redirect, "采纳情况已记录。", () -> api.staffSend(HttpMethod.PUT, Api.Service.CONSULTATION,
                "/api/consultations/{id}/opinions/{o}/decision", Api.body("decision", decision, "reason", reason == null || reason.isBlank()
                        ? null : reason.strip()), Object.class, id, opinionId));
    }

    @PostMapping("/portal/staff/consultations/{id}/feedback")
    String feedback(@PathVariable String id, @RequestParam(required = false) String finalDecisionChanges, RedirectAttributes redirect) {
        if (finalDecisionChanges == null || finalDecisionChanges.isBlank()) {
            redirect.addFlashAttribute("failed", "请填写决策修改情况。");
            return "redirect:/portal/staff/consultations/" + id;
        }
        return act(id, redirect, "意见采纳情况反馈已公开发布。", () -> api.staffSend(HttpMethod.POST, Api.Service.CONSULTATION,
                "/api/consultations/{id}/feedback", Api.body("finalDecisionChanges", finalDecisionChanges.strip()), Object.class, id));
    }

    private static String act(String id, RedirectAttributes redirect, String done, Runnable call) {
        return FlashActions.thenRedirect(redirect, "/portal/staff/consultations/" + id, done, call);
    }

    @PostMapping("/portal/staff/consultations/{id}/opening")
    String open(@PathVariable String id, RedirectAttributes redirect) {
        FlashActions.attempt(redirect, "已开始公开征求意见。", () -> api.staffSend(HttpMethod.POST, Api.Service.CONSULTATION,
                "/api/consultations/{id}/opening", null, Consultation.class, id), 404);
        return "redirect:/portal/staff/consultations/" + id;
    }

    private String form(Form form, FormErrors errors, Model model) {
        List<CatalogueModels.Item> items = new ArrayList<>();
        for (String catalogue : List.of("work-safety", "disaster-relief")) {
            items.addAll(api.get(Api.Service.CATALOGUE, "/api/public/catalogues/{c}", CatalogueModels.Version.class, catalogue).items());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("items", items);
        model.addAttribute("channelCodes", List.of("WEBSITE", "HEARING", "SYMPOSIUM", "EXPERT_CONSULTATION", "ATTENDANCE", "MEDIA_BRIEFING"));
        return "staff/consultation-form";
    }

    static FormErrors check(Form form) {
        FormErrors errors = FormErrors.none();
        if (blank(form.getTitle())) {
            errors.field("title", "请填写草案名称。");
        }
        if (blank(form.getDraftText())) {
            errors.field("draftText", "请填写草案全文。");
        }
        if (blank(form.getDecisionBasis())) {
            errors.field("decisionBasis", "请填写决策依据。");
        }
        if (blank(form.getExplanation())) {
            errors.field("explanation", "请填写起草说明。");
        }
        if (blank(form.getCatalogueItemCode())) {
            errors.field("catalogueItemCode", "请选择所属目录事项。");
        }
        if (form.getChannels().isEmpty()) {
            errors.field("channels", "请至少选择一种征求渠道。");
        }
        LocalDate start = date(form.getPeriodStart());
        LocalDate end = date(form.getPeriodEnd());
        if (start == null) {
            errors.field("periodStart", "请按“2026-12-01”的格式填写开始日期。");
        }
        if (end == null) {
            errors.field("periodEnd", "请按“2026-12-31”的格式填写截止日期。");
        } else if (start != null && !end.isAfter(start)) {
            errors.field("periodEnd", "截止日期须晚于开始日期。");
        } else if (start != null && java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1 < 30 && blank(form.getShortPeriodReason())) {
            errors.field("shortPeriodReason", "征求意见期限少于30日的，须说明理由。");
        }
        return errors;
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
