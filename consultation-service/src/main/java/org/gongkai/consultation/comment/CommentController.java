package org.gongkai.consultation.comment;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.consultation.consultation.Channel;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes for the comments of a consultation: reading (private fields included), offline entry, moderation. */
@Tag(name = "留言管理", description = "工作人员查看某项征求意见收到的全部留言（含姓名和联系方式），录入线下收到的意见，屏蔽不当留言。需登录。")
@RestController
@RequestMapping("/api/consultations/{consultationId}/comments")
class CommentController {

    private final CommentService service;

    CommentController(CommentService service) {
        this.service = service;
    }

    record OfflineOpinionRequest(
            @NotNull Channel channel,
            @NotBlank @Size(max = Comment.MAX_CONTENT_LENGTH) String content,
            @Size(max = Comment.MAX_NAME_LENGTH) String name,
            @Size(max = 254) String contact) {
    }

    record ModerationRequest(@NotNull Boolean hidden, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Staff see who wrote and how to reach them; this view never leaves through a public route. */
    record StaffCommentView(String id, Channel channel, String channelLabel, String content, String name, Contact contact,
            Instant receivedAt, String enteredBy, boolean hidden, String moderationReason, String opinionId, List<AuditEntry> audit) {
        static StaffCommentView of(Comment c) {
            return new StaffCommentView(c.id(), c.channel(), Channel.labelOf(c.channel()), c.content(), c.authorName(), c.contact(), c.receivedAt(),
                    c.enteredBy(), c.hidden(), c.moderationReason(), c.opinionId(), c.audit());
        }
    }

    @Operation(summary = "查看全部留言",
            description = "分页查看本次征求意见收到的全部留言，最早收到的在前，包括留言人姓名、联系方式、是否屏蔽、归入哪条意见和操作记录。这些信息仅供工作人员使用。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<StaffCommentView> list(@PathVariable String consultationId,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(service.forStaff(consultationId, actor, page, size), StaffCommentView::of);
    }

    @Operation(summary = "录入线下意见",
            description = "把通过听证、座谈、信函等线下渠道收到的意见录入系统，注明渠道，与网上留言一并归并和答复。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaffOrOffice
    StaffCommentView enterOffline(@PathVariable String consultationId, @Valid @RequestBody OfflineOpinionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return StaffCommentView.of(service.enterOffline(consultationId, request.channel(),
                new Comment.Submission(request.content(), request.name(), request.contact()), actor));
    }

    @Operation(summary = "屏蔽或恢复留言",
            description = "屏蔽含有不当内容的留言，或恢复已屏蔽的留言，须写明理由；留有操作记录。")
    @PostMapping("/{commentId}/moderation")
    @SectionStaffOrOffice
    StaffCommentView moderate(@PathVariable String consultationId, @PathVariable String commentId,
            @Valid @RequestBody ModerationRequest request, @AuthenticationPrincipal Actor actor) {
        return StaffCommentView.of(service.moderate(consultationId, commentId, request.hidden(), request.reason(), actor));
    }
}
