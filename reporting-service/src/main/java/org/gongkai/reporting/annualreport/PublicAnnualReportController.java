package org.gongkai.reporting.annualreport;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Token-free reading of published annual reports: the latest published revision of each year, nothing else. */
@Tag(name = "政府信息公开工作年度报告（公开）", description = "公众无需登录即可查阅已发布的政府信息公开工作年度报告（更正过的显示最新版本及更正说明），并可下载表格或打印。草稿和待审定的报告不会从这里出现。")
@RestController
@RequestMapping("/api/public/annual-reports")
class PublicAnnualReportController {

    private final AnnualReportService reports;

    PublicAnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    record PublishedSummary(int year, String title, int revision, Instant publishedAt, String correctionNote) {
    }

    @Operation(summary = "查阅年度报告列表", description = "分页列出已发布的政府信息公开工作年度报告，年份新的在前。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping
    PageView<PublishedSummary> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(reports.published().stream().map(r -> {
            AnnualReport.Revision p = r.latestPublished().orElseThrow();
            return new PublishedSummary(r.year(), r.year() + "年政府信息公开工作年度报告", p.number(), p.publishedAt(), p.correctionNote());
        }).toList(), page, size);
    }

    @Operation(summary = "查阅一个年度的报告", description = "查阅某一年度已发布的年度报告全文（最新发布的版本）。尚未发布的返回“不存在”。无需登录。")
    @GetMapping("/{year}")
    AnnualReportDocument get(@PathVariable int year) {
        return published(year);
    }

    @Operation(summary = "下载或打印年度报告", description = "把已发布的年度报告导出为 xlsx（默认，按模板表格样式）或可打印的 html 页面。无需登录。")
    @GetMapping("/{year}/export")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(defaultValue = "xlsx") @Schema(allowableValues = {"xlsx", "html"}) String format) {
        return AnnualReportController.download(published(year), format);
    }

    private AnnualReportDocument published(int year) {
        AnnualReport report = reports.publishedReport(year);
        AnnualReport.Revision revision = report.latestPublished().orElseThrow();
        return AnnualReportDocument.of(report, revision, revision.figures());
    }
}
