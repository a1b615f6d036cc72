package org.gongkai.portal.api;

import java.util.List;

/**
 * An RFC 9457 problem answered by a service: its status, the slug of its {@code type}
 * ({@code urn:gongkai:problem:<slug>}), the English detail (logged, never shown) and the offending fields.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String slug;
    private final List<FieldError> errors;
    private final String detail;

    public ApiProblem(int status, String slug, String detail, List<FieldError> errors) {
        super(status + " " + slug + ": " + detail);
        this.status = status;
        this.slug = slug;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.detail = detail;
    }

    /** The service's own explanation (Simplified Chinese unless English was asked for). */
    public String detail() {
        return detail;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean notFound() {
        return status == 404;
    }
}
