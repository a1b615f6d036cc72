package org.gongkai.support.web.input;

import tools.jackson.core.JacksonException;

/** The field a JSON error is about, as a client writes it: {@code items[2].title}; empty for the document itself. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
