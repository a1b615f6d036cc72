package org.gongkai.portal.concern;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
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

/** A section's public concerns (政务舆情) with the 48-hour response clock, and recording a response. */
@Controller
class StaffConcerns {

    public record Response(String text, String channel, Instant at, String by) {
    }

    public record Concern(String id, String source, String link, Instant firstSeenAt, String summary, String severity,
            String section, boolean crossDepartment, Instant responseDueAt, boolean answered, Boolean answeredOnTime,
            List<Response> responses) {

        /** Whole hours left until the response is due (negative when overdue). */
        public long hoursLeft() {
            return responseDueAt == null ? 0 : Math.floorDiv(Duration.between(Instant.now(), responseDueAt).toMinutes(), 60);
        }

        public boolean urgent() {
            return !answered && hoursLeft() < 12;
        }
    }

    private final Api api;

    StaffConcerns(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/staff/concerns")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        // the portal orders the whole list itself: every page of it
        List<Concern> all = new ArrayList<>(api.staffGetAll(Api.Service.PUBLICATION, "/api/concerns",
                new ParameterizedTypeReference<ApiPage<Concern>>() { }));
        // unanswered first, the soonest due first
        all.sort(Comparator.comparing(Concern::answered).thenComparing(Concern::responseDueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("concerns", Paged.of(all, page, 20));
        return "staff/concerns";
    }

    @PostMapping("/portal/staff/concerns/{id}/responses")
    String respond(@PathVariable String id, @RequestParam(required = false) String text, @RequestParam(required = false) String channel,
            RedirectAttributes redirect) {
        if (text == null || text.isBlank() || channel == null || channel.isBlank()) {
            redirect.addFlashAttribute("failed", "请填写回应内容和回应渠道。");
            redirect.addFlashAttribute("failedId", id);
            return "redirect:/portal/staff/concerns";
        }
        boolean answered = FlashActions.attempt(redirect, "回应已记录。", () -> api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION,
                "/api/concerns/{id}/responses", Api.body("text", text.strip(), "channel", channel.strip()), Concern.class, id));
        if (!answered) {
            redirect.addFlashAttribute("failedId", id);
        }
        return "redirect:/portal/staff/concerns";
    }
}
