package org.gongkai.support.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source             CloudEvents {@code source} of this service, e.g. {@code /gongkai/publication-service}
 * @param relayInterval      how often the outbox relay sends what this instance has just saved (a round with nothing
 *                           saved costs no query)
 * @param confirmTimeout     how long the relay waits for the broker's publisher confirms of a batch
 * @param relayScanInterval  how often the relay also searches every outbox collection, for entries this instance did
 *                           not just save: left by an instance that died, by an outage, or by a restart
 */
@ConfigurationProperties("gongkai.events")
public record EventsProperties(String source, Duration relayInterval, Duration confirmTimeout, Duration relayScanInterval) {

    public EventsProperties {
        relayInterval = relayInterval == null ? Duration.ofMillis(100) : relayInterval;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
        relayScanInterval = relayScanInterval == null ? Duration.ofSeconds(30) : relayScanInterval;
    }
}
