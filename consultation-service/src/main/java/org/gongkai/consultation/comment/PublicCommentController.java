package org.gongkai.consultation.comment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.consultation.consultation.Channel;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous comment route (the gateway lets it through without a token, at most 16 KB) and the public list of
 * comments where a consultation shows them. Name and contact never appear in any answer from here.
 */
@Tag(name = "公众留言", description = "公众无需登录即可对正在征求的意见稿提交留言（每条不超过 16 KB），并在留言公开的征求意见中查看他人留言。姓名和联系方式从不公开。")
@RestController
@RequestMapping("/api/public/consultations/{consultationId}/comments")
class PublicCommentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final CommentService service;

    PublicCommentController(CommentService service) {
        this.service = service;
    }

    record CommentRequest(
            @NotBlank @Size(max = Comment.MAX_CONTENT_LENGTH) String content,
            @Size(max = Comment.MAX_NAME_LENGTH) String name,
            @Size(max = 254) String contact) {
    }

    /** All a citizen gets back: the receipt to look the comment up later. */
    record ReceiptResponse(String receipt, String consultationId, Instant receivedAt, String statusUrl) {
        static ReceiptResponse of(Comment c) {
            return new ReceiptResponse(c.receipt(), c.consultationId(), c.receivedAt(), "/api/public/comments/" + c.receipt());
        }
    }

    record PublicComment(String id, String content, Channel channel, String channelLabel, Instant receivedAt) {
        static PublicComment of(Comment c) {
            return new PublicComment(c.id(), c.content(), c.channel(), Channel.labelOf(c.channel()), c.receivedAt());
        }
    }

    /** 201 with a new receipt, or 200 with the existing one when this was a retry or a duplicate. */
    @Operation(summary = "提交意见",
            description = "对正在征求的意见稿提交意见，可留姓名和联系方式（选填）。成功后返回回执号，凭回执号可查询办理情况；同一请求重发（相同的 Idempotency-Key）或短时间内重复提交同样内容时，返回原来的回执，不会重复登记。无需登录。")
    @PostMapping
    ResponseEntity<ReceiptResponse> submit(@PathVariable String consultationId, @Valid @RequestBody CommentRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, HttpServletRequest http) {
        CommentService.Submitted submitted = service.submit(consultationId,
                new Comment.Submission(request.content(), request.name(), request.contact()), idempotencyKey, clientAddress(http));
        ReceiptResponse body = ReceiptResponse.of(submitted.comment());
        if (submitted.created()) {
            return ResponseEntity.created(URI.create(body.statusUrl())).body(body);
        }
        return ResponseEntity.status(HttpStatus.OK).header(REPLAYED, "true").body(body);
    }

    @Operation(summary = "查看公开的留言",
            description = "在设定为留言公开的征求意见中，分页查看公众留言内容（不含姓名和联系方式），最早收到的在前；page 从 0 开始，size 最多 200。留言不公开时返回“不存在”。无需登录。")
    @GetMapping
    PageView<PublicComment> list(@PathVariable String consultationId,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageView.of(service.forPublic(consultationId, page, size), PublicComment::of);
    }

    /**
     * The client as the gateway saw it. Tomcat's RemoteIpValve has already replaced the remote address with the last
     * X-Forwarded-For hop that is not a trusted proxy, and only when the request came from one (the gateway on
     * loopback by default, {@code server.tomcat.remoteip.internal-proxies}); a header from anyone else is ignored.
     */
    static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
