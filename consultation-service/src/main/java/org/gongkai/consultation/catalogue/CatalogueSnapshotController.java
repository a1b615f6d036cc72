package org.gongkai.consultation.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.catalogue.CatalogueSnapshot;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which catalogue versions this service has learned from events; consultations refer to their items. */
@Tag(name = "目录同步情况", description = "本服务已从目录服务同步到的目录版本；征求意见所对应的目录事项以此为准。需登录。")
@RestController
@RequestMapping("/api/consultations/catalogue-snapshots")
class CatalogueSnapshotController {

    private final CatalogueSnapshots snapshots;

    CatalogueSnapshotController(CatalogueSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    record SnapshotSummary(String catalogue, int version, int items) {
    }

    @Operation(summary = "查看已同步的目录版本",
            description = "列出本服务已收到的各目录版本（目录代码、版本号、事项数量），用于核对征求意见所引用的目录事项是否为最新。")
    @GetMapping
    List<SnapshotSummary> snapshots() {
        return snapshots.all().stream().map((CatalogueSnapshot s) -> new SnapshotSummary(s.catalogue(), s.version(), s.items().size())).toList();
    }
}
