package org.gongkai.portal.office;

import java.util.List;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.web.CurrentUser;
import org.gongkai.portal.web.Paged;
import org.gongkai.portal.workbench.DocumentDesk;
import org.gongkai.portal.workbench.StaffDocument;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The disclosure office's desk: the review queue (and the confidentiality officer's escalated items), documents
 * waiting to be issued or published, and the deadline board across all sections.
 */
@Controller
class OfficeDesk {

    private final Api api;
    private final DocumentDesk desk;

    OfficeDesk(Api api, DocumentDesk desk) {
        this.api = api;
        this.desk = desk;
    }

    @GetMapping("/portal/office")
    String queue(@RequestParam(defaultValue = "1") int page, Model model) {
        CurrentUser user = CurrentUser.get();
        // the queue is chosen by review stage in the portal: every page of the list
        List<StaffDocument> all = api.staffGetAll(Api.Service.PUBLICATION, "/api/documents", DocumentDesk.LIST);
        List<StaffDocument> mine = all.stream().filter(d -> (user.has("disclosure-office") && d.awaitsDisclosureOffice())
                || (user.has("confidentiality-officer") && d.awaitsConfidentialityOfficer()))
                .sorted(java.util.Comparator.comparing(StaffDocument::lastChanged, java.util.Comparator.reverseOrder())).toList();
        model.addAttribute("queue", Paged.of(desk.rows(mine), page, 20));
        if (user.has("disclosure-office")) {
            model.addAttribute("toIssue", desk.rows(all.stream().filter(StaffDocument::isApproved).toList()));
            List<StaffDocument> board = api.staffGetAll(Api.Service.PUBLICATION, "/api/documents/deadline-board", DocumentDesk.LIST);
            model.addAttribute("board", desk.rows(board));
        }
        return "office/queue";
    }
}
