package org.gongkai.catalogue.table;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.catalogue.version.CatalogueService;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.support.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Any published version of a catalogue in the official table layout, token-free like the other public reads. */
@Tag(name = "公开目录查询", description = "公众无需登录即可查阅已发布的政务公开事项目录：现行版本、历史版本、版本差异、事项检索和官方表格导出。草稿版本不会从这里公开。")
@RestController
@RequestMapping("/api/public/catalogues")
class PublicTableController {

    private final CatalogueService catalogues;

    PublicTableController(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    /** Any published version in the official table layout, as XLSX or CSV (UTF-8 with BOM). */
    @Operation(summary = "导出目录表格",
            description = "按官方表格样式导出某个已发布版本，format 取 xlsx（Excel，默认）或 csv（UTF-8 带 BOM，可直接用 Excel/WPS 打开）。待核实事项和不适用事项在表中标明。无需登录。")
    @GetMapping("/{catalogue}/versions/{version}/export")
    ResponseEntity<byte[]> export(@PathVariable String catalogue, @PathVariable int version,
            @RequestParam(defaultValue = "xlsx") @Schema(allowableValues = {"xlsx", "csv"}) String format) {
        CatalogueVersion v = catalogues.publishedVersion(catalogue, version);
        return Downloads.table(catalogue + "-v" + version, format, () -> OfficialTable.xlsx(v), () -> OfficialTable.csv(v));
    }
}
