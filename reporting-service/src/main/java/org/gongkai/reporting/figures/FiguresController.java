package org.gongkai.reporting.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.reporting.facts.Period;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.AccessRules.OfficeLeadershipOrAdmin;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures per section and county-wide, and the leadership report. A section reads only its own figures. */
@Tag(name = "统计数据", description = "各股室和全县的政务公开统计数据及领导工作报告，可导出为 Excel 或 CSV。股室只能查看本股室的数据。需登录。")
@RestController
@RequestMapping("/api/reporting")
class FiguresController {

    private final FiguresService figures;

    FiguresController(FiguresService figures) {
        this.figures = figures;
    }

    @Operation(summary = "查看股室统计数据",
            description = "查看一个股室在某一期间的统计数据（period 如 2026-H2 表示 2026 年下半年）：文件公开、按时公开、政策解读、回应关切、征求意见等各项指标。只能查看本股室的，政务公开办公室、领导和管理员可查看全部。")
    @GetMapping("/sections/{section}/figures")
    @SignedIn
    SectionFigures section(@PathVariable String section, @RequestParam String period, @AuthenticationPrincipal Actor actor) {
        requireOwnOrOverseer(section, actor);
        return figures.section(section, Period.parse(period));
    }

    @Operation(summary = "导出股室统计数据",
            description = "把股室某一期间的统计数据导出为 xlsx（默认）或 csv，表头为中文，数字为数值格式。")
    @GetMapping("/sections/{section}/figures/export")
    @SignedIn
    ResponseEntity<byte[]> exportSection(@PathVariable String section, @RequestParam String period,
            @RequestParam(defaultValue = "xlsx") String format, @AuthenticationPrincipal Actor actor) {
        requireOwnOrOverseer(section, actor);
        SectionFigures f = figures.section(section, Period.parse(period));
        return Downloads.table(section + "-" + period, format, () -> FiguresExport.xlsx(f), () -> FiguresExport.csv(FiguresExport.rows(f)));
    }

    @Operation(summary = "查看全县统计数据",
            description = "领导、政务公开办公室和管理员查看全局在某一期间的汇总统计数据。")
    @GetMapping("/county/figures")
    @OfficeLeadershipOrAdmin
    SectionFigures county(@RequestParam String period) {
        return figures.county(Period.parse(period));
    }

    @Operation(summary = "查看领导工作报告",
            description = "领导、政务公开办公室和管理员查看某一期间的工作报告：全局汇总数据、各项指标和综合得分、各股室的评价以及历期趋势。")
    @GetMapping("/leadership/report")
    @OfficeLeadershipOrAdmin
    FiguresService.LeadershipReport leadership(@RequestParam String period) {
        return figures.leadership(Period.parse(period));
    }

    @Operation(summary = "导出领导工作报告",
            description = "把领导工作报告导出为 xlsx（默认）或 csv，表头为中文，数字为数值格式。")
    @GetMapping("/leadership/report/export")
    @OfficeLeadershipOrAdmin
    ResponseEntity<byte[]> exportLeadership(@RequestParam String period, @RequestParam(defaultValue = "xlsx") String format) {
        FiguresService.LeadershipReport report = figures.leadership(Period.parse(period));
        return Downloads.table("leadership-" + period, format, () -> FiguresExport.xlsx(report), () -> FiguresExport.csv(report));
    }

    private static void requireOwnOrOverseer(String section, Actor actor) {
        if (!actor.overseesAllSections() && !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "只能查看本股室的统计数据。");
        }
    }
}
