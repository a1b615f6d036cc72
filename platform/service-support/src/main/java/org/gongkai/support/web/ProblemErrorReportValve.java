package org.gongkai.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.gongkai.edge.problems.ProblemTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word, for requests it refuses before any servlet sees them (an illegal character in a header, an
 * encoded slash or NUL in the path, a URI it cannot decode): problem+json in Chinese instead of Tomcat's HTML page
 * with its version number. Everything that reaches the application is answered by {@link ProblemErrorController}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProblemMessages messages = ProblemMessages.chinese();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String slug = status >= 500 ? "internal-error" : status == 400 ? "malformed-request" : "http-" + status;
        String detail = messages.detail(status == 400 ? "rejected-request" : slug);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.PREFIX + slug);
        problem.put("title", messages.title(status));
        problem.put("status", status);
        problem.put("detail", detail == null ? messages.detail("http-" + (status / 100 * 100)) : detail);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
