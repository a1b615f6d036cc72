package org.gongkai.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gongkai.portal.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
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
    String problem(ApiProblem problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == 401) {
            return signInAgain(request);
        }
        log.info("service answered {}", problem.getMessage());
        int status = problem.status() >= 500 ? 502 : problem.status();
        response.setStatus(status);
        model.addAttribute("user", CurrentUser.get());
        model.addAttribute("status", status);
        model.addAttribute("message", FormErrors.message(problem));
        return "error-page";
    }

    /** The refresh token was refused (the Keycloak session ended or expired): sign in again. */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    String sessionEnded(OAuth2AuthorizationException e, HttpServletRequest request) {
        log.info("token no longer valid: {}", e.getError().getErrorCode());
        return signInAgain(request);
    }

    /** Forget the portal session (and its tokens) so the login page does not send the user straight back. */
    private static String signInAgain(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/portal/login";
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
