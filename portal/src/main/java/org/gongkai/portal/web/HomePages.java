package org.gongkai.portal.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.catalogue.CatalogueModels;
import org.gongkai.portal.consultation.ConsultationModels;
import org.gongkai.portal.document.DocumentModels;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The column's front page and its fixed pages: guide, login, errors. */
@Controller
class HomePages {

    private final Api api;

    HomePages(Api api) {
        this.api = api;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("catalogues", api.getAll(Api.Service.CATALOGUE, "/api/public/catalogues",
                new ParameterizedTypeReference<ApiPage<CatalogueModels.Summary>>() { }));
        // the service lists the latest published first: the first page is the newest eight
        model.addAttribute("documents", api.get(Api.Service.PUBLICATION, "/api/public/documents?page=0&size=8",
                new ParameterizedTypeReference<ApiPage<DocumentModels.PublicDocument>>() { }).items());
        List<ConsultationModels.PublicConsultation> consultations = api.getAll(Api.Service.CONSULTATION, "/api/public/consultations",
                new ParameterizedTypeReference<ApiPage<ConsultationModels.PublicConsultation>>() { });
        model.addAttribute("open", consultations.stream().filter(ConsultationModels.PublicConsultation::acceptingComments)
                .sorted(Comparator.comparing(ConsultationModels.PublicConsultation::periodEnd)).limit(6).toList());
        model.addAttribute("feedback", consultations.stream().filter(ConsultationModels.PublicConsultation::feedbackPublished)
                .sorted(Comparator.comparing(ConsultationModels.PublicConsultation::periodEnd).reversed()).limit(6).toList());
        return "home";
    }

    @GetMapping("/portal")
    String portal() {
        return "redirect:/";
    }

    @GetMapping("/portal/guide")
    String guide() {
        return "info/guide";
    }

    @GetMapping("/portal/login")
    String login() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "info/login" : "redirect:" + user.home();
    }

    /** After login: to the user's own desk. */
    @GetMapping("/portal/me")
    String me() {
        CurrentUser user = CurrentUser.get();
        return "redirect:" + (user == null ? "/portal/login" : user.home());
    }

    @GetMapping("/portal/forbidden")
    String forbidden(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "您的角色无权访问此页面。");
        return "error-page";
    }
}
