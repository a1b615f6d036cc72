package org.gongkai.publication.concern;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 回应关切 in public (R1–R3): what the public asked, the bureau's answers, when and by which section. Nothing about who
 * inside the bureau answered, the monitoring source's link or the escalation.
 */
@Tag(name = "公开关切回应", description = "公众无需登录即可查阅本局对社会关切的回应：公众关心的问题、本局的回应、回应时间和负责股室。")
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

    @Operation(summary = "查阅关切回应",
            description = "分页列出已作出回应的社会关切，按关切首次出现时间由近到远排列。page 从 0 开始，size 为每页条数（最多 100）。无需登录。")
    @GetMapping
    PageView<PublicConcernResponse> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        var answered = concerns.answered(page, size);
        return new PageView<>(answered.getContent().stream().map(c -> PublicConcernResponse.of(sections, c)).toList(), page, size, answered.getTotalElements());
    }

    @Operation(summary = "查看一条关切回应",
            description = "查看一条已回应的社会关切：所关切的问题、各次回应的内容、渠道和时间、负责股室。尚未回应的不公开。无需登录。")
    @GetMapping("/{id}")
    PublicConcernResponse get(@PathVariable String id) {
        return PublicConcernResponse.of(sections, concerns.answeredConcern(id));
    }
}
