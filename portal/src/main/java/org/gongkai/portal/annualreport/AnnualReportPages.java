package org.gongkai.portal.annualreport;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.web.FlashActions;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 政府信息公开工作年度报告: the public list and report page (parts 一 to 六, tables 二 to 四), and the desk where the
 * disclosure office drafts, fills in, publishes and corrects a year's report and leadership approves it. The report is
 * rendered from the service's document as it comes (a map), so the page shows exactly what the exports show.
 * Who may do what is the service's decision; its refusal is shown on the page in its own words.
 */
@Controller
class AnnualReportPages {

    static final ParameterizedTypeReference<Page> PAGE = new ParameterizedTypeReference<>() { };
    static final int PAGE_SIZE = 20;
    static final String DESK = "/portal/leadership/annual-reports";

    /** The service's PageView. */
    record Page(List<Map<String, Object>> items, int page, int size, long total) {
    }

    private final Api api;

    AnnualReportPages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/annual-reports")
    String published(@RequestParam(defaultValue = "1") int page, Model model) {
        int zeroBased = Math.max(0, page - 1);
        Page found = api.get(Api.Service.REPORTING, "/api/public/annual-reports?page={p}&size={s}", PAGE, zeroBased, PAGE_SIZE);
        model.addAttribute("reports", Paged.ofPage(found.items(), found.page(), found.size(), found.total()));
        return "annualreport/list";
    }

    @GetMapping("/portal/annual-reports/{year}")
    String publishedReport(@PathVariable int year, Model model) {
        model.addAttribute("report", api.get(Api.Service.REPORTING, "/api/public/annual-reports/{y}", Map.class, year));
        model.addAttribute("exportBase", "/api/public/annual-reports/" + year + "/export");
        return "annualreport/report";
    }

    @GetMapping(DESK)
    String desk(@RequestParam(defaultValue = "1") int page, Model model) {
        int zeroBased = Math.max(0, page - 1);
        Page found = api.staffGet(Api.Service.REPORTING, "/api/reporting/annual-reports?page={p}&size={s}", PAGE, zeroBased, PAGE_SIZE);
        model.addAttribute("reports", Paged.ofPage(found.items(), found.page(), found.size(), found.total()));
        return "annualreport/desk";
    }

