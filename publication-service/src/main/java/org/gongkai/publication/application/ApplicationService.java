package org.gongkai.publication.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.publication.calendar.CalendarHolder;
import org.gongkai.publication.document.AuthorityRuling;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.organisation.Sections;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Use cases of on-request disclosure; the clock and the rules live in {@link Application}. */
@Service
public class ApplicationService {

    private final ApplicationRepository applications;
    private final Sections sections;
    private final CalendarHolder calendar;
    private final Clock clock;

    /** The list: the latest submitted first, then by id, so that pages never overlap. */
    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("_id"));
    /** The deadline board: the earliest due first, then by id. */
    public static final Sort EARLIEST_DUE_FIRST = Sort.by(Sort.Order.asc("dueOn"), Sort.Order.asc("_id"));

    ApplicationService(ApplicationRepository applications, Sections sections, CalendarHolder calendar, Clock clock) {
        this.applications = applications;
        this.sections = sections;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The receipt of an online submission; {@code created} is false when a retry found the application it made. */
    public record Submitted(Application application, boolean created) {
    }

    /** The public form. A retry with the same {@code Idempotency-Key} answers with the same query code and stores nothing. */
    public Submitted submitOnline(Submission submission, String idempotencyKey) {
        String key = requireValidIdempotencyKey(idempotencyKey);
        if (key != null) {
            Optional<Submitted> replay = replay(key, submission);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Application application = Application.submitOnline(UUID.randomUUID().toString(), QueryCodes.next(), submission, key, now());
        try {
            return new Submitted(applications.insert(application), true);
        } catch (DuplicateKeyException e) {
            // a concurrent retry with the same key won the unique index: answer with its query code
            if (key != null) {
                Optional<Submitted> replay = replay(key, submission);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
    }

    public Application enterOffline(String channel, String section, Submission submission, LocalDate receivedOn, ReceiptBasis basis,
            Actor actor) {
        boolean named = section != null && !section.isBlank();
        if (named) {
            sections.requireKnown(section);
        }
        // a section enters for itself; the office may leave routing for later (the domain checks who may enter)
        String routedTo = named ? section : actor.hasRole(Actor.DISCLOSURE_OFFICE) ? null : actor.section();
        return applications.insert(Application.enterOffline(UUID.randomUUID().toString(), QueryCodes.next(), channel, routedTo,
                submission, receivedOn, basis, actor, calendar.current(), today(), now()));
    }

    /** The applicant's lookup; an unknown or malformed code is simply not found. */
    public Application byQueryCode(String queryCode) {
        return (QueryCodes.looksValid(queryCode) ? applications.findByQueryCode(queryCode) : Optional.<Application>empty())
                .orElseThrow(() -> DomainException.notFound("application-not-found", "没有与该查询码对应的申请。"));
    }

    public Application get(String id, Actor actor) {
        return applications.findById(id).filter(a -> a.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("application-not-found", "没有找到该申请（" + id + "）。"));
    }

    /** One page of the applications the actor sees (optionally in one state), the latest submitted first; paged in the database. */
    public Page<Application> list(ApplicationState state, Actor actor, int page, int size) {
        return visible(state, actor, PageRequest.of(page, size, NEWEST_FIRST));
    }

    /** One page of the deadline board: applications whose clock runs, earliest due first; paged in the database. */
    public Page<Application> deadlineBoard(Actor actor, int page, int size) {
        return visible(ApplicationState.IN_PROGRESS, actor, PageRequest.of(page, size, EARLIEST_DUE_FIRST));
    }

    /** What the actor may see, in one state or all: nothing for a user of no section who does not oversee all. */
    private Page<Application> visible(ApplicationState state, Actor actor, PageRequest request) {
        if (actor.overseesAllSections()) {
            return state == null ? applications.findAll(request) : applications.findByState(state, request);
        }
        if (actor.section() == null) {
            return Page.empty(request);
        }
        return state == null ? applications.findBySection(actor.section(), request)
                : applications.findBySectionAndState(actor.section(), state, request);
    }

    public Application route(String id, String section, Actor actor) {
        sections.requireKnown(section);
        return change(id, actor, a -> a.route(section, actor, now()));
    }

    public Application confirmReceipt(String id, LocalDate receivedOn, ReceiptBasis basis, Actor actor) {
        return change(id, actor, a -> a.confirmReceipt(receivedOn, basis, actor, calendar.current(), today(), now()));
    }

    public Application requestSupplement(String id, String missing, int periodWorkingDays, Actor actor) {
        return change(id, actor, a -> a.requestSupplement(missing, periodWorkingDays, actor, calendar.current(), today(), now()));
    }

    public Application recordSupplement(String id, LocalDate receivedOn, Actor actor) {
        return change(id, actor, a -> a.recordSupplement(receivedOn == null ? today() : receivedOn, actor, calendar.current(), today(), now()));
    }

    public Application startConsultation(String id, Consultee consultee, String note, Actor actor) {
        return change(id, actor, a -> a.startConsultation(consultee, note, actor, calendar.current(), today(), now()));
    }

    public Application endConsultation(String id, LocalDate endedOn, boolean answered, Actor actor) {
        return change(id, actor, a -> a.endConsultation(endedOn, answered, actor, calendar.current(), today(), now()));
    }

    public Application extend(String id, int extraWorkingDays, String reason, Actor actor) {
        return change(id, actor, a -> a.extend(extraWorkingDays, reason, actor, calendar.current(), today(), now()));
    }

    public Application requestReasons(String id, String question, int periodWorkingDays, Actor actor) {
        return change(id, actor, a -> a.requestReasons(question, periodWorkingDays, actor, calendar.current(), today(), now()));
    }

    public Application recordReasons(String id, LocalDate explainedOn, String explanation, Actor actor) {
        return change(id, actor, a -> a.recordReasons(explainedOn, explanation, actor, today(), now()));
    }

    public Application setReasonablePeriod(String id, int extraWorkingDays, String reason, Actor actor) {
        return change(id, actor, a -> a.setReasonablePeriod(extraWorkingDays, reason, actor, calendar.current(), today(), now()));
    }

    public Application chargeFee(String id, int amountFen, Actor actor) {
        return change(id, actor, a -> a.chargeFee(amountFen, actor, calendar.current(), today(), now()));
    }

    public Application recordFeePaid(String id, LocalDate paidOn, Actor actor) {
        return change(id, actor, a -> a.recordFeePaid(paidOn, actor, calendar.current(), today(), now()));
    }

    public Application requestClearance(String id, String outcome, String note, Actor actor) {
        return change(id, actor, a -> a.requestClearance(outcome, note, actor, now()));
    }

    public Application decideClearance(String id, boolean cleared, String note, AuthorityRuling ruling, Actor actor) {
        return change(id, actor, a -> a.decideClearance(cleared, note, ruling, actor, now()));
    }

    public Application answer(String id, String outcome, String reason, String text, String legalBasis, String location,
            LocalDate answeredOn, Actor actor) {
        return change(id, actor, a -> a.answer(outcome, reason, text, legalBasis, location, answeredOn, actor, today(), now()));
    }

    public Application close(String id, String note, Actor actor) {
        return change(id, actor, a -> a.close(note, actor, today(), now()));
    }

    /**
     * One round of the watch: closes applications whose supplement or fee did not come in time, moves due dates to the
     * calendar in force and announces overdue answers, each once. Returns how many announcements it made.
     */
    public int watch() {
        WorkingCalendar current = calendar.current();
        LocalDate today = today();
        Instant now = now();
        int announced = 0;
        for (Application application : applications.findAll()) {
            if (application.state().isDone()) {
                continue;
            }
            try {
                boolean changed = application.closeIfAbandoned(today, now);
                changed |= application.recomputeDeadline(current);
                if (application.announceOverdue(today, now)) {
                    announced++;
                    changed = true;
                }
                if (changed) {
                    applications.save(application);
                }
            } catch (OptimisticLockingFailureException concurrentChange) {
                // taken up by the next round, against the application as it then is
            }
        }
        return announced;
    }

    public WorkingCalendar calendar() {
        return calendar.current();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
    }

    private Optional<Submitted> replay(String key, Submission submission) {
        return applications.findBySubmissionKey(Application.submissionKey(key, null)).map(existing -> {
            if (!existing.contentHash().equals(submission.contentHash())) {
                throw DomainException.invalid("idempotency-key-reused",
                        "该 Idempotency-Key 已用于另一份申请，提交新申请请使用新的 Idempotency-Key。");
            }
            return new Submitted(existing, false);
        });
    }

    /** An {@code Idempotency-Key} is optional; when sent it is 1–128 printable ASCII characters (a UUID, say). */
    static String requireValidIdempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("invalid-idempotency-key", "Idempotency-Key 须为 1 至 128 个可打印的 ASCII 字符，且不含空格。");
        }
        return key;
    }

    private Application change(String id, Actor actor, Consumer<Application> action) {
        Application application = get(id, actor);
        action.accept(application);
        return applications.save(application);
    }

    /** Milliseconds, as MongoDB stores them, so that a replayed answer shows the same time as the first one. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
