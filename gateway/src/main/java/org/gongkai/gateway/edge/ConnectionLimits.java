package org.gongkai.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the gateway waits for a client while it sends a request (Spring Boot's {@code server.netty.idle-timeout}
 * covers the wait between requests, {@code server.max-http-request-header-size} and
 * {@code server.netty.max-initial-line-length} the size of what comes before the body).
 *
 * @param readTimeout    longest pause between two reads of a request body
 * @param requestTimeout longest time to receive a whole request (a 12 MB upload included)
 */
@ConfigurationProperties("gongkai.gateway.connections")
public record ConnectionLimits(Duration readTimeout, Duration requestTimeout) {

    public ConnectionLimits {
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(5) : requestTimeout;
    }
}
