package org.gongkai.support.web;

import java.util.List;
import java.util.Map;

import org.gongkai.support.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

/**
 * The one way services fail: RFC 9457 problem details with a stable {@code type} per error.
 * Client mistakes are 4xx with the offending fields named; only our own faults become 5xx.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemMessages messages = new ProblemMessages();

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.valueOf(422);
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ResponseEntity<ProblemDetail> response = problem(status, e.type(), messages.domainDetail(e.type(), e.getMessage()), null);
        e.details().forEach(response.getBody()::setProperty);
        return response;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", messages.detail("forbidden"), null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", messages.detail("concurrent-modification"), null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "duplicate", messages.detail("duplicate"), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", messages.detail("validation-failed"), errors);
    }

    /** Dates at the edge of the representable range (e.g. year +999999999) are a client's mistake. */
    @ExceptionHandler(java.time.DateTimeException.class)
    ResponseEntity<ProblemDetail> dateOutOfRange(java.time.DateTimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-date", messages.detail("invalid-date"), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", messages.detail("invalid-parameter", e.getName()),
                List.of(Map.of("field", e.getName(), "message", messages.field("invalid-value"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        return cast(problem(HttpStatus.BAD_REQUEST, "validation-failed", messages.detail("validation-failed"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return cast(problem(HttpStatus.BAD_REQUEST, "validation-failed", messages.detail("validation-failed"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return cast(problem(HttpStatus.BAD_REQUEST, "unknown-field", messages.detail("unknown-field", unknown.getPropertyName()),
                    List.of(Map.of("field", unknown.getPropertyName(), "message", messages.field("unknown-field")))));
        }
        // never Jackson's own message: it names our internal classes
        return cast(problem(HttpStatus.BAD_REQUEST, "malformed-request", messages.detail("malformed-request"), null));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return cast(problem(HttpStatus.BAD_REQUEST, "missing-parameter", messages.detail("missing-parameter", e.getParameterName()),
                List.of(Map.of("field", e.getParameterName(), "message", messages.field("required")))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Framework-detected client errors (405, 415, missing parameter …) keep their status with a stable type.
        // most framework handlers pass no body yet: the exception carries its problem, which is made ours here
        Object problemBody = body == null && e instanceof org.springframework.web.ErrorResponse error ? error.getBody() : body;
        if (problemBody instanceof ProblemDetail problem) {
            if (problem.getType().toString().equals("about:blank")) {
                problem.setType(ProblemTypes.of("http-" + statusCode.value()));
            }
            problem.setTitle(messages.title(statusCode.value()));
            String detail = messages.detail("http-" + statusCode.value());
            if (detail != null) {
                problem.setDetail(detail);
            }
        }
        return super.handleExceptionInternal(e, problemBody, headers, statusCode, request);
    }

    /** The broker is away: try again later, nothing was changed. */
    @ExceptionHandler(org.gongkai.support.deadletters.BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(org.gongkai.support.deadletters.BrokerUnavailableException e) {
        log.warn("broker unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
                messages.detail("broker-unavailable"), null);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", messages.detail("internal-error"), null);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(messages.title(status.value()));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
