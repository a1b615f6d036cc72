package org.gongkai.support.scheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Scheduled jobs (closing consultations, overdue announcements, reminders) run once across all instances of a
 * service: each {@code @Scheduled} method also carries {@code @SchedulerLock} and takes a lock in the service's own
 * database (collection {@code shedLock}) before it runs; an instance that finds the lock held skips that round.
 * Locks are taken around scheduled runs only (the scheduler is proxied), so tests may call a job directly.
 * A lock outlives a crashed holder by at most {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
        defaultLockAtMostFor = "${gongkai.scheduling.lock-at-most-for:PT10M}")
public class SchedulerLocks {

    public static final String COLLECTION = "shedLock";

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection(COLLECTION));
    }
}
