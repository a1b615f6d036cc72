package org.gongkai.catalogue.version;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only, token-free views of the published catalogues. Drafts never leave through these routes. */
@Tag(name = "公开目录查询", description = "公众无需登录即可查阅已发布的政务公开事项目录：现行版本、历史版本、版本差异、事项检索和官方表格导出。草稿版本不会从这里公开。")
@RestController
@RequestMapping("/api/public/catalogues")
class PublicCatalogueController {

    private final CatalogueService catalogues;

    PublicCatalogueController(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    record VersionSummary(String catalogue, String title, int version, String effectiveFrom, int items) {
        static VersionSummary of(CatalogueVersion v) {
            return new VersionSummary(v.catalogue(), v.title(), v.version(), String.valueOf(v.effectiveFrom()), v.items().size());
        }
    }

    record VersionView(String catalogue, String title, int version, String status, String statusLabel, String effectiveFrom,
            List<CatalogueItem> items) {
        static VersionView of(CatalogueVersion v) {
            return new VersionView(v.catalogue(), v.title(), v.version(), v.status().name(), v.status().label(),
                    String.valueOf(v.effectiveFrom()), v.items());
        }
    }

    @Operation(summary = "查看各目录的现行版本",
            description = "分页列出各目录（安全生产领域 work-safety、防灾减灾救灾领域 disaster-relief）当前施行的已发布版本：目录代码、名称、版本号、施行日期和事项数量，按固定顺序（安全生产领域在前）。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping
    PageView<VersionSummary> current(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        // the catalogues are a fixed handful named in code, so paged in memory
        return PageView.of(CatalogueService.CATALOGUES.stream().map(catalogues::published).map(VersionSummary::of).toList(), page, size);
    }

    @Operation(summary = "查看某个目录的现行版本",
            description = "返回指定目录当前施行版本的全部事项（一级、二级事项，公开内容、依据、时限、主体、渠道等）及版本状态。事项中的核实状态标明是否“待核实”。无需登录。")
    @GetMapping("/{catalogue}")
    VersionView current(@PathVariable String catalogue) {
        return VersionView.of(catalogues.published(catalogue));
    }

    @Operation(summary = "查看目录中的一个事项",
            description = "按事项编号查看现行版本中的一个事项。编号不存在时返回“事项不存在”。无需登录。")
    @GetMapping("/{catalogue}/items/{code}")
    CatalogueItem item(@PathVariable String catalogue, @PathVariable String code) {
        return catalogues.published(catalogue).item(code)
                .orElseThrow(() -> DomainException.notFound("item-not-found", "目录“" + catalogue + "”中没有事项 " + code + "。"));
    }

    /** Keyword search over names, content and basis; a substring match, which suits Chinese text without word breaks. */
    @Operation(summary = "检索目录事项",
            description = "在现行版本中按关键词分页检索事项：在一级、二级事项名称、公开内容和公开依据中查找包含该关键词的事项，按目录中的顺序；不填关键词则列出全部事项。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping("/{catalogue}/items")
    PageView<CatalogueItem> search(@PathVariable String catalogue, @RequestParam(name = "q", defaultValue = "") @Size(max = 100) String q,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        // a version is one stored document holding all its items, so its items are paged in memory
        return PageView.of(catalogues.published(catalogue).items().stream()
                .filter(i -> needle.isEmpty() || String.join(" ", i.level1(), i.level2(), i.content(), String.join(" ", i.basis()))
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList(), page, size);
    }

    @Operation(summary = "查看目录的历次发布版本",
            description = "分页列出指定目录所有已发布的版本（版本号、施行日期、事项数量），最新版本在前，用于追溯目录的变化。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping("/{catalogue}/versions")
    PageView<VersionSummary> history(@PathVariable String catalogue,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(catalogues.publishedVersions(catalogue, page, size), VersionSummary::of);
    }

    @Operation(summary = "查看目录的某个历史版本",
            description = "返回指定目录某个已发布版本的全部事项，与当时公布的内容一致。无需登录。")
    @GetMapping("/{catalogue}/versions/{version}")
    VersionView version(@PathVariable String catalogue, @PathVariable int version) {
        return VersionView.of(catalogues.publishedVersion(catalogue, version));
    }

    @Operation(summary = "比较两个版本的差异",
            description = "比较同一目录两个已发布版本（from、to 为版本号），列出新增、删除的事项和逐项改动的栏目。无需登录。")
    @GetMapping("/{catalogue}/diff")
    VersionDiff diff(@PathVariable String catalogue, @RequestParam int from, @RequestParam int to) {
        return catalogues.diff(catalogue, from, to);
    }
}
