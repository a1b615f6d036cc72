package org.gongkai.support.web;

import java.net.URI;

/** Problem {@code type} URIs are stable names: {@code urn:gongkai:problem:<slug>}. */
public final class ProblemTypes {

    public static final String PREFIX = "urn:gongkai:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
