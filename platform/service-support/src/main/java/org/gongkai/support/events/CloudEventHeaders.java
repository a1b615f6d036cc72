package org.gongkai.support.events;

import org.gongkai.edge.correlation.CorrelationIds;

/**
 * CloudEvents 1.0 attributes in binary content mode over AMQP: each attribute is an application
 * property with the {@code cloudEvents:} prefix, the message body is the event's {@code data}.
 */
public final class CloudEventHeaders {

    public static final String PREFIX = "cloudEvents:";
    public static final String SPEC_VERSION = PREFIX + "specversion";
    public static final String ID = PREFIX + "id";
    public static final String SOURCE = PREFIX + "source";
    public static final String TYPE = PREFIX + "type";
    public static final String TIME = PREFIX + "time";
    public static final String SUBJECT = PREFIX + "subject";
    public static final String DATA_CONTENT_TYPE = PREFIX + "datacontenttype";
    public static final String CORRELATION_ID = PREFIX + CorrelationIds.CLOUD_EVENT_EXTENSION;
    /** The distributed-tracing extension: the W3C trace context of the request that caused the event. */
    public static final String TRACEPARENT = PREFIX + TraceParents.TRACEPARENT;

    private CloudEventHeaders() {
    }
}
