package org.gongkai.consultation.consultation;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Closes consultations automatically at the end of their comment period. */
@Component
class ConsultationScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConsultationScheduler.class);

    private final ConsultationService service;
    private final Clock clock;

    ConsultationScheduler(ConsultationService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @SchedulerLock(name = "consultation-closing")
    @Scheduled(fixedDelayString = "${gongkai.consultation.closing-interval:1m}", initialDelayString = "${gongkai.consultation.closing-interval:1m}")
    void closeEndedPeriods() {
        closeEndedPeriods(clock);
    }

    /** One closing round as of the given clock's time; tests move the clock past a period's end. */
    int closeEndedPeriods(Clock at) {
        int closed = service.closeEndedPeriods(at.instant());
        if (closed > 0) {
            log.info("closed {} consultations whose comment period ended", closed);
        }
        return closed;
    }
}
