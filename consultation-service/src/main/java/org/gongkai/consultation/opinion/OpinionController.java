package org.gongkai.consultation.opinion;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.consultation.AdoptionDecision;
import org.gongkai.consultation.consultation.Channel;
import org.gongkai.consultation.consultation.FeedbackReport;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.security.AccessRules.SectionStaffOrOffice;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes for grouping comments into opinions, deciding on them and publishing the adoption feedback. */
@Tag(name = "意见归并与采纳", description = "工作人员把内容相近的公众意见归并为一条意见，逐条作出采纳决定，最后公布意见采纳情况反馈。需登录。")
@RestController
@RequestMapping("/api/consultations/{consultationId}")
class OpinionController {

    private static final int MAX_IDS = 10_000;

    private final OpinionService service;

    OpinionController(OpinionService service) {
        this.service = service;
    }

    record GroupRequest(@NotBlank @Size(max = Opinion.MAX_SUMMARY_LENGTH) String summary,
            @NotEmpty @Size(max = MAX_IDS) List<@NotBlank String> commentIds) {
    }

    record AddCommentsRequest(@NotEmpty @Size(max = MAX_IDS) List<@NotBlank String> commentIds) {
    }

    record MergeRequest(@NotEmpty @Size(max = 1000) List<@NotBlank String> opinionIds) {
    }

    record DecisionRequest(@NotNull AdoptionDecision decision, @Size(max = 5000) String reason) {
    }

    record SummaryRequest(@NotBlank @Size(max = Opinion.MAX_SUMMARY_LENGTH) String summary) {
    }

    record FeedbackRequest(@NotBlank @Size(max = 50_000) String finalDecisionChanges) {
    }

    record CommentExcerpt(String id, Channel channel, String channelLabel, String content, Instant receivedAt) {
        static CommentExcerpt of(Comment c) {
            return new CommentExcerpt(c.id(), c.channel(), Channel.labelOf(c.channel()), c.content(), c.receivedAt());
        }
    }

    record SuggestionView(int size, List<CommentExcerpt> comments) {
    }

    record OpinionView(String id, String summary, int commentCount, boolean concentrated, AdoptionDecision decision,
            String decisionLabel, String reason, Instant decidedAt, List<CommentExcerpt> comments, List<AuditEntry> audit) {
        static OpinionView of(OpinionService.OpinionWithComments o) {
            return new OpinionView(o.opinion().id(), o.opinion().summary(), o.comments().size(), o.concentrated(),
                    o.opinion().decision(), AdoptionDecision.labelOf(o.opinion().decision()), o.opinion().reason(), o.opinion().decidedAt(),
                    o.comments().stream().map(CommentExcerpt::of).toList(), o.opinion().audit());
        }
    }

    @Operation(summary = "查看归并建议",
            description = "系统按文字相似程度把尚未归并的留言分组，供工作人员参考归并；threshold 为相似度门槛（0 到 1 之间，越大分得越细）。只是建议，不作任何更改。")
    @GetMapping("/opinion-suggestions")
    @SignedIn
    List<SuggestionView> suggestions(@PathVariable String consultationId,
            @RequestParam(required = false) @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") Double threshold,
            @AuthenticationPrincipal Actor actor) {
        return service.suggestions(consultationId, threshold, actor).stream()
                .map(group -> new SuggestionView(group.size(), group.stream().map(CommentExcerpt::of).toList()))
                .toList();
    }

    @Operation(summary = "查看归并后的意见",
            description = "分页列出本次征求意见已归并的各条意见（按意见编号排序）：摘要、包含的留言数、是否为集中意见、采纳决定及理由、操作记录。page 从 0 开始，size 最多 100。")
    @GetMapping("/opinions")
    @SignedIn
    PageView<OpinionView> list(@PathVariable String consultationId,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(service.list(consultationId, actor, page, size), OpinionView::of);
    }

    @Operation(summary = "归并为一条意见",
            description = "把选中的若干条留言归并为一条意见，并写明意见摘要。")
    @PostMapping("/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    OpinionView confirm(@PathVariable String consultationId, @Valid @RequestBody GroupRequest request,
            @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.confirm(consultationId, request.summary(), request.commentIds(), actor));
    }

    @Operation(summary = "向意见追加留言",
            description = "把更多留言归入一条已有的意见。")
    @PostMapping("/opinions/{opinionId}/comments")
    @SectionStaffOrOffice
    OpinionView addComments(@PathVariable String consultationId, @PathVariable String opinionId,
            @Valid @RequestBody AddCommentsRequest request, @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.addComments(consultationId, opinionId, request.commentIds(), actor));
    }

    @Operation(summary = "拆分意见",
            description = "从一条意见中拆出部分留言，另立为一条新的意见，并写明新意见的摘要。")
    @PostMapping("/opinions/{opinionId}/split")
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    OpinionView split(@PathVariable String consultationId, @PathVariable String opinionId, @Valid @RequestBody GroupRequest request,
            @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.split(consultationId, opinionId, request.summary(), request.commentIds(), actor));
    }

    @Operation(summary = "合并意见",
            description = "把其他几条意见合并到这条意见中。")
    @PostMapping("/opinions/{opinionId}/merge")
    @SectionStaffOrOffice
    OpinionView merge(@PathVariable String consultationId, @PathVariable String opinionId, @Valid @RequestBody MergeRequest request,
            @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.merge(consultationId, opinionId, request.opinionIds(), actor));
    }

    @Operation(summary = "修改意见摘要",
            description = "修改一条意见的摘要文字。")
    @PutMapping("/opinions/{opinionId}/summary")
    @SectionStaffOrOffice
    OpinionView reviseSummary(@PathVariable String consultationId, @PathVariable String opinionId,
            @Valid @RequestBody SummaryRequest request, @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.reviseSummary(consultationId, opinionId, request.summary(), actor));
    }

    @Operation(summary = "作出采纳决定",
            description = "对一条意见作出采纳、部分采纳或未予采纳的决定。集中意见（同一意见汇集的留言达到规定条数）未全部采纳的，须写明向公众说明的理由。")
    @PutMapping("/opinions/{opinionId}/decision")
    @SectionStaffOrOffice
    OpinionView decide(@PathVariable String consultationId, @PathVariable String opinionId, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return OpinionView.of(service.decide(consultationId, opinionId, request.decision(), request.reason(), actor));
    }

    @Operation(summary = "公布意见采纳情况反馈",
            description = "征求期截止后，每条意见都须有采纳决定（集中意见未全部采纳的须有理由）；写明最终决定作了哪些修改，公布意见采纳情况反馈，公众即可查阅。")
    @PostMapping("/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    FeedbackReport publishFeedback(@PathVariable String consultationId, @Valid @RequestBody FeedbackRequest request,
            @AuthenticationPrincipal Actor actor) {
        return service.publishFeedback(consultationId, request.finalDecisionChanges(), actor);
    }
}
