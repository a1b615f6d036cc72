package org.gongkai.catalogue.catalogue;

import java.util.List;
import java.util.Locale;

import org.gongkai.support.domain.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only, token-free views of the published catalogues. Drafts never leave through these routes. */
@RestController
@RequestMapping("/api/public/catalogues")
class PublicCatalogueController {

    private final CatalogueVersionRepository versions;

    PublicCatalogueController(CatalogueVersionRepository versions) {
        this.versions = versions;
    }

    record VersionSummary(String catalogue, String title, int version, String effectiveFrom, int items) {
        static VersionSummary of(CatalogueVersion v) {
            return new VersionSummary(v.catalogue(), v.title(), v.version(), String.valueOf(v.effectiveFrom()), v.items().size());
        }
    }

    record VersionView(String catalogue, String title, int version, String effectiveFrom, List<CatalogueItem> items) {
        static VersionView of(CatalogueVersion v) {
            return new VersionView(v.catalogue(), v.title(), v.version(), String.valueOf(v.effectiveFrom()), v.items());
        }
    }

    @GetMapping
    List<VersionSummary> current() {
        return List.of("work-safety", "disaster-relief").stream()
                .flatMap(c -> versions.findFirstByCatalogueAndStatusOrderByVersionDesc(c, CatalogueVersion.Status.PUBLISHED).stream())
                .map(VersionSummary::of)
                .toList();
    }

    @GetMapping("/{catalogue}")
    VersionView current(@PathVariable String catalogue) {
        return VersionView.of(published(catalogue));
    }

    @GetMapping("/{catalogue}/items/{code}")
    CatalogueItem item(@PathVariable String catalogue, @PathVariable String code) {
        return published(catalogue).item(code)
                .orElseThrow(() -> DomainException.notFound("item-not-found", "No item " + code + " in " + catalogue + "."));
    }

    /** Keyword search over names, content and basis; a plain substring match, which suits Chinese text without word breaks. */
    @GetMapping("/{catalogue}/items")
    List<CatalogueItem> search(@PathVariable String catalogue, @RequestParam(name = "q", defaultValue = "") String q) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return published(catalogue).items().stream()
                .filter(i -> needle.isEmpty() || String.join(" ", i.level1(), i.level2(), i.content(), String.join(" ", i.basis()))
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    private CatalogueVersion published(String catalogue) {
        return versions.findFirstByCatalogueAndStatusOrderByVersionDesc(catalogue, CatalogueVersion.Status.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("catalogue-not-found", "No published catalogue '" + catalogue + "'."));
    }
}
