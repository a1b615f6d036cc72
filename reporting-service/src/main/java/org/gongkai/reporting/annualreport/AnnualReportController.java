package org.gongkai.reporting.annualreport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.reporting.access.ReportingAccessRules.LeaderOnly;
import org.gongkai.reporting.access.ReportingAccessRules.Overseers;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.web.Downloads;
import org.gongkai.support.web.PageView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of the annual report: the office drafts, edits, publishes and corrects; leadership approves. */
@Tag(name = "政府信息公开工作年度报告", description = "按国办公开办函〔2021〕30号格式编制本局政府信息公开工作年度报告：政务公开办公室起草、填报和发布，局领导审定；统计表由事件自动生成。需登录。")
@RestController
@RequestMapping("/api/reporting/annual-reports")
@Overseers
class AnnualReportController {

    private final AnnualReportService reports;

    AnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    record SourcedCountRequest(@NotNull @Min(0) @Max(10_000_000) Long count, @NotBlank @Size(max = 200) String source) {
    }

    /** 行政事业性收费 in 万元, to the fen (six decimals). */
    record SourcedAmountRequest(@NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 6) BigDecimal tenThousandYuan,
            @NotBlank @Size(max = 200) String source) {
    }

    record CaseCountsRequest(@Min(0) @Max(100_000) int upheld, @Min(0) @Max(100_000) int corrected, @Min(0) @Max(100_000) int other,
            @Min(0) @Max(100_000) int pending) {
    }

    /** The whole editable content; a part left out is not (yet) written. */
    record ContentRequest(@Size(max = 50_000) String overview, @Valid SourcedCountRequest licensing, @Valid SourcedCountRequest punishment,
            @Valid SourcedCountRequest coercion, @Valid SourcedAmountRequest administrativeFees, @Valid CaseCountsRequest administrativeReview,
            @Valid CaseCountsRequest litigationDirect, @Valid CaseCountsRequest litigationAfterReview,
            @Size(max = 50_000) String problemsAndImprovements, @Size(max = 50_000) String otherMatters) {

        AnnualReportContent toContent() {
            return new AnnualReportContent(blankToNull(overview), count(licensing), count(punishment), count(coercion),
                    administrativeFees == null ? null : new AnnualReportContent.SourcedAmount(
                            administrativeFees.tenThousandYuan().movePointRight(6).longValueExact(), administrativeFees.source().strip()),
                    cases(administrativeReview), cases(litigationDirect), cases(litigationAfterReview), blankToNull(problemsAndImprovements),
                    blankToNull(otherMatters));
        }

        private static AnnualReportContent.SourcedCount count(SourcedCountRequest r) {
            return r == null ? null : new AnnualReportContent.SourcedCount(r.count(), r.source().strip());
        }

        private static AnnualReportContent.CaseCounts cases(CaseCountsRequest r) {
            return r == null ? null : new AnnualReportContent.CaseCounts(r.upheld(), r.corrected(), r.other(), r.pending());
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    record CorrectionRequest(@NotBlank @Size(max = 2000) String note) {
    }

    record RevisionSummary(int revision, AnnualReport.Status status, String statusLabel, String correctionNote, String approvedBy,
            Instant approvedAt, String publishedBy, Instant publishedAt) {
        static RevisionSummary of(AnnualReport.Revision r) {
            return new RevisionSummary(r.number(), r.status(), r.status().label(), r.correctionNote(), r.approvedBy(), r.approvedAt(),
                    r.publishedBy(), r.publishedAt());
        }
    }

    /** The latest (or a chosen) revision in full, the figures as they stand, all revisions and the audit trail. */
    record AnnualReportView(int year, LocalDate dueOn, boolean overdue, AnnualReportDocument report, AnnualReportFigures figures,
            boolean figuresFrozen, List<RevisionSummary> revisions, List<AuditEntry> audit) {
    }

    record AnnualReportSummary(int year, LocalDate dueOn, boolean overdue, int latestRevision, AnnualReport.Status status,
            String statusLabel, Integer publishedRevision) {
    }

    @Operation(summary = "起草年度报告", description = "政务公开办公室为某一年度（2021 年起）建立年度报告草稿（第 1 版）。报告应于次年 1 月 31 日前发布。")
    @PostMapping("/{year}")
    @ResponseStatus(HttpStatus.CREATED)
    @OfficeOnly
    AnnualReportView start(@PathVariable int year, @AuthenticationPrincipal Actor actor) {
        return view(reports.start(year, actor), null);
    }

    @Operation(summary = "查看年度报告列表", description = "分页列出各年度报告的最新版本、状态、应发布日期和是否逾期，年份新的在前。page 从 0 开始，size 最多 100。")
    @GetMapping
    PageView<AnnualReportSummary> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        LocalDate today = reports.today();
        List<AnnualReportSummary> all = reports.all().stream().map(r -> new AnnualReportSummary(r.year(), r.dueOn(), r.isOverdueOn(today),
                r.latest().number(), r.latest().status(), r.latest().status().label(),
                r.latestPublished().map(AnnualReport.Revision::number).orElse(null))).toList();
        return PageView.of(all, page, size);
    }

    @Operation(summary = "查看年度报告", description = "查看年度报告的最新版本：正文、各统计表（草稿的统计数据随事件更新，审定后固定）、所有版本和操作记录。")
    @GetMapping("/{year}")
    AnnualReportView get(@PathVariable int year) {
        return view(reports.get(year), null);
    }

    @Operation(summary = "查看年度报告的某一版本", description = "查看年度报告某一版本（如更正前已发布的版本）的全文。")
    @GetMapping("/{year}/revisions/{revision}")
    AnnualReportView revision(@PathVariable int year, @PathVariable int revision) {
        return view(reports.get(year), revision);
    }

    @Operation(summary = "填写年度报告", description = "政务公开办公室填写或修改年度报告：总体情况、存在的主要问题及改进情况、其他需要报告的事项，以及来自其他系统的行政许可、行政处罚、行政强制决定数量和行政事业性收费金额（万元，须注明数据来源），行政复议和行政诉讼情况。每次修改都有记录；已审定的版本修改后须重新审定；已发布的版本不能修改。")
    @PutMapping("/{year}")
    @OfficeOnly
    AnnualReportView edit(@PathVariable int year, @Valid @RequestBody ContentRequest content,
            @AuthenticationPrincipal Actor actor) {
        return view(reports.edit(year, content.toContent(), actor), null);
    }

    @Operation(summary = "领导审定年度报告", description = "局领导审定年度报告的最新草稿；审定时统计数据随之固定。内容不全的不能审定。")
    @PostMapping("/{year}/approval")
    @LeaderOnly
    AnnualReportView approve(@PathVariable int year, @AuthenticationPrincipal Actor actor) {
        return view(reports.approve(year, actor), null);
    }

    @Operation(summary = "发布年度报告", description = "政务公开办公室发布经局领导审定的年度报告；未经审定的不能发布。发布后报告固定，公众可查阅。")
    @PostMapping("/{year}/publication")
    @OfficeOnly
    AnnualReportView publish(@PathVariable int year, @AuthenticationPrincipal Actor actor) {
        return view(reports.publish(year, actor), null);
    }

    @Operation(summary = "更正已发布的年度报告", description = "已发布的年度报告不能修改；政务公开办公室写明更正说明后新建一个版本（草稿），修改、审定、发布后公众看到最新版本，原版本保留。")
    @PostMapping("/{year}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @OfficeOnly
    AnnualReportView correct(@PathVariable int year, @Valid @RequestBody CorrectionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(reports.startCorrection(year, request.note(), actor), null);
    }

    @Operation(summary = "导出年度报告", description = "把年度报告的最新版本导出为 xlsx（默认，按模板表格样式，含合并表头）或可打印的 html 页面。")
    @GetMapping("/{year}/export")
    ResponseEntity<byte[]> export(@PathVariable int year,
            @RequestParam(defaultValue = "xlsx") @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"xlsx", "html"}) String format) {
        AnnualReport report = reports.get(year);
        return download(document(report, report.latest()), format);
    }

    /** The two renderings of a report as HTTP answers: the workbook to save, the page to print. */
    static ResponseEntity<byte[]> download(AnnualReportDocument report, String format) {
        String name = "annual-report-" + report.year() + "-r" + report.revision();
        return switch (format) {
            case "xlsx" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx").build().toString())
                    .contentType(Downloads.XLSX).body(AnnualReportXlsx.of(report));
            case "html" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".html").build().toString())
                    .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(AnnualReportHtml.of(report).getBytes(StandardCharsets.UTF_8));
            default -> throw DomainException.invalid("unknown-export-format", "年度报告的导出格式只能是 xlsx 或 html。");
        };
    }

    private AnnualReportView view(AnnualReport report, Integer revisionNumber) {
        AnnualReport.Revision revision = revisionNumber == null ? report.latest() : report.revision(revisionNumber)
                .orElseThrow(() -> DomainException.notFound("annual-report-revision-not-found",
                        report.year() + " 年度报告没有第 " + revisionNumber + " 版。"));
        return new AnnualReportView(report.year(), report.dueOn(), report.isOverdueOn(reports.today()), document(report, revision),
                reports.figuresOf(report, revision), revision.figures() != null,
                report.revisions().stream().map(RevisionSummary::of).toList(), report.audit());
    }

    private AnnualReportDocument document(AnnualReport report, AnnualReport.Revision revision) {
        return AnnualReportDocument.of(report, revision, reports.figuresOf(report, revision));
    }
}
