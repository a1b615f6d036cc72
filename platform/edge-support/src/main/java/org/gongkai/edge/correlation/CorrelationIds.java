package org.gongkai.edge.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id as it travels: HTTP header, log MDC key and CloudEvents extension, and which ids a layer takes
 * over from its caller. The gateway and the services apply the same rule, so an id that reaches a log line is always
 * a short run of letters, digits and hyphens, whoever sent it.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CLOUD_EVENT_EXTENSION = "correlationid";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private CorrelationIds() {
    }

    /** The caller's id if it is well formed, otherwise a new one. */
    public static String acceptedOrNew(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