    @PostMapping(DESK)
    String start(@RequestParam(required = false) String year, RedirectAttributes redirect) {
        if (year == null || !year.strip().matches("\\d{4}")) {
            redirect.addFlashAttribute("failed", "请填写四位数的年度，如 2026。");
            return "redirect:" + DESK;
        }
        int y = Integer.parseInt(year.strip());
        boolean started = FlashActions.attempt(redirect, y + " 年度报告草稿已建立。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.REPORTING, "/api/reporting/annual-reports/{y}", null, Map.class, y));
        return "redirect:" + (started ? DESK + "/" + y : DESK);
    }

    @GetMapping(DESK + "/{year}")
    String staffReport(@PathVariable int year, Model model) {
        Map<?, ?> view = api.staffGet(Api.Service.REPORTING, "/api/reporting/annual-reports/{y}", Map.class, year);
        model.addAttribute("view", view);
        model.addAttribute("report", view.get("report"));
        model.addAttribute("exportBase", "/portal/leadership/annual-reports/" + year + "/export");
        return "annualreport/staff";
    }

    @PostMapping(DESK + "/{year}/content")
    String edit(@PathVariable int year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String back = DESK + "/" + year;
        Map<String, Object> body;
        try {
            body = content(form);
        } catch (InvalidFigure e) {
            redirect.addFlashAttribute("failed", e.getMessage());
            return "redirect:" + back;
        }
        return FlashActions.thenRedirect(redirect, back, "年度报告已保存。", () -> api.staffSend(HttpMethod.PUT, Api.Service.REPORTING,
                "/api/reporting/annual-reports/{y}", body, Map.class, year));
    }

    @PostMapping(DESK + "/{year}/approval")
    String approve(@PathVariable int year, RedirectAttributes redirect) {
        return FlashActions.thenRedirect(redirect, DESK + "/" + year, "年度报告已审定，统计数据已固定。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.REPORTING, "/api/reporting/annual-reports/{y}/approval", null, Map.class, year));
    }

    @PostMapping(DESK + "/{year}/publication")
    String publish(@PathVariable int year, RedirectAttributes redirect) {
        return FlashActions.thenRedirect(redirect, DESK + "/" + year, "年度报告已发布，公众可以查阅。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.REPORTING, "/api/reporting/annual-reports/{y}/publication", null, Map.class, year));
    }

    @PostMapping(DESK + "/{year}/corrections")
    String correct(@PathVariable int year, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (note == null || note.isBlank()) {
            redirect.addFlashAttribute("failed", "更正已发布的年度报告须写明更正说明。");
            return "redirect:" + DESK + "/" + year;
        }
        return FlashActions.thenRedirect(redirect, DESK + "/" + year, "已新建更正版本（草稿），修改后须重新审定、发布。", () -> api.staffSend(
                HttpMethod.POST, Api.Service.REPORTING, "/api/reporting/annual-reports/{y}/corrections", Api.body("note", note.strip()),
                Map.class, year));
    }

    /** The staff export goes through the portal with the user's token (the staff route is not public). */
    @GetMapping(DESK + "/{year}/export")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(defaultValue = "xlsx") String format) {
        String f = "html".equals(format) ? "html" : "xlsx";
        return api.staffDownload(Api.Service.REPORTING, "/api/reporting/annual-reports/{y}/export?format={f}", year, f);
    }

    static final List<String> SOURCED_COUNTS = List.of("licensing", "punishment", "coercion");
    static final List<String> CASE_LINES = List.of("administrativeReview", "litigationDirect", "litigationAfterReview");
    static final List<String> CASE_COUNTS = List.of("upheld", "corrected", "other", "pending");

    /** The form as the service's whole content: a figure left blank (with its source) is not yet written. */
    static Map<String, Object> content(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("overview", blankToNull(form.get("overview")));
        for (String name : SOURCED_COUNTS) {
            String count = blankToNull(form.get(name + ".count"));
            String source = blankToNull(form.get(name + ".source"));
            body.put(name, count == null && source == null ? null : Api.body("count", whole(count, name), "source", source));
        }
        String fees = blankToNull(form.get("administrativeFees.tenThousandYuan"));
        String feesSource = blankToNull(form.get("administrativeFees.source"));
        body.put("administrativeFees", fees == null && feesSource == null ? null
                : Api.body("tenThousandYuan", amount(fees), "source", feesSource));
        for (String line : CASE_LINES) {
            Map<String, Object> cases = new LinkedHashMap<>();
            for (String count : CASE_COUNTS) {
                String value = blankToNull(form.get(line + "." + count));
                if (value != null) {
                    cases.put(count, whole(value, line));
                }
            }
            body.put(line, cases.isEmpty() ? null : cases);
        }
        body.put("problemsAndImprovements", blankToNull(form.get("problemsAndImprovements")));
        body.put("otherMatters", blankToNull(form.get("otherMatters")));
        return body;
    }

    private static Long whole(String value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,9}")) {
            throw new InvalidFigure("数量须为不小于 0 的整数：" + value);
        }
        return Long.parseLong(value);
    }

    private static BigDecimal amount(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,9}(\\.\\d{1,6})?")) {
            throw new InvalidFigure("行政事业性收费请按万元填写，最多六位小数：" + value);
        }
        return new BigDecimal(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A figure the portal can tell is wrong before asking the service. */
    static final class InvalidFigure extends RuntimeException {
        InvalidFigure(String message) {
            super(message, null, false, false);
        }
    }
}
