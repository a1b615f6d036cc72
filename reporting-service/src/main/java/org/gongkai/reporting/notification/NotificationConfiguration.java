package org.gongkai.reporting.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** Retries mails that failed (e.g. the SMTP server was down); each is claimed before sending, so none goes twice. */
    @Component
    static class PendingMail {

        private final NotificationService notifications;

        PendingMail(NotificationService notifications) {
            this.notifications = notifications;
        }

        @SchedulerLock(name = "notification-retry")
        @Scheduled(fixedDelayString = "${gongkai.notifications.retry-interval:5m}", initialDelayString = "${gongkai.notifications.retry-interval:5m}")
        void retry() {
            notifications.deliverPending();
        }
    }
}
