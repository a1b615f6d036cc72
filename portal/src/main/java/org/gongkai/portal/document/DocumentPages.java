package org.gongkai.portal.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 政策文件: a citizen searches published documents and reads one with its marking line. */
@Controller
class DocumentPages {

    static final ParameterizedTypeReference<ApiPage<DocumentModels.PublicDocument>> LIST = new ParameterizedTypeReference<>() { };
    private final Api api;

    DocumentPages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/documents")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") int page, Model model) {
        // the year and item facets are drawn from the whole list: every page of it (the service searches number, title and text)
        List<DocumentModels.PublicDocument> all = q == null || q.isBlank()
                ? api.getAll(Api.Service.PUBLICATION, "/api/public/documents", LIST)
                : api.getAll(Api.Service.PUBLICATION, "/api/public/documents?q={q}", LIST, q.strip());
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        TreeSet<String> items = new TreeSet<>();
        all.forEach(d -> {
            if (d.publishedOn() != null) {
                years.add(d.publishedOn().getYear());
            }
            if (d.catalogueItemCode() != null) {
                items.add(d.catalogueItemCode());
            }
        });
        List<DocumentModels.PublicDocument> shown = new ArrayList<>(all.stream()
                .filter(d -> item == null || item.isBlank() || item.equals(d.catalogueItemCode()))
                .filter(d -> year == null || (d.publishedOn() != null && d.publishedOn().getYear() == year))
                .toList());
        shown.sort(Comparator.comparing(DocumentModels.PublicDocument::publishedOn, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("q", q);
        model.addAttribute("item", item);
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("itemCodes", items);
        model.addAttribute("documents", Paged.of(shown, page, 10));
        return "document/list";
    }

    @GetMapping("/portal/documents/{id}")
    String document(@PathVariable String id, Model model) {
        model.addAttribute("document", api.get(Api.Service.PUBLICATION, "/api/public/documents/{id}", DocumentModels.PublicDocument.class, id));
        return "document/page";
    }
}
