package org.gongkai.gateway.errors;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.gongkai.gateway.observability.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;

/**
 * Every error that reaches the top of the gateway becomes one of {@link GatewayProblem}'s answers, ahead of Spring
 * Boot's default handler (whose JSON is no problem+json and may carry framework messages). A service that is stopped
 * or too slow is not a bug the client can fix: 503 (cannot connect) or 504 (no answer in time) with
 * {@code Retry-After}. Anything unexpected is logged with the correlation id and answered 500 without its message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayErrorHandler implements WebExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().remove("Content-Length");
        if (causedBy(error, RequestBodyTooLarge.class)) {
            RequestBodyTooLarge tooLarge = find(error, RequestBodyTooLarge.class);
            return ProblemJson.write(exchange, GatewayProblem.PAYLOAD_TOO_LARGE, ProblemJson.prefersEnglish(exchange)
                    ? "The request body exceeds the " + tooLarge.limitText() + " this route accepts."
                    : "请求体超过了此接口允许的 " + tooLarge.limitText() + "。");
        }
        if (causedBy(error, ReadTimeoutException.class) || requestTimedOut(error)) {
            return ProblemJson.write(exchange, GatewayProblem.REQUEST_TIMEOUT);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return ProblemJson.write(exchange, GatewayProblem.SERVICE_UNAVAILABLE);
        }
        if (causedBy(error, TimeoutException.class)
                || error instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return ProblemJson.write(exchange, GatewayProblem.SERVICE_TIMEOUT);
        }
        if (error instanceof ResponseStatusException status) {
            if (status instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
                exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
            }
            if (status.getStatusCode().is5xxServerError()) {
                log.error("gateway error correlationId={}", CorrelationIdFilter.of(exchange), error);
            }
            int code = status.getStatusCode().value();
            return ProblemJson.write(exchange.getResponse(), ProblemJson.prefersEnglish(exchange), GatewayProblem.forStatus(code),
                    null, code);
        }
        log.error("gateway error correlationId={}", CorrelationIdFilter.of(exchange), error);
        return ProblemJson.write(exchange, GatewayProblem.INTERNAL_ERROR);
    }

    /** Reactor Netty's request timeout ({@code requestTimeout}) raises an exception class it does not export. */
    private static boolean requestTimedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        return null;
    }
}
