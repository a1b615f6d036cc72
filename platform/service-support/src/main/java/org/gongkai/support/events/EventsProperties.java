package org.gongkai.support.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source        CloudEvents {@code source} of this service, e.g. {@code /gongkai/publication-service}
 * @param relayInterval how often the outbox relay looks for unsent events
 * @param confirmTimeout how long the relay waits for the broker's publisher confirm
 */
@ConfigurationProperties("gongkai.events")
public record EventsProperties(String source, Duration relayInterval, Duration confirmTimeout) {

    public EventsProperties {
        relayInterval = relayInterval == null ? Duration.ofMillis(500) : relayInterval;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
    }
}
