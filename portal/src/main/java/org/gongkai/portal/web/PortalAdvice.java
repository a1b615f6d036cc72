package org.gongkai.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.portal.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.RestClientException;

/** What every page knows (who is signed in, today) and how a service's refusal becomes a Chinese page. */
@ControllerAdvice
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    @ModelAttribute("user")
    CurrentUser user() {
        return CurrentUser.get();
    }

    @ModelAttribute("today")
    java.time.LocalDate today() {
        return Zh.today();
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Model model, HttpServletResponse response) {
        if (problem.status() == 401) {
            return "redirect:/portal/login";
        }
        log.info("service answered {}", problem.getMessage());
        int status = problem.status() >= 500 ? 502 : problem.status();
        response.setStatus(status);
        model.addAttribute("user", CurrentUser.get());
        model.addAttribute("status", status);
        model.addAttribute("message", FormErrors.message(problem));
        return "error-page";
    }

    @ExceptionHandler(RestClientException.class)
    String unreachable(RestClientException e, Model model, HttpServletResponse response) {
        log.warn("service unreachable: {}", e.getMessage());
        response.setStatus(503);
        model.addAttribute("user", CurrentUser.get());
        model.addAttribute("status", 503);
        model.addAttribute("message", "相关服务暂时无法访问，请稍后再试。");
        return "error-page";
    }
}
