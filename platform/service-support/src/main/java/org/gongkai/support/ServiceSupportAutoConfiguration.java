package org.gongkai.support;

import java.time.Clock;

import org.gongkai.support.deadletters.DeadLetterController;
import org.gongkai.support.deadletters.DeadLetterHealthIndicator;
import org.gongkai.support.deadletters.DeadLetterQueues;
import org.gongkai.support.deadletters.DeadLetterRedriveService;
import org.gongkai.support.deadletters.DeadLetters;
import org.gongkai.support.events.EventsProperties;
import org.gongkai.support.organisation.Sections;
import org.gongkai.support.events.InboundEvents;
import org.gongkai.support.events.OutboxRelay;
import org.gongkai.support.observability.CorrelationIdFilter;
import org.gongkai.support.observability.MongoPingHealthIndicator;
import org.gongkai.support.security.GongkaiSecurityProperties;
import org.gongkai.support.web.GongkaiOpenApi;
import org.gongkai.support.web.OpenApiProperties;
import org.gongkai.support.web.ProblemDetailsAdvice;
import org.gongkai.support.web.ProblemErrorController;
import org.gongkai.support.web.input.StrictJsonInput;
import org.gongkai.support.web.ProblemResponses;
import io.micrometer.observation.ObservationRegistry;
import org.gongkai.support.events.OutboxCollections;
import org.gongkai.support.events.OutboxEntries;
import org.gongkai.support.events.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import tools.jackson.databind.json.JsonMapper;

/** Wires the cross-cutting machinery every Gongkai service shares. */
@AutoConfiguration(beforeName = {"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"},
        afterName = {"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
@EnableConfigurationProperties({EventsProperties.class, Sections.class, OpenApiProperties.class, GongkaiSecurityProperties.class,
        org.gongkai.support.web.ConditionalPublicReads.class})
@EnableScheduling
@org.springframework.context.annotation.Import(org.gongkai.support.scheduling.SchedulerLocks.class)
public class ServiceSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** ETags and 304 for the public reads a service lists in {@code gongkai.http.cacheable-paths}. */
    @Bean
    @ConditionalOnProperty(prefix = "gongkai.http", name = "cacheable-paths[0]")
    FilterRegistrationBean<org.springframework.web.filter.ShallowEtagHeaderFilter> publicReadEtags(
            org.gongkai.support.web.ConditionalPublicReads reads) {
        FilterRegistrationBean<org.springframework.web.filter.ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new org.springframework.web.filter.ShallowEtagHeaderFilter());
        registration.setUrlPatterns(reads.cacheablePaths());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(prefix = "gongkai.http", name = "cacheable-paths[0]")
    FilterRegistrationBean<jakarta.servlet.Filter> publicReadCacheControl(org.gongkai.support.web.ConditionalPublicReads reads) {
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(reads.cacheControl());
        registration.setUrlPatterns(reads.cacheablePaths());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 9);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Every error outside a controller (container, filters, firewall) answers like the advice: problem+json. */
    @Bean
    ProblemErrorController problemErrorController(ProblemResponses responses) {
        return new ProblemErrorController(responses);
    }

    /** Tomcat's own refusals (before any servlet) answer problem+json, not Tomcat's HTML page. */
    @Bean
    org.gongkai.support.web.ProblemPagesOfTomcat problemPagesOfTomcat() {
        return new org.gongkai.support.web.ProblemPagesOfTomcat();
    }

    /**
     * Strict JSON input for request bodies: clean text, sane dates, no coercion, enums by code (docs/decisions.md).
     * Only HTTP reads this way: events and the event log are our own history and are read as they were written.
     * Ordered after Boot's own JSON converter customizer (order 0), so this converter is the one used.
     */
    @Bean
    @org.springframework.core.annotation.Order(100)
    org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper json) {
        JsonMapper.Builder strict = json.rebuild();
        new StrictJsonInput().customize(strict);
        org.springframework.http.converter.json.JacksonJsonHttpMessageConverter converter =
                new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter(strict.build());
        return converters -> converters.withJsonConverter(converter);
    }

    @Bean
    org.gongkai.support.web.ProblemResponsesInOpenApi problemResponsesInOpenApi() {
        return new org.gongkai.support.web.ProblemResponsesInOpenApi();
    }

    /** Chinese title, the gateway as server, Keycloak's authorization code flow as the security scheme. */
    @Bean
    GongkaiOpenApi gongkaiOpenApi(OpenApiProperties properties, GongkaiSecurityProperties security) {
        return new GongkaiOpenApi(properties, security);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Replaces Boot's {@code mongo} health contributor (same name) with one the MongoDB wire server answers. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Each event handled in an observation: the events-consumed timer, and a span continuing the producer's trace. */
    @Bean
    InboundEvents inboundEvents(MongoTemplate mongo, JsonMapper json, Clock clock, io.micrometer.core.instrument.MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new InboundEvents(mongo, json, clock, meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Outbox entries recorded during a traced request keep its {@code traceparent} (the relay sends it later). */
    @Bean
    TraceParents traceParents(ObjectProvider<io.micrometer.tracing.Tracer> tracer,
            ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        return new TraceParents(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** A service without aggregates of its own relays nothing. */
    @Bean
    @ConditionalOnMissingBean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of();
    }

    /** Announced events become outbox entries in the same write as their aggregate. */
    @Bean
    OutboxEntries outboxEntries(OutboxCollections relayed, TraceParents traceParents, ObjectProvider<OutboxRelay> relay) {
        return new OutboxEntries(relayed, traceParents, relay);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, OutboxCollections relayed, StreamBridge bridge, EventsProperties properties,
            io.micrometer.core.instrument.MeterRegistry meters) {
        OutboxRelay relay = new OutboxRelay(mongo, relayed, bridge, properties);
        io.micrometer.core.instrument.Gauge.builder("gongkai.events.outbox.backlog", relay, r -> {
                    long waiting = r.recentBacklog();
                    return waiting < 0 ? Double.NaN : waiting;
                })
                .description("events recorded in this service's outboxes and not yet confirmed by the broker")
                .register(meters);
        return relay;
    }

    /** Dead-letter queues of this service's consumers: depth gauges, a warning in health, the admin's audited re-drive. */
    @Configuration(proxyBeanMethods = false)
    static class DeadLetterSupport {

        @Bean
        DeadLetters deadLetters(org.springframework.cloud.stream.config.BindingServiceProperties bindings,
                org.springframework.amqp.rabbit.connection.ConnectionFactory connectionFactory,
                io.micrometer.core.instrument.MeterRegistry meters) {
            return new DeadLetters(DeadLetterQueues.of(bindings), connectionFactory, meters);
        }

        @Bean
        DeadLetterHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
            return new DeadLetterHealthIndicator(deadLetters);
        }

        @Bean
        DeadLetterRedriveService deadLetterRedriveService(DeadLetters deadLetters, MongoTemplate mongo, Clock clock) {
            return new DeadLetterRedriveService(deadLetters, mongo, clock);
        }

        @Bean
        DeadLetterController deadLetterController(DeadLetterRedriveService redrives) {
            return new DeadLetterController(redrives);
        }
    }

    /** The relay's schedule; tests switch it off to drive rounds themselves. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "gongkai.events.relay-enabled", havingValue = "true", matchIfMissing = true)
    static class RelaySchedule {

        private final OutboxRelay relay;

        RelaySchedule(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${gongkai.events.relay-interval:100ms}")
        void relay() {
            relay.relayPending();
        }
    }
}
