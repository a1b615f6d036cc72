package org.gongkai.catalogue.catalogue;

import java.util.List;
import java.util.Locale;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only, token-free views of the published catalogues. Drafts never leave through these routes. */
@RestController
@RequestMapping("/api/public/catalogues")
class PublicCatalogueController {

    private final CatalogueService catalogues;

    PublicCatalogueController(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    record VersionSummary(String catalogue, String title, int version, String effectiveFrom, int items) {
        static VersionSummary of(CatalogueVersion v) {
            return new VersionSummary(v.catalogue(), v.title(), v.version(), String.valueOf(v.effectiveFrom()), v.items().size());
        }
    }

    record VersionView(String catalogue, String title, int version, String status, String statusLabel, String effectiveFrom,
            List<CatalogueItem> items) {
        static VersionView of(CatalogueVersion v) {
            return new VersionView(v.catalogue(), v.title(), v.version(), v.status().name(), v.status().label(),
                    String.valueOf(v.effectiveFrom()), v.items());
        }
    }

    @GetMapping
    List<VersionSummary> current() {
        return CatalogueService.CATALOGUES.stream().map(catalogues::published).map(VersionSummary::of).toList();
    }

    @GetMapping("/{catalogue}")
    VersionView current(@PathVariable String catalogue) {
        return VersionView.of(catalogues.published(catalogue));
    }

    @GetMapping("/{catalogue}/items/{code}")
    CatalogueItem item(@PathVariable String catalogue, @PathVariable String code) {
        return catalogues.published(catalogue).item(code)
                .orElseThrow(() -> DomainException.notFound("item-not-found", "目录“" + catalogue + "”中没有事项 " + code + "。"));
    }

    /** Keyword search over names, content and basis; a substring match, which suits Chinese text without word breaks. */
    @GetMapping("/{catalogue}/items")
    List<CatalogueItem> search(@PathVariable String catalogue, @RequestParam(name = "q", defaultValue = "") String q) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return catalogues.published(catalogue).items().stream()
                .filter(i -> needle.isEmpty() || String.join(" ", i.level1(), i.level2(), i.content(), String.join(" ", i.basis()))
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    @GetMapping("/{catalogue}/versions")
    List<VersionSummary> history(@PathVariable String catalogue) {
        return catalogues.publishedVersions(catalogue).stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/{catalogue}/versions/{version}")
    VersionView version(@PathVariable String catalogue, @PathVariable int version) {
        return VersionView.of(catalogues.publishedVersion(catalogue, version));
    }

    @GetMapping("/{catalogue}/diff")
    VersionDiff diff(@PathVariable String catalogue, @RequestParam int from, @RequestParam int to) {
        return catalogues.diff(catalogue, from, to);
    }

    /** Any published version in the official table layout, as XLSX or CSV (UTF-8 with BOM). */
    @GetMapping("/{catalogue}/versions/{version}/export")
    ResponseEntity<byte[]> export(@PathVariable String catalogue, @PathVariable int version,
            @RequestParam(defaultValue = "xlsx") String format) {
        CatalogueVersion v = catalogues.publishedVersion(catalogue, version);
        return Downloads.table(catalogue + "-v" + version, format, () -> OfficialTable.xlsx(v), () -> OfficialTable.csv(v));
    }
}
