package org.gongkai.support.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused by one of our own input rules; {@link #reason()} is the Chinese text a reader is shown, Jackson
 * adds the path of the field on its way out.
 */
public class RejectedInputException extends MismatchedInputException {

    private final String reason;

    public RejectedInputException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
