package org.gongkai.reporting.notification;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's inbox of reminders (the portal shows it). */
@Tag(name = "提醒消息", description = "当前登录用户的提醒消息收件箱：进展报告催报、文件公开逾期、舆情回应超时等。需登录。")
@RestController
@RequestMapping("/api/reporting/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record NotificationView(String id, String section, Notification.Kind kind, String kindLabel, String title, String message,
            Instant createdAt, boolean read) {
        static NotificationView of(Notification n, Actor actor) {
            return new NotificationView(n.id(), n.section(), n.kind(), n.kind().label(), n.title(), n.message(), n.createdAt(),
                    n.readBy().contains(actor.username()));
        }
    }

    @Operation(summary = "查看我的提醒消息",
            description = "分页列出发给本人及本股室的提醒消息，最新的在前，并标明是否已读；page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<NotificationView> inbox(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return new PageView<>(notifications.inbox(actor, page, size).stream().map(n -> NotificationView.of(n, actor)).toList(), page, size,
                notifications.inboxSize(actor));
    }

    @Operation(summary = "标记消息为已读",
            description = "把一条提醒消息标记为本人已读。")
    @PostMapping("/{id}/read")
    @SignedIn
    NotificationView read(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return NotificationView.of(notifications.markRead(id, actor), actor);
    }
}
