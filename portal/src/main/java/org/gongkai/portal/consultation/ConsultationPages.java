package org.gongkai.portal.consultation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 征求意见: a citizen reads an open draft, comments anonymously (name and contact optional, never published),
 * keeps the receipt code and later looks up what became of the comment; closed consultations show their feedback.
 */
@Controller
class ConsultationPages {

    static final ParameterizedTypeReference<ApiPage<ConsultationModels.PublicConsultation>> LIST = new ParameterizedTypeReference<>() { };
    private final Api api;

    ConsultationPages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/consultations")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        // open ones first is the portal's own order: every page of the list
        List<ConsultationModels.PublicConsultation> all = new ArrayList<>(api.getAll(Api.Service.CONSULTATION, "/api/public/consultations", LIST));
        // open ones first (soonest deadline first), then the rest, newest first
        all.sort(Comparator.comparing((ConsultationModels.PublicConsultation c) -> !c.acceptingComments())
                .thenComparing(c -> c.acceptingComments() ? c.periodEnd() : null, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ConsultationModels.PublicConsultation::periodStart, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("consultations", Paged.of(all, page, 10));
        return "consultation/list";
    }

    @GetMapping("/portal/consultations/{id}")
    String consultation(@PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
        ConsultationModels.CommentForm form = new ConsultationModels.CommentForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return show(id, page, form, FormErrors.none(), model);
    }

    @PostMapping("/portal/consultations/{id}/comments")
    String comment(@PathVariable String id, @ModelAttribute("form") ConsultationModels.CommentForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = FormErrors.none();
        String submissionKey = form.ensureSubmissionKey();
        String content = form.getContent() == null ? "" : form.getContent().strip();
        if (content.isEmpty()) {
            errors.field("content", "请填写意见内容。");
        } else if (content.length() > 2000) {
            errors.field("content", "意见内容最多2000字。");
        }
        if (form.getName() != null && form.getName().strip().length() > 50) {
            errors.field("name", "姓名最多50字。");
        }
        if (!errors.any()) {
            try {
                ConsultationModels.Receipt receipt = api.publicPost(Api.Service.CONSULTATION,
                        "/api/public/consultations/{id}/comments",
                        Api.body("content", content, "name", blankToNull(form.getName()), "contact", blankToNull(form.getContact())),
                        submissionKey, ConsultationModels.Receipt.class, id);
                redirect.addFlashAttribute("receipt", receipt);
                return "redirect:/portal/consultations/" + id + "/receipt";
            } catch (ApiProblem problem) {
                if (problem.status() == 404 && "consultation-not-found".equals(problem.slug())) {
                    throw problem;
                }
                errors = FormErrors.of(problem);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(id, 1, form, errors, model);
    }

    /** After a comment was accepted: the receipt code, large, with a copy button. Only reachable right after. */
    @GetMapping("/portal/consultations/{id}/receipt")
    String receipt(@PathVariable String id, Model model) {
        if (!model.containsAttribute("receipt")) {
            return "redirect:/portal/receipts";
        }
        model.addAttribute("consultation", api.get(Api.Service.CONSULTATION, "/api/public/consultations/{id}",
                ConsultationModels.PublicConsultation.class, id));
        return "consultation/receipt";
    }

    @GetMapping("/portal/receipts")
    String lookup(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            String trimmed = code.strip();
            if (!trimmed.matches("[A-Za-z0-9_-]{8,64}")) {
                model.addAttribute("error", "回执码格式不正确，请核对后重新输入。");
                response.setStatus(422);
            } else {
                try {
                    model.addAttribute("answer", api.get(Api.Service.CONSULTATION, "/api/public/comments/{r}",
                            ConsultationModels.ReceiptAnswer.class, trimmed));
                } catch (ApiProblem problem) {
                    if (problem.status() != 404) {
                        throw problem;
                    }
                    response.setStatus(404);
                    model.addAttribute("error", "没有找到该回执码对应的意见，请核对后重新输入。");
                }
            }
        }
        return "consultation/lookup";
    }

    @GetMapping("/portal/consultations/{id}/feedback")
    String feedback(@PathVariable String id, Model model) {
        model.addAttribute("consultation", api.get(Api.Service.CONSULTATION, "/api/public/consultations/{id}",
                ConsultationModels.PublicConsultation.class, id));
        model.addAttribute("report", api.get(Api.Service.CONSULTATION, "/api/public/consultations/{id}/feedback",
                ConsultationModels.FeedbackReport.class, id));
        return "consultation/feedback";
    }

    private String show(String id, int page, ConsultationModels.CommentForm form, FormErrors errors, Model model) {
        ConsultationModels.PublicConsultation consultation = api.get(Api.Service.CONSULTATION, "/api/public/consultations/{id}",
                ConsultationModels.PublicConsultation.class, id);
        model.addAttribute("consultation", consultation);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (consultation.commentsPublic()) {
            int size = 20;
            ApiPage<ConsultationModels.PublicComment> comments = api.get(Api.Service.CONSULTATION,
                    "/api/public/consultations/{id}/comments?page={p}&size={s}",
                    new ParameterizedTypeReference<ApiPage<ConsultationModels.PublicComment>>() { }, id, Math.max(0, page - 1), size);
            model.addAttribute("comments", comments.items());
            model.addAttribute("commentsPage", Math.max(1, page));
            model.addAttribute("commentsTotal", comments.total());
            model.addAttribute("commentsHasNext", (long) Math.max(1, page) * size < comments.total());
        }
        return "consultation/page";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
