package org.gongkai.gateway.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** RFC 9457 bodies for everything the gateway answers itself, with the services' type URNs. */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** Writes the problem in the reader's language (Chinese unless {@code Accept-Language} puts English first). */
    public static Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(exchange, problem, null);
    }

    /** As {@link #write(ServerWebExchange, GatewayProblem)}, with a detail of the moment in place of the standard one. */
    public static Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, String detail) {
        return write(exchange.getResponse(), prefersEnglish(exchange), problem, detail, problem.status().value());
    }

    /** With the status a framework chose, which may be one the problem does not name (409, 412, …). */
    static Mono<Void> write(ServerHttpResponse response, boolean english, GatewayProblem problem, String detail, int status) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a refusal ends its connection: after the gateway answered a request it refused itself, the next request on
        // the same keep-alive connection was at times never read (StatelessConnectionsTest); a new connection is cheap
        response.getHeaders().set(org.springframework.http.HttpHeaders.CONNECTION, "close");
        byte[] body = body(problem, english, detail == null ? problem.detail(english) : detail, status);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The JSON itself, for answers given below Spring (Netty's own rejections). */
    public static byte[] body(GatewayProblem problem, boolean english, String detail) {
        return body(problem, english, detail, problem.status().value());
    }

    private static byte[] body(GatewayProblem problem, boolean english, String detail, int status) {
        String json = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + escape(problem.title(english))
                + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static boolean prefersEnglish(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
