package org.gongkai.support.domain;

/**
 * A rule of the domain refused a request. {@code type} is a stable slug that becomes the problem
 * {@code type} URI; {@code kind} decides the HTTP status without the domain knowing about HTTP.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String type;
    private final java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();

    public DomainException(Kind kind, String type, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
    }

    public static DomainException invalid(String type, String detail) {
        return new DomainException(Kind.INVALID, type, detail);
    }

    public static DomainException notFound(String type, String detail) {
        return new DomainException(Kind.NOT_FOUND, type, detail);
    }

    public static DomainException conflict(String type, String detail) {
        return new DomainException(Kind.CONFLICT, type, detail);
    }

    public static DomainException forbidden(String type, String detail) {
        return new DomainException(Kind.FORBIDDEN, type, detail);
    }

    /** Adds a machine-readable detail that the problem response carries as an extension member. */
    public DomainException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
