package org.gongkai.catalogue.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.gongkai.support.security.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of one catalogue: a draft the office assembles, then a published, immutable version with an
 * effective date. {@code _id} is {@code <catalogue>:<version>}, so two writers cannot create the same version.
 */
@Document("catalogue_versions")
public class CatalogueVersion {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    private final String id;
    private final String catalogue;
    private final String title;
    private final int version;
    private Status status;
    private LocalDate effectiveFrom;
    private Instant publishedAt;
    private final List<CatalogueItem> items;
    private final List<AuditEntry> audit;
    private final List<OutboxEntry> outbox;
    @Version
    private Long revision;

    @PersistenceCreator
    CatalogueVersion(String id, String catalogue, String title, int version, Status status, LocalDate effectiveFrom,
            Instant publishedAt, List<CatalogueItem> items, List<AuditEntry> audit, List<OutboxEntry> outbox, Long revision) {
        this.id = id;
        this.catalogue = catalogue;
        this.title = title;
        this.version = version;
        this.status = status;
        this.effectiveFrom = effectiveFrom;
        this.publishedAt = publishedAt;
        this.items = new ArrayList<>(items);
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.revision = revision;
    }

    public static CatalogueVersion draft(String catalogue, String title, int version, List<CatalogueItem> items,
            Actor actor, Instant now, String reason) {
        requireUniqueCodes(items);
        CatalogueVersion draft = new CatalogueVersion(catalogue + ":" + version, catalogue, title, version, Status.DRAFT,
                null, null, items, List.of(), List.of(), null);
        draft.audit.add(AuditEntry.of(actor, now, "draft-created", reason));
        return draft;
    }

    static void requireUniqueCodes(List<CatalogueItem> items) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CatalogueItem item : items) {
            if (!seen.add(item.code())) {
                throw DomainException.conflict("duplicate-item-code", "Item code " + item.code() + " appears twice.");
            }
        }
    }

    /**
     * Publishes this draft. An empty version, or one identical to the version in force, is refused.
     * Emits the complete item list so that consumers need not call back.
     */
    public void publish(LocalDate effectiveFrom, Optional<CatalogueVersion> current, Actor actor, Instant now) {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("version-already-published", "Version " + version + " is already published.");
        }
        if (items.isEmpty()) {
            throw DomainException.invalid("empty-version", "An empty catalogue version cannot be published.");
        }
        if (effectiveFrom == null) {
            throw DomainException.invalid("effective-date-required", "A version needs an effective date.");
        }
        if (current.isPresent() && current.get().items.equals(items)) {
            throw DomainException.conflict("unchanged-version",
                    "Version " + version + " is identical to published version " + current.get().version + ".");
        }
        this.status = Status.PUBLISHED;
        this.effectiveFrom = effectiveFrom;
        this.publishedAt = now;
        audit.add(AuditEntry.of(actor, now, "published", "effective from " + effectiveFrom));
        outbox.add(OutboxEntry.of(new CatalogueVersionPublished(catalogue, version, effectiveFrom, now,
                items.stream().map(CatalogueItem::toEvent).toList()), now));
    }

    public Optional<CatalogueItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public String id() {
        return id;
    }

    public String catalogue() {
        return catalogue;
    }

    public String title() {
        return title;
    }

    public int version() {
        return version;
    }

    public Status status() {
        return status;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<CatalogueItem> items() {
        return List.copyOf(items);
    }

    public List<AuditEntry> audit() {
        return List.copyOf(audit);
    }
}
