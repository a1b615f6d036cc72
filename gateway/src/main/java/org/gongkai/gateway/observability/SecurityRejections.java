package org.gongkai.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Security events at the edge (missing or bad token, wrong role, rate limit): one log line with the correlation id,
 * the method and the path (never the address or the token: those are personal data or secrets), and a count in
 * {@code gongkai.security.rejections} tagged by kind, so a burst of them shows in the metrics.
 */
@Component
public class SecurityRejections {

    public static final String METER = "gongkai.security.rejections";
    private static final Logger log = LoggerFactory.getLogger(SecurityRejections.class);

    public enum Kind {
        UNAUTHENTICATED("unauthenticated"), FORBIDDEN("forbidden"), RATE_LIMITED("rate-limited");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;

    public SecurityRejections(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(ServerWebExchange exchange, Kind kind) {
        Counter.builder(METER).description("Requests the gateway refused for security reasons")
                .tag("kind", kind.tag()).register(registry).increment();
        log.warn("security rejection kind={} method={} path={} correlationId={}", kind.tag(),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), CorrelationIdFilter.of(exchange));
    }
}
