package org.gongkai.consultation.catalogue;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.catalogue.CatalogueSnapshot;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
            description = "分页列出本服务已收到的各目录版本（目录代码、版本号、事项数量），按目录代码排序，用于核对征求意见所引用的目录事项是否为最新。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<SnapshotSummary> snapshots(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        // one snapshot per catalogue: a handful, held in memory, so paged there
        List<SnapshotSummary> all = snapshots.all().stream().sorted(Comparator.comparing(CatalogueSnapshot::catalogue))
                .map((CatalogueSnapshot s) -> new SnapshotSummary(s.catalogue(), s.version(), s.items().size())).toList();
        return PageView.of(all, page, size);
    }
}
