package org.gongkai.portal.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.catalogue.CatalogueModels;
import org.gongkai.portal.web.CurrentUser;
import org.gongkai.portal.web.FlashActions;
import org.gongkai.portal.web.FormErrors;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The section's workbench (its own documents by state with working days left, drafting and submitting) and the
 * document page both desks share: the section under {@code /portal/staff}, the disclosure office and the
 * confidentiality officer under {@code /portal/office}. Which actions a page offers follows the state and role;
 * the service decides again.
 */
@Controller
public class DocumentDesk {

    public static final ParameterizedTypeReference<ApiPage<StaffDocument>> LIST = new ParameterizedTypeReference<>() { };
    private static final List<String> STATES = List.of("DRAFT", "IN_REVIEW", "APPROVED", "ISSUED", "PUBLISHED");

    public record Row(StaffDocument document, Long workingDaysLeft) {
    }

    private final Api api;
    private final WorkingDays workingDays;

    DocumentDesk(Api api, WorkingDays workingDays) {
        this.api = api;
        this.workingDays = workingDays;
    }

    @GetMapping("/portal/staff")
    String workbench(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
        // counts per state and the overdue-first order need the whole list: every page of it
        List<StaffDocument> all = api.staffGetAll(Api.Service.PUBLICATION, "/api/documents", LIST);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, all.stream().filter(d -> s.equals(d.status())).count()));
        List<StaffDocument> shown = new ArrayList<>(all.stream().filter(d -> status == null || status.isBlank() || status.equals(d.status())).toList());
        // overdue first, then what changed most recently
        shown.sort(Comparator.comparing((StaffDocument d) -> !d.overdue())
                .thenComparing(StaffDocument::lastChanged, Comparator.reverseOrder()));
        model.addAttribute("counts", counts);
        model.addAttribute("status", status);
        model.addAttribute("documents", Paged.of(rows(shown), page, 20));
        return "staff/workbench";
    }

    public List<Row> rows(List<StaffDocument> documents) {
        return documents.stream().map(d -> new Row(d, d.isIssued() && d.isProactive() && d.publicationDueOn() != null
                ? workingDays.left(d.publicationDueOn()) : null)).toList();
    }

    @GetMapping("/portal/staff/documents/new")
    String newDocument(Model model) {
        return form(new DocumentForm(), null, FormErrors.none(), model);
    }

    @PostMapping("/portal/staff/documents")
    String create(@ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = form.check();
        if (!errors.any()) {
            try {
                StaffDocument created = api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION, "/api/documents", form.toRequest(),
                        StaffDocument.class);
                redirect.addFlashAttribute("done", "文件草稿已保存。");
                return "redirect:/portal/staff/documents/" + created.id();
            } catch (ApiProblem problem) {
                if (problem.status() >= 500 || problem.status() == 401) {
                    throw problem;
                }
                errors = FormErrors.of(problem);
            }
        }
        response.setStatus(422);
        return form(form, null, errors, model);
    }

    @GetMapping("/portal/staff/documents/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        StaffDocument document = api.staffGet(Api.Service.PUBLICATION, "/api/documents/{id}", StaffDocument.class, id);
        return form(DocumentForm.of(document), document, FormErrors.none(), model);
    }

    @PostMapping("/portal/staff/documents/{id}")
    String revise(@PathVariable String id, @ModelAttribute("form") DocumentForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        FormErrors errors = form.check();
        if (!errors.any()) {
            try {
                api.staffSend(HttpMethod.PUT, Api.Service.PUBLICATION, "/api/documents/{id}", form.toRequest(), StaffDocument.class, id);
                redirect.addFlashAttribute("done", "修改已保存。");
                return "redirect:/portal/staff/documents/" + id;
            } catch (ApiProblem problem) {
                if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404) {
                    throw problem;
                }
                errors = FormErrors.of(problem);
            }
        }
        response.setStatus(422);
        return form(form, api.staffGet(Api.Service.PUBLICATION, "/api/documents/{id}", StaffDocument.class, id), errors, model);
    }

    private String form(DocumentForm form, StaffDocument existing, FormErrors errors, Model model) {
        List<CatalogueModels.Item> items = new ArrayList<>();
        for (String catalogue : List.of("work-safety", "disaster-relief")) {
            items.addAll(api.get(Api.Service.CATALOGUE, "/api/public/catalogues/{c}", CatalogueModels.Version.class, catalogue).items());
        }
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("items", items);
        model.addAttribute("legalBases", List.of("STATE_SECRET", "PROHIBITED_BY_LAW", "THREE_SECURITIES_ONE_STABILITY",
                "THIRD_PARTY_RIGHTS", "INTERNAL_AFFAIRS", "PROCESS_INFORMATION", "ENFORCEMENT_FILE", "ADMINISTRATIVE_INQUIRY"));
        return "staff/form";
    }

    @GetMapping({"/portal/staff/documents/{id}", "/portal/office/documents/{id}"})
    String document(@PathVariable String id, HttpServletRequest request, Model model) {
        StaffDocument document = api.staffGet(Api.Service.PUBLICATION, "/api/documents/{id}", StaffDocument.class, id);
        model.addAttribute("document", document);
        model.addAttribute("base", base(request));
        model.addAttribute("forms", FORMS);
        model.addAttribute("elements", ELEMENTS);
        model.addAttribute("daysLeft", document.isIssued() && document.isProactive() && document.publicationDueOn() != null
                ? workingDays.left(document.publicationDueOn()) : null);
        CurrentUser user = CurrentUser.get();
        model.addAttribute("canReview", user != null && ((document.awaitsConfidentialityOfficer() && user.has("confidentiality-officer"))
                || (document.awaitsDisclosureOffice() && user.has("disclosure-office"))));
        return "staff/document";
    }

    @PostMapping({"/portal/staff/documents/{id}/submission", "/portal/office/documents/{id}/submission"})
    String submit(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, request, redirect, "已提交审查。", () ->
                api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION, "/api/documents/{id}/submission", null, StaffDocument.class, id));
    }

    @PostMapping({"/portal/staff/documents/{id}/issuance", "/portal/office/documents/{id}/issuance"})
    String issue(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, request, redirect, "文件已印发，已加注公开属性。", () ->
                api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION, "/api/documents/{id}/issuance", Map.of(), StaffDocument.class, id));
    }

    @PostMapping({"/portal/staff/documents/{id}/publication", "/portal/office/documents/{id}/publication"})
    String publish(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, request, redirect, "文件已在政府信息公开专栏公开发布。", () ->
                api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION, "/api/documents/{id}/publication", Map.of(), StaffDocument.class, id));
    }

    static final List<String> FORMS = List.of("TEXT", "PICTURE", "CHART", "INFOGRAPHIC", "ANIMATION", "AUDIO", "VIDEO",
            "PRESS_CONFERENCE", "MEDIA_INTERVIEW", "ONLINE_INTERVIEW");
    static final List<String> ELEMENTS = List.of("BACKGROUND_AND_BASIS", "GOALS_AND_TASKS", "MAIN_CONTENT", "MEASURES",
            "APPLICABLE_SUBJECTS", "NOTES", "KEY_TERMS", "OLD_VS_NEW_DIFFERENCES", "INTERPRETING_ORGAN");

    /** The section drafts the interpretation with its document: content, forms and the nine elements covered. */
    @PostMapping("/portal/staff/documents/{id}/interpretation")
    String interpret(@PathVariable String id, @RequestParam(required = false) String content,
            @RequestParam(required = false) List<String> forms, @RequestParam(required = false) List<String> elements,
            @RequestParam(defaultValue = "false") boolean textUsesCasesDataOrQa, @RequestParam(required = false) String mediaForm,
            @RequestParam(required = false) String mediaTitle, @RequestParam(required = false) String mediaLocation,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (content == null || content.isBlank()) {
            redirect.addFlashAttribute("failed", "请填写解读内容。");
            return "redirect:/portal/staff/documents/" + id;
        }
        return act(id, request, redirect, "政策解读已保存，待政务公开办审核。", () -> api.staffSend(HttpMethod.PUT, Api.Service.PUBLICATION,
                "/api/documents/{id}/interpretation", Api.body("content", content.strip(), "forms", forms == null ? List.of() : forms,
                        "textUsesCasesDataOrQa", textUsesCasesDataOrQa, "elementsCovered", elements == null ? List.of() : elements,
                        "media", mediaForm == null || mediaForm.isBlank() || mediaLocation == null || mediaLocation.isBlank() ? List.of()
                                : List.of(Api.body("form", mediaForm, "title", mediaTitle == null || mediaTitle.isBlank() ? "解读材料" : mediaTitle.strip(),
                                        "location", mediaLocation.strip()))),
                StaffDocument.class, id));
    }

    @PostMapping("/portal/office/documents/{id}/interpretation-review")
    String reviewInterpretation(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, request, redirect, "政策解读已审核通过。", () -> api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION,
                "/api/documents/{id}/interpretation/review", null, StaffDocument.class, id));
    }

    @PostMapping("/portal/office/documents/{id}/reviews")
    String review(@PathVariable String id, @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
            @RequestParam(required = false) String responsibleHead, @RequestParam(required = false) String authority,
            @RequestParam(required = false) String decidedOn, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String stage, HttpServletRequest request, RedirectAttributes redirect) {
        if ("APPROVE".equals(decision) && "DISCLOSURE_OFFICE".equals(stage) && (responsibleHead == null || responsibleHead.isBlank())) {
            redirect.addFlashAttribute("reviewErrors", FormErrors.none().field("responsibleHead", "审核通过须记录签批的单位负责人（谁审查谁负责）。"));
            redirect.addFlashAttribute("failed", "审核通过须记录签批的单位负责人（谁审查谁负责）。");
            redirect.addFlashAttribute("note", note);
            return "redirect:/portal/office/documents/" + id;
        }
        Map<String, Object> ruling = authority == null || authority.isBlank() ? null
                : Api.body("authority", authority.strip(), "decidedOn", decidedOn, "reference", reference == null ? null : reference.strip());
        if (decision == null || decision.isBlank()) {
            redirect.addFlashAttribute("reviewErrors", FormErrors.none().field("decision", "请选择审查结论。"));
            redirect.addFlashAttribute("failed", "请选择审查结论。");
            return "redirect:/portal/office/documents/" + id;
        }
        if (!"APPROVE".equals(decision) && (note == null || note.isBlank())) {
            redirect.addFlashAttribute("reviewErrors", FormErrors.none().field("note", "退回、提请或转审须填写理由。"));
            redirect.addFlashAttribute("failed", "退回、提请或转审须填写理由。");
            redirect.addFlashAttribute("note", note);
            return "redirect:/portal/office/documents/" + id;
        }
        return act(id, request, redirect, "审查意见已记录。", () -> api.staffSend(HttpMethod.POST, Api.Service.PUBLICATION,
                "/api/documents/{id}/reviews", Api.body("decision", decision, "note", note == null || note.isBlank() ? null : note.strip(),
                        "responsibleHead", responsibleHead == null || responsibleHead.isBlank() ? null : responsibleHead.strip(),
                        "authorityRuling", ruling), StaffDocument.class, id));
    }

    private String act(String id, HttpServletRequest request, RedirectAttributes redirect, String done, Runnable call) {
        // a document the user may not see is this page's own 404, not a message on it
        FlashActions.attempt(redirect, done, call, 404);
        return "redirect:" + base(request) + "/documents/" + id;
    }

    private static String base(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/portal/office") ? "/portal/office" : "/portal/staff";
    }
}
