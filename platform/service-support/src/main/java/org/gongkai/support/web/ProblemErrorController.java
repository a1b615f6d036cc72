package org.gongkai.support.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.edge.problems.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's {@code /error} (plain JSON or a whitelabel page) for everything that fails outside a
 * controller: the servlet container's own errors, filters, the security firewall. Same contract as
 * {@link ProblemDetailsAdvice}: problem+json with a stable {@code type} and a Chinese title and detail, never an
 * exception's message, whatever the Accept header asks for.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses responses;
    private final ProblemMessages messages = new ProblemMessages();

    public ProblemErrorController(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        String slug = "http-" + status;
        if (causedBy(failure, RequestRejectedException.class)) {
            status = HttpStatus.BAD_REQUEST.value();
            slug = "malformed-request";
        } else if (status == 401) {
            slug = "unauthenticated";
        } else if (status == 403) {
            slug = "forbidden";
        } else if (status >= 500) {
            if (failure != null) {
                log.error("unexpected failure outside a controller", failure);
            }
            slug = "internal-error";
        } else if (status < 400) {
            status = HttpStatus.NOT_FOUND.value();
            slug = "http-404";
        }
        String detail = messages.detail(slug.equals("malformed-request") ? "rejected-request" : slug);
        if (detail == null) {
            detail = messages.detail("http-" + (status / 100 * 100));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(messages.title(status));
        responses.write(response, problem);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
