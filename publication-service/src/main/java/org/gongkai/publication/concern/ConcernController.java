package org.gongkai.publication.concern;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes for public concerns: register, escalate, respond. */
@RestController
@RequestMapping("/api/concerns")
class ConcernController {

    private final ConcernService concerns;
    private final org.gongkai.support.organisation.Sections sections;

    ConcernController(ConcernService concerns, org.gongkai.support.organisation.Sections sections) {
        this.concerns = concerns;
        this.sections = sections;
    }

    record RegisterRequest(@NotBlank @Size(max = 100) String source, @Size(max = 500) String link, @NotNull Instant firstSeenAt,
            @NotBlank @Size(max = 2000) String summary, @NotNull Severity severity, @NotBlank String section,
            boolean crossDepartment) {
    }

    record ResponseRequest(@NotBlank @Size(max = 5000) String text, @NotBlank @Size(max = 60) String channel, Instant at) {
    }

    record EscalationRequest(@NotEmpty Set<@NotNull Department> departments, @NotBlank @Size(max = 2000) String proposal) {
    }

    record ConcernView(String id, String source, String link, Instant firstSeenAt, String summary, Severity severity,
            String severityLabel, String section, String sectionLabel, boolean crossDepartment, Instant responseDueAt, boolean answered, Boolean answeredOnTime,
            List<Concern.Response> responses, Concern.Escalation escalation, List<AuditEntry> audit) {
        static ConcernView of(org.gongkai.support.organisation.Sections sections, Concern c) {
            return new ConcernView(c.id(), c.source(), c.link(), c.firstSeenAt(), c.summary(), c.severity(),
                    c.severity() == null ? null : c.severity().label(), c.section(), sections.label(c.section()),
                    c.crossDepartment(), c.responseDueAt(), !c.responses().isEmpty(),
                    c.responses().isEmpty() ? null : c.isAnsweredOnTime(), c.responses(), c.escalation(), c.audit());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConcernView register(@Valid @RequestBody RegisterRequest r) {
        return ConcernView.of(sections, concerns.register(r.source(), r.link(), r.firstSeenAt(), r.summary(), r.severity(), r.section(),
                r.crossDepartment(), CurrentActor.get()));
    }

    @GetMapping
    List<ConcernView> list() {
        return concerns.list(CurrentActor.get()).stream().map(c -> ConcernView.of(sections, c)).toList();
    }

    @GetMapping("/{id}")
    ConcernView get(@PathVariable String id) {
        return ConcernView.of(sections, concerns.get(id, CurrentActor.get()));
    }

    @PostMapping("/{id}/responses")
    ConcernView respond(@PathVariable String id, @Valid @RequestBody ResponseRequest r) {
        return ConcernView.of(sections, concerns.respond(id, r.text(), r.channel(), r.at(), CurrentActor.get()));
    }

    @PostMapping("/{id}/escalation")
    ConcernView escalate(@PathVariable String id, @Valid @RequestBody EscalationRequest r) {
        return ConcernView.of(sections, concerns.escalate(id, r.departments(), r.proposal(), CurrentActor.get()));
    }
}
