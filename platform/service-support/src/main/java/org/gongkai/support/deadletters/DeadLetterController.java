package org.gongkai.support.deadletters;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.AdminOnly;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's re-drive of this service's dead-letter queues, e.g. {@code POST /api/reporting-service/admin/dead-letters/redrive}. */
@Tag(name = "死信重新投递", description = "系统管理员用：把处理失败、进入死信队列的业务消息重新投递给本服务处理。需登录。")
@RestController
public class DeadLetterController {

    private final DeadLetterRedriveService redrives;

    public DeadLetterController(DeadLetterRedriveService redrives) {
        this.redrives = redrives;
    }

    public record RedriveView(int redriven, Map<String, Integer> byQueue, Instant at, String correlationId) {
    }

    @Operation(summary = "重新投递死信消息",
            description = "仅系统管理员可用。把本服务各消费队列的死信队列中现有的消息移回原队列重新处理（已处理过的消息按事件标识跳过，不会重复计数），"
                    + "返回移动的条数；每次操作都记录操作人、时间和条数。消息服务器无法连接时返回 503，可稍后重试。")
    @PostMapping("/api/${spring.application.name}/admin/dead-letters/redrive")
    @AdminOnly
    public RedriveView redrive(@AuthenticationPrincipal Actor actor) {
        DeadLetterRedrive record = redrives.redrive(actor);
        return new RedriveView(record.redriven(), record.byQueue(), record.audit().at(), record.correlationId());
    }
}
