package org.gongkai.portal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.CurrentUser;
import org.gongkai.portal.web.FlashActions;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Zh;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Semiannual section reports (first half by 10 July, the whole year by 10 January): the section starts its report,
 * which freezes the figures, writes the narrative and submits; the disclosure office accepts or returns it.
 */
@Controller
class SectionReports {

    public record Figures(long documentsIssued, long documentsPublished, long publishedOnTime, long publishedLate,
            long stillOverdue, Double onTimePublicationRate, long interpretationsPublished, Double nonTextInterpretationShare,
            long concernsReceived, Double responseWithin48HoursRate, long consultationsOpened, long commentsReceived,
            Double adoptionRate) {
    }

    public record Narrative(String workDone, String problems, String nextSteps) implements java.io.Serializable {
    }

    public record Report(String section, String period, LocalDate dueOn, String status, Figures figures, Narrative narrative,
            Instant submittedAt, Boolean submittedLate, String returnReason) {

        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }
    }

    static final List<String> SECTIONS = List.of("safety-coordination", "disaster-relief");
    private final Api api;

    SectionReports(Api api) {
        this.api = api;
    }

    /** The report a section is working towards now: the first half until June, then the whole year. */
    static String currentPeriod() {
        LocalDate today = Zh.today();
        return today.getMonthValue() <= 6 ? today.getYear() + "-H1" : String.valueOf(today.getYear());
    }

    static String period(String requested) {
        return requested != null && requested.matches("\\d{4}(-H1)?") ? requested : currentPeriod();
    }

    static List<String> periods() {
        int year = Zh.today().getYear();
        List<String> list = new ArrayList<>();
        for (int y = year; y >= year - 2; y--) {
            list.add(String.valueOf(y));
            list.add(y + "-H1");
        }
        return list;
    }

    private Report find(String section, String period) {
        try {
            return api.staffGet(Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}", Report.class, section, period);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    @GetMapping("/portal/staff/reports")
    String sectionReport(@RequestParam(required = false) String period, Model model) {
        String p = period(period);
        String section = CurrentUser.get().section();
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("report", find(section, p));
        return "staff/report";
    }

    @PostMapping("/portal/staff/reports/{period}")
    String start(@PathVariable String period, RedirectAttributes redirect) {
        String section = CurrentUser.get().section();
        return act(redirect, "/portal/staff/reports?period=" + period(period), "报告已开始填写，统计数据已固定。", () ->
                api.staffSend(HttpMethod.POST, Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}", null, Report.class,
                        section, period(period)));
    }

    @PostMapping("/portal/staff/reports/{period}/narrative")
    String write(@PathVariable String period, @RequestParam(required = false) String workDone, @RequestParam(required = false) String problems,
            @RequestParam(required = false) String nextSteps, @RequestParam(defaultValue = "false") boolean submit, RedirectAttributes redirect) {
        String section = CurrentUser.get().section();
        String back = "/portal/staff/reports?period=" + period(period);
        if (workDone == null || workDone.isBlank()) {
            redirect.addFlashAttribute("narrativeErrors", FormErrors.none().field("workDone", "请填写本期工作开展情况。"));
            redirect.addFlashAttribute("draft", new Narrative(workDone, problems, nextSteps));
            return "redirect:" + back;
        }
        return act(redirect, back, submit ? "报告已报送政务公开办。" : "报告已保存。", () -> {
            api.staffSend(HttpMethod.PUT, Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}/narrative",
                    Api.body("workDone", workDone.strip(), "problems", problems, "nextSteps", nextSteps), Report.class, section, period(period));
            if (submit) {
                api.staffSend(HttpMethod.POST, Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}/submission", null,
                        Report.class, section, period(period));
            }
        });
    }

    @GetMapping("/portal/office/reports")
    String officeReports(@RequestParam(required = false) String period, Model model) {
        String p = period(period);
        Map<String, Report> reports = new LinkedHashMap<>();
        SECTIONS.forEach(s -> reports.put(s, find(s, p)));
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("reports", reports);
        return "office/reports";
    }

    @PostMapping("/portal/office/reports/{section}/{period}/acceptance")
    String accept(@PathVariable String section, @PathVariable String period, RedirectAttributes redirect) {
        return act(redirect, "/portal/office/reports?period=" + period(period), "报告已通过。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}/acceptance", null, Report.class, section, period(period)));
    }

    @PostMapping("/portal/office/reports/{section}/{period}/return")
    String giveBack(@PathVariable String section, @PathVariable String period, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("failed", "退回报告须填写理由。");
            return "redirect:/portal/office/reports?period=" + period(period);
        }
        return act(redirect, "/portal/office/reports?period=" + period(period), "报告已退回股室修改。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.REPORTING, "/api/reporting/sections/{s}/reports/{p}/return", Api.body("reason", reason.strip()), Report.class,
                section, period(period)));
    }

    private static String act(RedirectAttributes redirect, String back, String done, Runnable call) {
        return FlashActions.thenRedirect(redirect, back, done, call);
    }
}
