package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.Optional;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.support.domain.DomainException;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * P6: the publication clock of a document. It records the issue date, starts when a proactive document is issued (or
 * when the annual review's change to proactive is cleared), falls due {@value #WORKING_DAYS} working days later on the
 * official calendar, is announced overdue once, moves when new calendar data arrives, and measures whether the
 * publication came on time. Embedded in the document ({@code @Unwrapped.Empty}), so its fields stay at the top level.
 */
public final class PublicationClock {

    /** P6: proactive documents go public within this many working days of issuance. */
    public static final int WORKING_DAYS = 20;

    private final LocalDate issuedOn;
    private final LocalDate clockStartedOn;
    private final LocalDate publicationDueOn;
    private final boolean publicationDueOnConfirmed;
    private final boolean overdueAnnounced;
    private final LocalDate publishedOn;

    /** A due date that new calendar data moved. */
    public record Moved(LocalDate from, Deadline to) {
    }

    // flags are boxed so that documents stored before a flag existed still load (absent = false)
    @PersistenceCreator
    PublicationClock(LocalDate issuedOn, LocalDate clockStartedOn, LocalDate publicationDueOn, Boolean publicationDueOnConfirmed,
            Boolean overdueAnnounced, LocalDate publishedOn) {
        this.issuedOn = issuedOn;
        this.clockStartedOn = clockStartedOn;
        this.publicationDueOn = publicationDueOn;
        this.publicationDueOnConfirmed = Boolean.TRUE.equals(publicationDueOnConfirmed);
        this.overdueAnnounced = Boolean.TRUE.equals(overdueAnnounced);
        this.publishedOn = publishedOn;
    }

    /** Not issued, no clock. */
    static PublicationClock notIssued() {
        return new PublicationClock(null, null, null, false, false, null);
    }

    /** The document was issued on {@code date}; a proactive one starts its clock that day. */
    PublicationClock issued(LocalDate date, boolean proactive, WorkingCalendar calendar) {
        PublicationClock issued = new PublicationClock(date, clockStartedOn, publicationDueOn, publicationDueOnConfirmed,
                overdueAnnounced, publishedOn);
        return proactive ? issued.startedOn(date, calendar) : issued;
    }

    /** Starts (or restarts) the clock on {@code from}: due {@value #WORKING_DAYS} working days later, not yet announced overdue. */
    PublicationClock startedOn(LocalDate from, WorkingCalendar calendar) {
        Deadline due = calendar.addWorkingDays(from, WORKING_DAYS);
        return new PublicationClock(issuedOn, from, due.due(), due.confirmed(), false, publishedOn);
    }

    /** Whether a running clock falls due elsewhere on this calendar (e.g. next year's holidays became known). */
    Optional<Moved> movedBy(WorkingCalendar calendar) {
        if (clockStartedOn == null) {
            return Optional.empty();
        }
        Deadline due = calendar.addWorkingDays(clockStartedOn, WORKING_DAYS);
        boolean changed = !due.due().equals(publicationDueOn) || due.confirmed() != publicationDueOnConfirmed;
        return changed ? Optional.of(new Moved(publicationDueOn, due)) : Optional.empty();
    }

    /** The clock with the due date new calendar data gives it. */
    PublicationClock recomputed(Moved moved) {
        return new PublicationClock(issuedOn, clockStartedOn, moved.to().due(), moved.to().confirmed(), overdueAnnounced, publishedOn);
    }

    /** The due date has passed (nothing is due when no clock runs). */
    boolean isPastDueOn(LocalDate today) {
        return publicationDueOn != null && today.isAfter(publicationDueOn);
    }

    boolean overdueAnnounced() {
        return overdueAnnounced;
    }

    /** Overdue is announced once per clock. */
    PublicationClock overdueAnnouncedNow() {
        return new PublicationClock(issuedOn, clockStartedOn, publicationDueOn, publicationDueOnConfirmed, true, publishedOn);
    }

    /** A document is not published before it was issued. */
    void requirePublishableOn(LocalDate date) {
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("published-before-issued", "公开日期不能早于印发日期。");
        }
    }

    PublicationClock publishedOn(LocalDate date) {
        requirePublishableOn(date);
        return new PublicationClock(issuedOn, clockStartedOn, publicationDueOn, publicationDueOnConfirmed, overdueAnnounced, date);
    }

    /** Published no later than the due date; a document without a clock is never on time. */
    public boolean isPublishedOnTime() {
        return publishedOn != null && publicationDueOn != null && !publishedOn.isAfter(publicationDueOn);
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate clockStartedOn() {
        return clockStartedOn;
    }

    public LocalDate publicationDueOn() {
        return publicationDueOn;
    }

    public boolean publicationDueOnConfirmed() {
        return publicationDueOnConfirmed;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }
}
