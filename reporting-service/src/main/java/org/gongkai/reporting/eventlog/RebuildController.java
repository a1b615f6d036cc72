package org.gongkai.reporting.eventlog;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild command: replays the event log into fresh read models. */
@RestController
class RebuildController {

    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/reporting/read-models/rebuild")
    @PreAuthorize("hasAnyRole('admin', 'disclosure-office')")
    Map<String, Integer> rebuild() {
        return Map.of("eventsReplayed", rebuild.rebuild());
    }
}
