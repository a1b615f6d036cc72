package org.gongkai.support.domain;

/**
 * A rule of the domain refused a request. {@code type} is a stable slug that becomes the problem
 * {@code type} URI; {@code kind} decides the HTTP status without the domain knowing about HTTP.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String type;

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

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
