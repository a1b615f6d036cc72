package org.gongkai.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.edge.problems.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/** Writes problem details outside Spring MVC, e.g. from security filters. */
public class ProblemResponses {

    private final JsonMapper json;
    private final ProblemMessages messages = new ProblemMessages();

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A problem whose detail is the shared text for {@code slug}, in the reader's language. */
    public void write(HttpServletResponse response, HttpStatus status, String slug) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.detail(slug));
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(messages.title(status.value()));
        write(response, problem);
    }

    /** Writes {@code problem} as the whole answer, whatever the client's Accept header asked for. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
