package org.gongkai.publication.concern;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 回应关切 in public (R1–R3): what the public asked, the bureau's answers, when and by which section. Nothing about who
 * inside the bureau answered, the monitoring source's link or the escalation.
 */
@RestController
@RequestMapping("/api/public/concern-responses")
class PublicConcernResponseController {

    private final ConcernService concerns;
    private final org.gongkai.support.organisation.Sections sections;

    PublicConcernResponseController(ConcernService concerns, org.gongkai.support.organisation.Sections sections) {
        this.concerns = concerns;
        this.sections = sections;
    }

    record PublicAnswer(String text, String channel, String channelLabel, Instant at) {
    }

    record PublicConcernResponse(String id, String concern, Instant raisedAt, String section, String sectionLabel,
            List<PublicAnswer> responses) {
        static PublicConcernResponse of(org.gongkai.support.organisation.Sections sections, Concern c) {
            return new PublicConcernResponse(c.id(), c.summary(), c.firstSeenAt(), c.section(), sections.label(c.section()),
                    c.responses().stream().map(r -> new PublicAnswer(r.text(), r.channel(), r.channelLabel(), r.at())).toList());
        }
    }

    record Page(List<PublicConcernResponse> items, int page, int size, long total) {
    }

    @GetMapping
    Page list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        var answered = concerns.answered(page, size);
        return new Page(answered.getContent().stream().map(c -> PublicConcernResponse.of(sections, c)).toList(), page, size, answered.getTotalElements());
    }

    @GetMapping("/{id}")
    PublicConcernResponse get(@PathVariable String id) {
        return PublicConcernResponse.of(sections, concerns.answeredConcern(id));
    }
}
