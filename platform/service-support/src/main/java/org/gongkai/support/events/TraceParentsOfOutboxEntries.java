package org.gongkai.support.events;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.DisposableBean;

/** Lends the application's tracer to {@link TraceParents} for the lifetime of the application context. */
public class TraceParentsOfOutboxEntries implements DisposableBean {

    private final Tracer tracer;

    public TraceParentsOfOutboxEntries(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        TraceParents.use(tracer, propagator);
    }

    @Override
    public void destroy() {
        TraceParents.release(tracer);
    }
}
