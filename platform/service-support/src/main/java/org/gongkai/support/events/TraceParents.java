package org.gongkai.support.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the span current on this thread, for an {@link OutboxEntry} to keep: the relay sends
 * the entry later, from another thread, as the CloudEvents distributed-tracing extension {@code traceparent}, and the
 * consumer ({@link InboundEvents}) continues the trace from it. Set once by the auto-configuration with the
 * application's tracer; without one (a test building entries by hand) there is no current trace and entries carry none.
 */
public final class TraceParents {

    /** The W3C Trace Context header, also the name of the CloudEvents distributed-tracing extension attribute. */
    public static final String TRACEPARENT = "traceparent";

    private static volatile Tracer tracer;
    private static volatile Propagator propagator;

    private TraceParents() {
    }

    static synchronized void use(Tracer currentTracer, Propagator currentPropagator) {
        tracer = currentTracer;
        propagator = currentPropagator;
    }

    /** Forgets the tracer unless another application context of this JVM (tests) has lent its own since. */
    static synchronized void release(Tracer ownTracer) {
        if (tracer == ownTracer) {
            tracer = null;
            propagator = null;
        }
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside a trace. */
    public static String current() {
        Tracer t = tracer;
        Propagator p = propagator;
        if (t == null || p == null) {
            return null;
        }
        TraceContext context = t.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
