package org.gongkai.publication.concern;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.organisation.Sections;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Use cases of responding to public concerns; the 48-hour rule lives in {@link Concern}. */
@Service
public class ConcernService {

    private final ConcernRepository concerns;
    private final Sections sections;
    private final Clock clock;

    ConcernService(ConcernRepository concerns, Sections sections, Clock clock) {
        this.concerns = concerns;
        this.sections = sections;
        this.clock = clock;
    }

    public Concern register(String source, String link, Instant firstSeenAt, String summary, Severity severity, String section,
            boolean crossDepartment, Actor actor) {
        sections.requireKnown(section);
        return concerns.insert(Concern.register(UUID.randomUUID().toString(), source, link, firstSeenAt, summary, severity,
                section, crossDepartment, actor, Instant.now(clock)));
    }

    /** Most recently first seen first, then by id, so that pages never overlap. */
    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("firstSeenAt"), Sort.Order.asc("_id"));

    /** One page of the concerns the actor sees, paged in the database. */
    public Page<Concern> list(Actor actor, int page, int size) {
        PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
        return actor.overseesAllSections() ? concerns.findAll(request) : concerns.findBySection(actor.section(), request);
    }

    /** Answered concerns for the public, most recently first seen first. */
    public Page<Concern> answered(int page, int size) {
        return concerns.findAnswered(PageRequest.of(page, size, NEWEST_FIRST));
    }

    public Concern answeredConcern(String id) {
        return concerns.findById(id).filter(c -> !c.responses().isEmpty())
                .orElseThrow(() -> DomainException.notFound("concern-not-found", "没有找到该回应。"));
    }

    public Concern get(String id, Actor actor) {
        return concerns.findById(id).filter(c -> c.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("concern-not-found", "没有编号为 " + id + " 的舆情关切。"));
    }

    public Concern respond(String id, String text, String channel, Instant at, Actor actor) {
        Instant now = Instant.now(clock);
        return change(id, actor, c -> c.respond(text, channel, at == null ? now : at, actor, now));
    }

    public Concern escalate(String id, Set<Department> departments, String proposal, Actor actor) {
        return change(id, actor, c -> c.escalate(departments, proposal, actor, Instant.now(clock)));
    }

    /** Announces every concern whose 48 hours have passed without an answer; returns how many. */
    public int announceOverdue() {
        Instant now = Instant.now(clock);
        int announced = 0;
        for (Concern concern : concerns.findAll()) {
            if (concern.announceOverdue(now)) {
                concerns.save(concern);
                announced++;
            }
        }
        return announced;
    }

    private Concern change(String id, Actor actor, Consumer<Concern> action) {
        Concern concern = get(id, actor);
        action.accept(concern);
        return concerns.save(concern);
    }
}
