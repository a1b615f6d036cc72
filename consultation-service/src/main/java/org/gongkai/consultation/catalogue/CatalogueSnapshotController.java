package org.gongkai.consultation.catalogue;

import java.util.List;

import org.gongkai.support.catalogue.CatalogueSnapshot;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which catalogue versions this service has learned from events; consultations refer to their items. */
@RestController
@RequestMapping("/api/consultations/catalogue-snapshots")
class CatalogueSnapshotController {

    private final CatalogueSnapshots snapshots;

    CatalogueSnapshotController(CatalogueSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    record SnapshotSummary(String catalogue, int version, int items) {
    }

    @GetMapping
    List<SnapshotSummary> snapshots() {
        return snapshots.all().stream().map((CatalogueSnapshot s) -> new SnapshotSummary(s.catalogue(), s.version(), s.items().size())).toList();
    }
}
