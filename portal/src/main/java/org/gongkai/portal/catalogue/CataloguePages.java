package org.gongkai.portal.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.api.ApiPage;
import org.gongkai.portal.api.ApiProblem;
import org.gongkai.portal.web.Paged;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 标准目录: a citizen browses a catalogue by first-level item, reads an item, downloads the official table. */
@Controller
class CataloguePages {

    private static final List<String> CATALOGUES = List.of("work-safety", "disaster-relief");
    private final Api api;

    CataloguePages(Api api) {
        this.api = api;
    }

    @GetMapping("/portal/catalogues")
    String index() {
        return "redirect:/portal/catalogues/work-safety";
    }

    @GetMapping("/portal/catalogues/{catalogue}")
    String browse(@PathVariable String catalogue, @RequestParam(required = false) String level1,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        requireKnown(catalogue);
        CatalogueModels.Version version = api.get(Api.Service.CATALOGUE, "/api/public/catalogues/{c}", CatalogueModels.Version.class, catalogue);
        Set<String> firstLevel = new LinkedHashSet<>();
        version.items().forEach(i -> firstLevel.add(i.level1()));
        List<CatalogueModels.Item> items = version.items();
        if (q != null && !q.isBlank()) {
            // the rows of one version, filtered again by first-level item here: every page of the search
            items = api.getAll(Api.Service.CATALOGUE, "/api/public/catalogues/{c}/items?q={q}",
                    new ParameterizedTypeReference<ApiPage<CatalogueModels.Item>>() { }, catalogue, q.strip());
        }
        if (level1 != null && !level1.isBlank()) {
            items = items.stream().filter(i -> level1.equals(i.level1())).toList();
        }
        List<CatalogueModels.Summary> versions = api.getAll(Api.Service.CATALOGUE, "/api/public/catalogues/{c}/versions",
                new ParameterizedTypeReference<ApiPage<CatalogueModels.Summary>>() { }, catalogue);
        List<CatalogueModels.Summary> newestFirst = new ArrayList<>(versions);
        newestFirst.sort((a, b) -> Integer.compare(b.version(), a.version()));
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("version", version);
        model.addAttribute("firstLevel", firstLevel);
        model.addAttribute("level1", level1);
        model.addAttribute("q", q);
        model.addAttribute("items", Paged.of(items, page, 10));
        model.addAttribute("versions", newestFirst);
        return "catalogue/browse";
    }

    @GetMapping("/portal/catalogues/{catalogue}/items/{code}")
    String item(@PathVariable String catalogue, @PathVariable String code, Model model) {
        requireKnown(catalogue);
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("item", api.get(Api.Service.CATALOGUE, "/api/public/catalogues/{c}/items/{code}",
                CatalogueModels.Item.class, catalogue, code));
        return "catalogue/item";
    }

    private static void requireKnown(String catalogue) {
        if (!CATALOGUES.contains(catalogue)) {
            throw new ApiProblem(404, "catalogue-not-found", catalogue, null);
        }
    }
}
