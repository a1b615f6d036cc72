package org.gongkai.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Pins the {@link Clock} of the service under test (the bean every service reads "now" from; service-support's
 * system clock steps back for it) at {@link #value()}, so that a test which works out dates itself (from the same
 * instant) agrees with the service at any hour of any day: no flake at midnight, none on a holiday. {@link #ticking()} lets the
 * clock run on from there, for tests that need time to pass (receipt times, orderings). Test classes pinned at the
 * same instant share their context. Tests that need the real time simply do not use this.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ContextCustomizerFactories(FixedClock.Factory.class)
public @interface FixedClock {

    /** The instant, ISO-8601 in UTC, e.g. {@code 2026-12-10T02:00:00Z} (10:00 in China). */
    String value();

    /** Whether the clock runs on from {@link #value()} (started when the context starts) instead of standing still. */
    boolean ticking() default false;

    /** Registers the pinned clock as the context's {@code clock} bean. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            FixedClock pinned = TestContextAnnotationUtils.findMergedAnnotation(testClass, FixedClock.class);
            return pinned == null ? null : new Pinned(Instant.parse(pinned.value()), pinned.ticking());
        }
    }

    /** Equal for equal pins, so that the test context cache shares their context. */
    record Pinned(Instant at, boolean ticking) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Clock clock = ticking ? Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at)) : Clock.fixed(at, ZoneOffset.UTC);
            context.getBeanFactory().registerSingleton("clock", clock);
        }
    }
}
