package org.gongkai.support.events;

/** Names of the correlation id as it travels: HTTP header, log MDC key and CloudEvents extension. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CLOUD_EVENT_EXTENSION = "correlationid";

    private CorrelationIds() {
    }
}
