package org.gongkai.portal.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.catalogue.CatalogueModels;
import org.gongkai.portal.web.CurrentUser;
import org.gongkai.portal.web.FlashActions;
import org.gongkai.portal.web.Paged;
import org.gongkai.portal.web.Zh;
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
 * Refining the standard catalogues (细化补充完善): a section proposes a new item, a refinement, taking responsibility
 * or marking an item not applicable; the disclosure office approves or rejects with a reason and publishes the
 * draft version that collects the approved changes.
 */
@Controller
class CatalogueProposals {

    public record Changes(String level2, String content, List<String> basis, String timeLimit, String timeLimitRule, String body) {
    }

    public record Proposal(String id, String catalogue, String section, String proposer, String kind, String itemCode, String level1,
            Changes changes, String reason, String status, String decidedBy, String decisionReason, Integer appliedToVersion,
            String resultingItemCode) {
    }

    static final ParameterizedTypeReference<ApiPage<Proposal>> LIST = new ParameterizedTypeReference<>() { };
    static final List<String> KINDS = List.of("ADD_ITEM", "REFINE_ITEM", "TAKE_RESPONSIBILITY", "MARK_NOT_APPLICABLE");
    private final Api api;

    CatalogueProposals(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/staff/proposals")
    String sectionProposals(@RequestParam(defaultValue = "1") int page, Model model) {
        // pending first is the portal's own order: every page of the list
        List<Proposal> all = new ArrayList<>(api.staffGetAll(Api.Service.CATALOGUE, "/api/catalogues/proposals", LIST));
        all.sort(Comparator.comparing((Proposal p) -> !"PENDING".equals(p.status())));
        Map<String, List<CatalogueModels.Item>> items = new LinkedHashMap<>();
        for (String catalogue : List.of("work-safety", "disaster-relief")) {
            items.put(catalogue, api.get(Api.Service.CATALOGUE, "/api/public/catalogues/{c}", CatalogueModels.Version.class, catalogue).items());
        }
        model.addAttribute("proposals", Paged.of(all, page, 20));
        model.addAttribute("items", items);
        model.addAttribute("kinds", KINDS);
        return "staff/proposals";
    }

    @PostMapping("/portal/staff/proposals")
    String propose(@RequestParam String catalogue, @RequestParam(required = false) String kind, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String level1, @RequestParam(required = false) String level2,
            @RequestParam(required = false) String content, @RequestParam(required = false) String timeLimit,
            @RequestParam(required = false) String timeLimitRule, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (kind == null || !KINDS.contains(kind)) {
            redirect.addFlashAttribute("failed", "请选择建议类型。");
            return "redirect:/portal/staff/proposals";
        }
        Map<String, Object> changes = Api.body("level2", blank(level2), "content", blank(content), "timeLimit", blank(timeLimit),
                "timeLimitRule", blank(timeLimitRule));
        return act(redirect, "/portal/staff/proposals", "建议已提交政务公开办。", () -> api.staffSend(HttpMethod.POST, Api.Service.CATALOGUE,
                "/api/catalogues/{c}/proposals", Api.body("section", CurrentUser.get().section(), "kind", kind,
                        "itemCode", "ADD_ITEM".equals(kind) ? null : blank(itemCode), "level1", "ADD_ITEM".equals(kind) ? blank(level1) : null,
                        "changes", changes.isEmpty() ? null : changes, "reason", blank(reason)), Proposal.class, catalogue));
    }

    @GetMapping("/portal/office/proposals")
    String officeProposals(@RequestParam(defaultValue = "1") int page, Model model) {
        List<Proposal> all = new ArrayList<>(api.staffGetAll(Api.Service.CATALOGUE, "/api/catalogues/proposals", LIST));
        all.sort(Comparator.comparing((Proposal p) -> !"PENDING".equals(p.status())));
        Map<String, CatalogueModels.Version> drafts = new LinkedHashMap<>();
        for (String catalogue : List.of("work-safety", "disaster-relief")) {
            try {
                drafts.put(catalogue, api.staffGet(Api.Service.CATALOGUE, "/api/catalogues/{c}/draft", CatalogueModels.Version.class, catalogue));
            } catch (ApiProblem problem) {
                if (problem.status() != 404) {
                    throw problem;
                }
            }
        }
        model.addAttribute("proposals", Paged.of(all, page, 20));
        model.addAttribute("drafts", drafts);
        model.addAttribute("tomorrow", Zh.today().plusDays(1).toString());
        return "office/proposals";
    }

    @PostMapping("/portal/office/proposals/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(defaultValue = "false") boolean approve, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("failed", "决定须说明理由。");
            return "redirect:/portal/office/proposals";
        }
        return act(redirect, "/portal/office/proposals", approve ? "已同意，变更已进入目录草稿版本。" : "已不予采纳。", () -> api.staffSend(HttpMethod.POST,
                Api.Service.CATALOGUE, "/api/catalogues/proposals/{id}/decision", Api.body("approve", approve, "reason", reason.strip()),
                Proposal.class, id));
    }

    @PostMapping("/portal/office/catalogues/{catalogue}/versions/{version}/publication")
    String publish(@PathVariable String catalogue, @PathVariable int version, @RequestParam(required = false) String effectiveFrom,
            RedirectAttributes redirect) {
        if (effectiveFrom == null || !effectiveFrom.matches("\\d{4}-\\d{2}-\\d{2}")) {
            redirect.addFlashAttribute("failed", "请按“2026-12-01”的格式填写施行日期。");
            return "redirect:/portal/office/proposals";
        }
        return act(redirect, "/portal/office/proposals", "新版目录已发布。", () -> api.staffSend(HttpMethod.POST, Api.Service.CATALOGUE,
                "/api/catalogues/{c}/versions/{v}/publication", Api.body("effectiveFrom", effectiveFrom), Object.class, catalogue, version));
    }

    private static String act(RedirectAttributes redirect, String back, String done, Runnable call) {
        return FlashActions.thenRedirect(redirect, back, done, call);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
