package org.gongkai.portal.leadership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.Zh;
import org.gongkai.portal.workbench.DocumentDesk;
import org.gongkai.portal.workbench.StaffDocument;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leadership dashboard: county indicators against their targets, the weighted score, each section's score,
 * the trend over the last periods (server-drawn SVG, no script), overdue items and the XLSX download. Every figure
 * is the reporting API's, formatted, never recomputed.
 */
@Controller
class LeadershipDashboard {

    public record Indicator(String name, Double value, Double target, Boolean met) {
    }

    public record Figures(String section, String period, long documentsIssued, long documentsPublished, long publishedOnTime,
            long publishedLate, long stillOverdue, long interpretationsPublished, long concernsReceived,
            long consultationsOpened, long commentsReceived, long feedbackReportsPublished) {
    }

    public record SectionEvaluation(String section, Figures figures, List<Indicator> indicators, Double score) {
    }

    public record TrendPoint(String period, Double onTimePublicationRate, Double nonTextInterpretationShare,
            Double responseWithin48HoursRate, Double adoptionRate, Double score) {
    }

    public record Report(String period, Figures county, List<Indicator> indicators, Double score,
            List<SectionEvaluation> sections, List<TrendPoint> trend) {
    }

    public record OverdueSection(String section, String period, LocalDate dueOn, String status) {
    }

    /** One bar of the trend chart, laid out on the server. */
    public record Bar(String label, String value, int x, int y, int height) {
    }

    private final Api api;
    private final DocumentDesk desk;

    LeadershipDashboard(Api api, DocumentDesk desk) {
        this.api = api;
        this.desk = desk;
    }

    static String currentPeriod() {
        LocalDate today = Zh.today();
        return today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    @GetMapping("/portal/leadership")
    String dashboard(@RequestParam(required = false) String period, Model model) {
        String p = period == null || !period.matches("\\d{4}(-H[12])?") ? currentPeriod() : period;
        Report report = api.staffGet(Api.Service.REPORTING, "/api/reporting/leadership/report?period={p}", Report.class, p);
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("report", report);
        model.addAttribute("bars", bars(report.trend()));
        model.addAttribute("overdueReports", api.staffGetAll(Api.Service.REPORTING, "/api/reporting/reports/overdue?period={p}",
                new ParameterizedTypeReference<ApiPage<OverdueSection>>() { }, p));
        List<StaffDocument> board = api.staffGetAll(Api.Service.PUBLICATION, "/api/documents/deadline-board", DocumentDesk.LIST);
        model.addAttribute("overdueDocuments", desk.rows(board.stream().filter(StaffDocument::overdue).toList()));
        return "leadership/dashboard";
    }

    /** The leadership report as the reporting service exports it (XLSX or CSV), streamed through with the user's token. */
    @GetMapping("/portal/leadership/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String period, @RequestParam(defaultValue = "xlsx") String format) {
        String p = period == null || !period.matches("\\d{4}(-H[12])?") ? currentPeriod() : period;
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new ApiProblem(404, "unknown-format", format, null);
        }
        ResponseEntity<byte[]> file = api.staffDownload(Api.Service.REPORTING, "/api/reporting/leadership/report/export?period={p}&format={f}", p, format);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(file.getHeaders().getContentType());
        String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition : "attachment; filename=\"leadership-" + p + "." + format + "\"");
        headers.setCacheControl("no-store");
        return ResponseEntity.ok().headers(headers).body(file.getBody());
    }

    static List<String> periods() {
        int year = Zh.today().getYear();
        List<String> list = new ArrayList<>();
        for (int y = year; y >= year - 2; y--) {
            list.add(y + "-H2");
            list.add(y + "-H1");
            list.add(String.valueOf(y));
        }
        return list;
    }

    /** Score per period as bars 0–100 in a 600×220 drawing. */
    static List<Bar> bars(List<TrendPoint> trend) {
        List<Bar> bars = new ArrayList<>();
        int n = Math.max(1, trend.size());
        int slot = 560 / n;
        for (int i = 0; i < trend.size(); i++) {
            TrendPoint t = trend.get(i);
            double score = t.score() == null ? 0 : Math.max(0, Math.min(100, t.score()));
            int height = (int) Math.round(score * 1.6);
            bars.add(new Bar(label(t.period()), t.score() == null ? "无数据" : String.format("%.1f", t.score()),
                    30 + i * slot + slot / 4, 190 - height, height));
        }
        return bars;
    }

    static String label(String period) {
        if (period.endsWith("-H1")) {
            return period.substring(0, 4) + "年上半年";
        }
        if (period.endsWith("-H2")) {
            return period.substring(0, 4) + "年下半年";
        }
        return period + "年";
    }

    public static Map<String, String> periodLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        periods().forEach(p -> labels.put(p, label(p)));
        return labels;
    }
}
