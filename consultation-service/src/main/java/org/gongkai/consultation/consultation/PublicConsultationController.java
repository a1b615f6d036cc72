package org.gongkai.consultation.consultation;

import java.time.LocalDate;
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

/** Token-free reading of opened consultations and their published feedback; drafts never leave through here. */
@Tag(name = "公开征求意见", description = "公众无需登录即可查阅正在征求和已截止的征求意见及其采纳情况反馈。未发布的草稿不会从这里出现。")
@RestController
@RequestMapping("/api/public/consultations")
class PublicConsultationController {

    private final ConsultationService service;

    PublicConsultationController(ConsultationService service) {
        this.service = service;
    }

    /** The public face of a consultation: no drafter, no audit. */
    record PublicConsultation(String id, String title, String draftText, String decisionBasis, String explanation,
            String catalogueItemCode, List<Channel> channels, List<String> channelLabels, LocalDate periodStart, LocalDate periodEnd,
            String shortPeriodReason, boolean acceptingComments, boolean commentsPublic, Consultation.Status status,
            String statusLabel) {

        static PublicConsultation of(Consultation c, LocalDate today) {
            return new PublicConsultation(c.id(), c.title(), c.draftText(), c.decisionBasis(), c.explanation(),
                    c.catalogueItemCode(), c.channels(), Channel.labels(c.channels()), c.period().start(), c.period().end(),
                    c.period().shortPeriodReason(), c.status() == Consultation.Status.OPEN && c.period().includes(today),
                    c.commentsPublic(), c.status(), c.status() == null ? null : c.status().label());
        }
    }

    @Operation(summary = "查阅征求意见",
            description = "分页列出已发布的征求意见（正在征求、已截止、已反馈），开始日期最近的在前（同一天开始的按编号），并标明目前是否还接受意见。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping
    PageView<PublicConsultation> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        LocalDate today = service.today();
        return PageView.of(service.publicConsultations(page, size), c -> PublicConsultation.of(c, today));
    }

    @Operation(summary = "查看一项征求意见",
            description = "查看征求意见稿全文、起草依据和说明、征求期限和渠道，以及目前是否还接受意见。无需登录。")
    @GetMapping("/{id}")
    PublicConsultation get(@PathVariable String id) {
        return PublicConsultation.of(service.publicConsultation(id), service.today());
    }

    @Operation(summary = "查看意见采纳情况反馈",
            description = "查看已公布的意见采纳情况反馈：收到的意见数、归并后的意见数，采纳、部分采纳和未予采纳的数量，集中意见的处理情况和理由，以及最终决定作了哪些修改。尚未公布反馈时返回“不存在”。无需登录。")
    @GetMapping("/{id}/feedback")
    FeedbackReport feedback(@PathVariable String id) {
        return service.publishedFeedback(id);
    }
}
