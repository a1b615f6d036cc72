package org.gongkai.support.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the span current on this thread, for an {@link OutboxEntry} to keep: the relay sends
 * the entry later, from another thread, as the CloudEvents distributed-tracing extension {@code traceparent}, and the
 * consumer ({@link InboundEvents}) continues the trace from it. Without a tracer there is no current trace and entries
 * carry none.
 */
public final class TraceParents {

    /** The W3C Trace Context header, also the name of the CloudEvents distributed-tracing extension attribute. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** For an application without tracing. */
    public static TraceParents none() {
        return new TraceParents(null, null);
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside a trace. */
    public String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
