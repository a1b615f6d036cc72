package org.gongkai.support.web;

import java.util.List;
import java.util.Map;

import org.gongkai.edge.problems.ProblemTypes;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.web.input.JsonPaths;
import org.gongkai.support.web.input.RejectedInputException;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.security.web.firewall.RequestRejectedException;

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
        String field = cause instanceof tools.jackson.databind.DatabindException databind ? JsonPaths.of(databind) : "";
        if (!field.isEmpty()) {
            // the field is named, the reason is ours in Chinese; never Jackson's message, which names our classes
            String reason = cause instanceof RejectedInputException rejected && !english() ? rejected.reason()
                    : messages.field(cause instanceof tools.jackson.databind.exc.MismatchedInputException ? "wrong-type" : "invalid-value");
            return cast(problem(HttpStatus.BAD_REQUEST, "invalid-field", messages.detail("invalid-field", field, reason),
                    List.of(Map.of("field", field, "message", reason))));
        }
        // never Jackson's own message: it names our internal classes
        return cast(problem(HttpStatus.BAD_REQUEST, "malformed-request", messages.detail("malformed-request"), null));
    }

    /**
     * A malformed multipart request: without a boundary the content type itself is unusable (415, and JSON routes say
     * so); a broken body of a real multipart request is a 400. Too large stays 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, jakarta.servlet.http.HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "http-413", messages.detail("http-413"), null);
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("boundary=")) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", messages.detail("http-415"), null);
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", messages.detail("malformed-multipart"), null);
    }

    /** A header or path the firewall refuses (control characters, bytes outside ASCII, encoded slashes …). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", messages.detail("rejected-request"), null);
    }

    /** A query or form parameter Tomcat cannot decode (bytes that are not UTF-8, a broken percent escape). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", messages.detail("undecodable-parameter"), null);
    }

    private static boolean english() {
        return ProblemMessages.english();
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
            // Spring 7 leaves some framework problems without a type at all (e.g. 413 for an upload too large)
            if (problem.getType() == null || problem.getType().toString().equals("about:blank")) {
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
