package org.gongkai.catalogue.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.ItemChange;
import org.gongkai.catalogue.version.ItemChanges;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A section's proposal to refine the catalogue, decided once by the disclosure office. Approved proposals go
 * into the catalogue's next draft version.
 */
@Document("catalogue_proposals")
@CompoundIndex(name = "section_list", def = "{'section': 1, '_id': 1}")
public class Proposal {

    public enum Status {
        PENDING("待决定"), APPROVED("已批准"), REJECTED("已驳回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    @Id
    private final String id;
    private final String catalogue;
    private final String section;
    private final String proposer;
    private final ProposalKind kind;
    private final String itemCode;
    private final String level1;
    private final ItemChanges changes;
    private final String reason;
    private Status status;
    private String decidedBy;
    private String decisionReason;
    private Instant decidedAt;
    private Integer appliedToVersion;
    private String resultingItemCode;
    private final List<AuditEntry> audit;
    @Version
    private Long revision;

    @PersistenceCreator
    Proposal(String id, String catalogue, String section, String proposer, ProposalKind kind, String itemCode, String level1,
            ItemChanges changes, String reason, Status status, String decidedBy, String decisionReason, Instant decidedAt,
            Integer appliedToVersion, String resultingItemCode, List<AuditEntry> audit, Long revision) {
        this.id = id;
        this.catalogue = catalogue;
        this.section = section;
        this.proposer = proposer;
        this.kind = kind;
        this.itemCode = itemCode;
        this.level1 = level1;
        this.changes = changes == null ? ItemChanges.NONE : changes;
        this.reason = reason;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decisionReason = decisionReason;
        this.decidedAt = decidedAt;
        this.appliedToVersion = appliedToVersion;
        this.resultingItemCode = resultingItemCode;
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.revision = revision;
    }

    /**
     * A section staff member proposes for their own section only. The proposal is checked against the
     * version it refines, so that an unknown first-level item, an unknown item or an unparseable rule is
     * refused now rather than at approval.
     */
    public static Proposal propose(String id, CatalogueVersion base, String forSection, ProposalKind kind, String itemCode,
            String level1, ItemChanges changes, String reason, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || actor.section() == null) {
            throw DomainException.forbidden("proposal-requires-section", "只有股室工作人员可以提出目录修订建议。");
        }
        if (!actor.belongsTo(forSection)) {
            throw DomainException.forbidden("proposal-for-another-section",
                    "只能为本股室（" + actor.section() + "）提出修订建议，不能代“" + forSection + "”提出。");
        }
        if (kind == null) {
            throw DomainException.invalid("proposal-kind-required", "请说明修订建议的类型。");
        }
        ItemChanges proposed = changes == null ? ItemChanges.NONE : changes;
        Proposal proposal = new Proposal(id, base.catalogue(), forSection, actor.username(), kind, itemCode, level1, proposed,
                reason, Status.PENDING, null, null, null, null, null, List.of(), null);
        proposal.preview(base);
        proposal.audit.add(AuditEntry.of(actor, now, "proposed-" + kind.name().toLowerCase(), reason));
        return proposal;
    }

    /** Applies the proposal to a copy of the version's items without keeping the result: validation only. */
    private void preview(CatalogueVersion base) {
        CatalogueVersion scratch = CatalogueVersion.draftFrom(base, base.version() + 1, Actor.system("proposal-check"), Instant.EPOCH);
        scratch.apply(change());
    }

    /** What this proposal changes in a draft, in the version's own terms (the version knows nothing of proposals). */
    ItemChange change() {
        ItemChange.Kind changeKind = switch (kind) {
            case ADD_ITEM -> ItemChange.Kind.ADD_ITEM;
            case REFINE_ITEM -> ItemChange.Kind.REFINE_ITEM;
            case TAKE_RESPONSIBILITY -> ItemChange.Kind.TAKE_RESPONSIBILITY;
            case MARK_NOT_APPLICABLE -> ItemChange.Kind.MARK_NOT_APPLICABLE;
        };
        return new ItemChange(id, changeKind, itemCode, level1, section, reason, changes);
    }

    public void approve(CatalogueVersion draft, Actor actor, String why, Instant now) {
        decide(actor, why, now);
        if (why == null || why.isBlank()) {
            throw DomainException.invalid("reason-required", "批准修订建议须说明理由。");
        }
        resultingItemCode = draft.apply(change());
        status = Status.APPROVED;
        appliedToVersion = draft.version();
        audit.add(AuditEntry.of(actor, now, "approved", why));
    }

    public void reject(Actor actor, String why, Instant now) {
        decide(actor, why, now);
        if (why == null || why.isBlank()) {
            throw DomainException.invalid("reason-required", "驳回修订建议须说明理由。");
        }
        status = Status.REJECTED;
        audit.add(AuditEntry.of(actor, now, "rejected", why));
    }

    private void decide(Actor actor, String why, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("decision-requires-office", "修订建议只能由政务公开办公室决定。");
        }
        if (status != Status.PENDING) {
            throw DomainException.conflict("proposal-already-decided", "该修订建议已有决定（" + status.label() + "），不能再次决定。");
        }
        decidedBy = actor.username();
        decisionReason = why;
        decidedAt = now;
    }

    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    public String id() { return id; }
    public String catalogue() { return catalogue; }
    public String section() { return section; }
    public String proposer() { return proposer; }
    public ProposalKind kind() { return kind; }
    public String itemCode() { return itemCode; }
    public String level1() { return level1; }
    public ItemChanges changes() { return changes; }
    public String reason() { return reason; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public String decisionReason() { return decisionReason; }
    public Instant decidedAt() { return decidedAt; }
    public Integer appliedToVersion() { return appliedToVersion; }
    public String resultingItemCode() { return resultingItemCode; }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
