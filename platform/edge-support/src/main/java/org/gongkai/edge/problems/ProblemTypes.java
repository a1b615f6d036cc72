package org.gongkai.edge.problems;

import java.net.URI;

/**
 * Problem {@code type} URIs are stable names, {@code urn:gongkai:problem:<slug>}, whichever layer answers: the gateway,
 * a service, or the servlet container in front of it; the portal reads the slug to choose its Chinese page text.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:gongkai:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }

    /** The slug of a Gongkai problem type, or null for any other type (or none). */
    public static String slugOf(String type) {
        return type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : null;
    }
}
