package org.gongkai.publication.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.gongkai.testsupport.Actors;
import org.junit.jupiter.api.Test;

/** R1–R4: 48 hours to answer, escalation of major concerns, overdue announced once. */
class ConcernTest {

    static final Instant SEEN = Instant.parse("2026-07-10T02:00:00Z");

    static Concern concern(Severity severity) {
        return Concern.register("c1", "微博", "https://weibo.example/1", SEEN, "救灾物资发放不公", severity, "disaster-relief",
                false, RELIEF1, SEEN.plus(Duration.ofHours(1)));
    }

    @Test
    void answerWithin48HoursIsOnTimeAndLaterIsLate() {
        Concern onTime = concern(Severity.MEDIUM);
        onTime.respond("已核查，发放公开透明", "gov-website", SEEN.plus(Duration.ofHours(48)), RELIEF1, SEEN.plus(Duration.ofHours(48)));
        assertThat(onTime.isAnsweredOnTime()).isTrue();
        Concern late = concern(Severity.MEDIUM);
        late.respond("已核查", "gov-website", SEEN.plus(Duration.ofHours(49)), RELIEF1, SEEN.plus(Duration.ofHours(49)));
        assertThat(late.isAnsweredOnTime()).isFalse();
        late.respond("后续进展", "new-media", SEEN.plus(Duration.ofHours(60)), RELIEF1, SEEN.plus(Duration.ofHours(60)));
        assertThat(late.responses()).hasSize(2);
        assertThat(late.isAnsweredOnTime()).isFalse();
    }

    @Test
    void majorConcernsAreEscalatedToAllFourDepartmentsBeforeTheBureauResponds() {
        Concern major = concern(Severity.MAJOR);
        Instant now = SEEN.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> major.respond("回应", "gov-website", now, RELIEF1, now))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("escalation-required");
        assertThatThrownBy(() -> major.escalate(EnumSet.of(Department.PROPAGANDA, Department.CYBERSPACE), "建议", RELIEF1, now))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("escalation-incomplete");
        major.escalate(EnumSet.allOf(Department.class), "建议联合发布权威信息", RELIEF1, now);
        major.respond("回应", "press-conference", now, RELIEF1, now);
        assertThat(major.isAnsweredOnTime()).isTrue();
    }

    @Test
    void onlyTheOfficeRecordsAResponseAfterTheFact() {
        Concern concern = concern(Severity.MEDIUM);
        Instant later = SEEN.plus(Duration.ofHours(72));
        assertThatThrownBy(() -> concern.respond("已回应", "gov-website", SEEN.plus(Duration.ofHours(40)), RELIEF1, later))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("backdating-requires-office");
        Actor office = Actors.OFFICE;
        concern.respond("已回应", "gov-website", SEEN.plus(Duration.ofHours(40)), office, later);
        assertThat(concern.isAnsweredOnTime()).isTrue();
    }

    @Test
    void otherSectionsCannotActAndOverdueIsAnnouncedOnce() {
        Concern concern = concern(Severity.HIGH);
        assertThatThrownBy(() -> concern.respond("x", "gov-website", SEEN.plus(Duration.ofHours(1)), SAFETY1, SEEN.plus(Duration.ofHours(1))))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("not-your-section");
        assertThat(concern.announceOverdue(SEEN.plus(Duration.ofHours(47)))).isFalse();
        assertThat(concern.announceOverdue(SEEN.plus(Duration.ofHours(49)))).isTrue();
        assertThat(concern.announceOverdue(SEEN.plus(Duration.ofHours(50)))).isFalse();
    }

    @Test
    void implausibleFactsAreRefused() {
        assertThatThrownBy(() -> Concern.register("c2", "微博", null, Instant.parse("1999-05-01T00:00:00Z"), "旧事", Severity.MEDIUM,
                "disaster-relief", false, RELIEF1, SEEN)).extracting(e -> ((DomainException) e).type()).isEqualTo("implausible-date");
        Concern c = concern(Severity.MEDIUM);
        Instant now = SEEN.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> c.respond("回应", "carrier-pigeon", now, RELIEF1, now))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("unknown-channel");
        assertThat(c.responses()).isEmpty();
    }

    @Test
    void concernsForASectionThatDoesNotExistAreRefused() {
        var sections = new org.gongkai.support.organisation.Sections(null);
        assertThat(sections.requireKnown("disaster-relief")).isEqualTo("disaster-relief");
        assertThatThrownBy(() -> sections.requireKnown("no-such-section"))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("unknown-section");
    }
}
