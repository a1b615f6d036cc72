package org.gongkai.publication.concern;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongkai.contracts.publication.ConcernAnswered;
import org.gongkai.contracts.publication.ConcernEscalated;
import org.gongkai.contracts.publication.ConcernRegistered;
import org.gongkai.contracts.publication.ConcernResponseOverdue;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.contracts.catalogue.StandardChannels;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.KnownChannels;
import org.gongkai.support.domain.RecordedDates;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A public concern (舆情) and the bureau's answer (R1–R4): the authoritative response is due 48 hours after the
 * concern was first seen; later updates keep the public informed; major or cross-department concerns are escalated
 * to the propaganda, cyberspace, emergency and disclosure departments with a proposal before the bureau speaks.
 */
@Document("concerns")
@CompoundIndex(name = "section_list", def = "{'section': 1, 'firstSeenAt': -1, '_id': 1}")
public class Concern implements RecordsChanges {

    public static final Duration RESPONSE_TIME = Duration.ofHours(48);

    public record Response(String text, String channel, Instant at, String by) {

        /** The channel's Chinese name beside its code; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "channelLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String channelLabel() {
            return StandardChannels.NAMES.getOrDefault(channel, channel);
        }
    }

    public record Escalation(Set<Department> departments, String proposal, Instant at, String by) {

        /** The departments' Chinese names; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "departmentLabels", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public List<String> departmentLabels() {
            return departments == null ? List.of() : departments.stream().sorted().map(Department::label).toList();
        }
    }

    @Id
    private final String id;
    private final String source;
    private final String link;
    private final Instant firstSeenAt;
    private final String summary;
    private final Severity severity;
    private final String section;
    private final boolean crossDepartment;
    private final Instant responseDueAt;
    private final List<Response> responses;
    private Escalation escalation;
    private boolean overdueAnnounced;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    Concern(String id, String source, String link, Instant firstSeenAt, String summary, Severity severity, String section,
            boolean crossDepartment, Instant responseDueAt, List<Response> responses, Escalation escalation,
            boolean overdueAnnounced, Changes changes, Long revision) {
        this.id = id;
        this.source = source;
        this.link = link;
        this.firstSeenAt = firstSeenAt;
        this.summary = summary;
        this.severity = severity;
        this.section = section;
        this.crossDepartment = crossDepartment;
        this.responseDueAt = responseDueAt;
        this.responses = new ArrayList<>(responses == null ? List.of() : responses);
        this.escalation = escalation;
        this.overdueAnnounced = overdueAnnounced;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    public static Concern register(String id, String source, String link, Instant firstSeenAt, String summary, Severity severity,
            String section, boolean crossDepartment, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE) && !(actor.hasRole(Actor.SECTION_STAFF) && actor.belongsTo(section))) {
            throw DomainException.forbidden("not-your-section", "股室工作人员只能登记本股室的舆情关切。");
        }
        if (firstSeenAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalid("first-seen-in-future", "舆情发现时间不能晚于当前时间。");
        }
        if (firstSeenAt.isBefore(RecordedDates.EARLIEST.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant())) {
            throw DomainException.invalid("implausible-date", "舆情发现时间 " + firstSeenAt + " 不合理：不能早于2000年1月1日。");
        }
        Concern concern = new Concern(id, source, link, firstSeenAt, summary, severity, section, crossDepartment,
                firstSeenAt.plus(RESPONSE_TIME), List.of(), null, false, Changes.none(), null);
        concern.changes.audit(actor, now, "registered", severity + " " + source);
        concern.changes.announce(new ConcernRegistered(id, section, severity.name(), source, firstSeenAt,
                concern.responseDueAt, now), now);
        return concern;
    }

    public boolean needsEscalation() {
        return severity == Severity.MAJOR || crossDepartment;
    }

    /** R4: reported to all four departments, with the bureau's proposal. */
    public void escalate(Set<Department> departments, String proposal, Actor actor, Instant now) {
        requireResponsible(actor);
        if (!departments.containsAll(EnumSet.allOf(Department.class))) {
            throw DomainException.invalid("escalation-incomplete",
                    "须同时报告宣传、网信、应急管理和政务公开部门。");
        }
        if (proposal == null || proposal.isBlank()) {
            throw DomainException.invalid("proposal-required", "报告时须附本局的处置建议。");
        }
        if (escalation != null) {
            throw DomainException.conflict("already-escalated", "该舆情关切已经报告过。");
        }
        escalation = new Escalation(Set.copyOf(departments), proposal, now, actor.username());
        changes.audit(actor, now, "escalated", proposal);
        changes.announce(new ConcernEscalated(id, section, departments.stream().map(Enum::name).sorted().toList(), now), now);
    }

    /** The first response is the authoritative answer the 48-hour clock measures; later ones are updates (R3). */
    public void respond(String text, String channel, Instant at, Actor actor, Instant now) {
        requireResponsible(actor);
        KnownChannels.require(channel);
        if (at.isBefore(firstSeenAt)) {
            throw DomainException.invalid("response-before-concern", "回应时间不能早于舆情发现时间。");
        }
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalid("response-in-future", "回应时间不能晚于当前时间。");
        }
        // the 48-hour measure must not be a matter of choice: only the office records a response after the fact
        if (at.isBefore(now.minus(Duration.ofHours(1))) && !actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("backdating-requires-office",
                    "补录一小时以前的回应，只能由政务公开办公室办理。");
        }
        if (responses.isEmpty() && needsEscalation() && escalation == null) {
            throw DomainException.conflict("escalation-required",
                    "重大或涉及多个部门的舆情，须先附处置建议报告相关部门，再由本局回应。");
        }
        boolean first = responses.isEmpty();
        responses.add(new Response(text, channel, at, actor.username()));
        changes.audit(actor, now, first ? "answered" : "updated", channel);
        if (first) {
            changes.announce(new ConcernAnswered(id, section, channel, firstSeenAt, at, isAnsweredOnTime(), now), now);
        }
    }

    public boolean isAnsweredOnTime() {
        return !responses.isEmpty() && !responses.get(0).at().isAfter(responseDueAt);
    }

    public boolean announceOverdue(Instant now) {
        if (!responses.isEmpty() || overdueAnnounced || !now.isAfter(responseDueAt)) {
            return false;
        }
        overdueAnnounced = true;
        changes.audit(Actor.system("concern-watch"), now, "response-overdue", "due " + responseDueAt);
        changes.announce(new ConcernResponseOverdue(id, section, responseDueAt, now), now);
        return true;
    }

    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    private void requireResponsible(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE) && !(actor.hasRole(Actor.SECTION_STAFF) && actor.belongsTo(section))) {
            throw DomainException.forbidden("not-your-section", "只有责任股室或政务公开办公室可以办理该舆情关切。");
        }
    }

    public String id() { return id; }
    public String source() { return source; }
    public String link() { return link; }
    public Instant firstSeenAt() { return firstSeenAt; }
    public String summary() { return summary; }
    public Severity severity() { return severity; }
    public String section() { return section; }
    public boolean crossDepartment() { return crossDepartment; }
    public Instant responseDueAt() { return responseDueAt; }
    public List<Response> responses() { return List.copyOf(responses); }
    public Escalation escalation() { return escalation; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
