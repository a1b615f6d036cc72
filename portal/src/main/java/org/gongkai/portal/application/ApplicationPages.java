package org.gongkai.portal.application;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 依申请公开, the public side: the online application form (no login), the query code shown once afterwards, and the
 * lookup by query code (state, due date, supplement, extension, fee and the reply — nothing personal comes back).
 * Each render of the form carries a fresh idempotency key, so a double submit files one application with one code.
 */
@Controller
class ApplicationPages {

    private final Api api;

    ApplicationPages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/on-request")
    String form(Model model) {
        ApplicationForm form = new ApplicationForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setApplicantType("NATURAL_PERSON");
        return show(form, FormErrors.none(), model);
    }

    @PostMapping("/portal/on-request/applications")
    String submit(@ModelAttribute("form") ApplicationForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        FormErrors errors = form.check();
        if (!errors.any()) {
            try {
                ApplicationModels.QueryCode code = api.publicPost(Api.Service.PUBLICATION, "/api/public/applications",
                        form.body(), form.getSubmissionKey(), ApplicationModels.QueryCode.class);
                redirect.addFlashAttribute("queryCode", code);
                return "redirect:/portal/on-request/submitted";
            } catch (ApiProblem problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                errors = "idempotency-key-reused".equals(problem.slug())
                        ? FormErrors.none().general("同一次提交的内容被改动过，请刷新页面后重新提交。")
                        : FormErrors.of(problem);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(form, errors, model);
    }

    /** The query code, large, with a copy button; only right after a submission. */
    @GetMapping("/portal/on-request/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("queryCode")) {
            return "redirect:/portal/on-request/lookup";
        }
        return "application/submitted";
    }

    @GetMapping("/portal/on-request/lookup")
    String lookup(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            String trimmed = code.strip();
            if (!trimmed.matches("[A-Za-z0-9_-]{32}")) {
                model.addAttribute("error", "查询码应为32位字母、数字或“-”“_”，请核对后重新输入。");
                response.setStatus(422);
            } else {
                try {
                    model.addAttribute("status", api.get(Api.Service.PUBLICATION, "/api/public/applications/{code}",
                            ApplicationModels.Status.class, trimmed));
                } catch (ApiProblem problem) {
                    if (problem.status() != 404 && problem.status() != 400) {
                        throw problem;
                    }
                    response.setStatus(404);
                    model.addAttribute("error", "没有找到该查询码对应的申请，请核对后重新输入。");
                }
            }
        }
        return "application/lookup";
    }

    private String show(ApplicationForm form, FormErrors errors, Model model) {
        model.addAttribute("vocabulary", api.get(Api.Service.PUBLICATION, "/api/public/applications/vocabulary",
                ApplicationModels.Vocabulary.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "application/form";
    }
}
