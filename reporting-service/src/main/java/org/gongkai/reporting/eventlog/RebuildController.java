package org.gongkai.reporting.eventlog;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.security.AccessRules.AdminOrOffice;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild command: replays the event log into fresh read models. */
@Tag(name = "统计数据重建", description = "管理员用：按已收到的全部业务记录重新生成统计数据。需登录。")
@RestController
class RebuildController {

    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "重建统计数据",
            description = "管理员或政务公开办公室按事件记录从头重新生成全部统计数据，返回重放的记录条数。统计数据与业务记录不一致时使用。")
    @PostMapping("/api/reporting/read-models/rebuild")
    @AdminOrOffice
    Map<String, Integer> rebuild() {
        return Map.of("eventsReplayed", rebuild.rebuild());
    }
}
