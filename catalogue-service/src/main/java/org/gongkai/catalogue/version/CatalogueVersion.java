package org.gongkai.catalogue.version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * One version of one catalogue: a draft the office assembles, then a published, immutable version with an
 * effective date. {@code _id} is {@code <catalogue>:<version>}, so two writers cannot create the same version.
 */
@Document("catalogue_versions")
@CompoundIndex(name = "published_list", def = "{'catalogue': 1, 'status': 1, 'version': -1}")
public class CatalogueVersion implements RecordsChanges {

    public enum Status {
        DRAFT("草稿"), PUBLISHED("已发布");

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
    private final String title;
    private final int version;
    private Status status;
    private LocalDate effectiveFrom;
    private Instant publishedAt;
    private final List<CatalogueItem> items;
    private final List<AppliedProposal> appliedProposals;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    CatalogueVersion(String id, String catalogue, String title, int version, Status status, LocalDate effectiveFrom,
            Instant publishedAt, List<CatalogueItem> items, List<AppliedProposal> appliedProposals, Changes changes, Long revision) {
        this.id = id;
        this.catalogue = catalogue;
        this.title = title;
        this.version = version;
        this.status = status;
        this.effectiveFrom = effectiveFrom;
        this.publishedAt = publishedAt;
        this.items = new ArrayList<>(items);
        this.appliedProposals = new ArrayList<>(appliedProposals == null ? List.of() : appliedProposals);
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    public static CatalogueVersion draft(String catalogue, String title, int version, List<CatalogueItem> items,
            Actor actor, Instant now, String reason) {
        requireUniqueCodes(items);
        CatalogueVersion draft = new CatalogueVersion(catalogue + ":" + version, catalogue, title, version, Status.DRAFT,
                null, null, items, List.of(), Changes.none(), null);
        draft.changes.audit(actor, now, "draft-created", reason);
        return draft;
    }

    /** The next draft starts as a copy of the version in force; approved changes and imports change it. */
    public static CatalogueVersion draftFrom(CatalogueVersion base, int version, Actor actor, Instant now) {
        return draft(base.catalogue, base.title, version, base.items, actor, now, "以第 " + base.version + " 版为基础新建草稿");
    }

    /**
     * A change applied to an item of this draft, remembered by its id so that applying it again changes nothing
     * (stored as {@code appliedProposals}: every change so far came from a proposal).
     */
    public record AppliedProposal(String proposalId, String itemCode) {
    }

    /**
     * Applies an approved change to this draft and returns the code of the item it created or changed.
     * Idempotent per change id, because approval writes two documents without a transaction.
     */
    public String apply(ItemChange change) {
        requireDraft();
        for (AppliedProposal applied : appliedProposals) {
            if (applied.proposalId().equals(change.id())) {
                return applied.itemCode();
            }
        }
        String code = switch (change.kind()) {
            case ADD_ITEM -> addItem(change);
            case REFINE_ITEM -> {
                if (change.columns().isEmpty()) {
                    throw DomainException.invalid("empty-proposal", "细化修订至少要修改一项内容。");
                }
                // refining content never changes provenance: a reconstructed row stays 待核实 until confirmed on its own
                CatalogueItem item = requireItem(change.itemCode());
                yield replace(item, change.columns().applyTo(item, item.provenance()));
            }
            case TAKE_RESPONSIBILITY -> {
                CatalogueItem item = requireItem(change.itemCode());
                List<String> sections = new ArrayList<>(item.sections());
                if (!sections.contains(change.section())) {
                    sections.add(change.section());
                }
                yield replace(item, item.withSections(sections));
            }
            case MARK_NOT_APPLICABLE -> replace(requireItem(change.itemCode()),
                    requireItem(change.itemCode()).notApplicable(change.reason()));
        };
        appliedProposals.add(new AppliedProposal(change.id(), code));
        return code;
    }

    private String addItem(ItemChange change) {
        if (change.level1() == null || !level1Names().contains(change.level1())) {
            throw DomainException.invalid("unknown-first-level-item", "一级事项“" + change.level1()
                    + "”不在目录“" + catalogue + "”中；现有一级事项：" + String.join("、", level1Names()) + "。");
        }
        ItemChanges c = change.columns();
        if (c.level2() == null || c.content() == null || c.timeLimit() == null || c.timeLimitRule() == null) {
            throw DomainException.invalid("incomplete-item", "新增事项须填写二级事项（level2）、公开内容（content）、公开时限（timeLimit）和时限规则（timeLimitRule）。");
        }
        int seq = items.stream().mapToInt(CatalogueItem::seq).max().orElse(0) + 1;
        String code = String.format("%s-%02d", items.get(0).code().substring(0, 2), seq);
        CatalogueItem added = new CatalogueItem(code, seq, change.level1(), c.level2(), c.content(),
                c.basis(), c.timeLimit(), c.timeLimitRule(), c.body() == null ? "应急管理部门" : c.body(),
                c.channels() == null ? List.of(Channel.GOV_WEBSITE.code()) : c.channels(),
                c.audience() == null ? List.of("all-society") : c.audience(),
                c.method() == null ? List.of("proactive") : c.method(),
                c.level() == null ? List.of("county") : c.level(),
                List.of(change.section()), "office-approved", true, null);
        // keep items grouped by first-level item, in the official order
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).level1().equals(change.level1())) {
                at = i + 1;
            }
        }
        items.add(at, added);
        return code;
    }

    /**
     * The office confirms, row by row, a seeded row that no public copy fully backs (待核实), naming what it checked
     * the row against. This is the only way a row leaves 待核实; refining its content does not.
     */
    public String confirmRow(String code, String checkedAgainst, Actor actor, Instant now) {
        requireDraft();
        CatalogueItem item = requireItem(code);
        if (!item.needsVerification()) {
            throw DomainException.conflict("row-not-awaiting-confirmation", "事项 " + code + " 不是待核实事项。");
        }
        if (checkedAgainst == null || checkedAgainst.isBlank()) {
            throw DomainException.invalid("confirmation-basis-required", "请说明核实所依据的文件或来源。");
        }
        replace(item, item.withProvenance(CatalogueItem.OFFICE_CONFIRMED));
        changes.audit(actor, now, "row-confirmed", code + "：" + checkedAgainst.strip());
        return code;
    }

    /** Replaces the whole item list of this draft, e.g. from an imported official table. */
    public void replaceItems(List<CatalogueItem> imported, Actor actor, Instant now, String why) {
        requireDraft();
        requireUniqueCodes(imported);
        items.clear();
        items.addAll(imported);
        changes.audit(actor, now, "items-replaced", why);
    }

    /** A draft holding approved proposals is not thrown away: those approvals would silently be lost. */
    public void requireDiscardable() {
        requireDraft();
        if (!appliedProposals.isEmpty()) {
            throw DomainException.conflict("draft-has-approved-changes", "草稿第 " + version + " 版已包含 "
                    + appliedProposals.size() + " 条已批准的修订建议，不能放弃，请发布该版本。");
        }
    }

    public List<String> level1Names() {
        return items.stream().map(CatalogueItem::level1).distinct().toList();
    }

    private CatalogueItem requireItem(String code) {
        return item(code).orElseThrow(() -> DomainException.invalid("unknown-item", "目录“" + catalogue + "”中没有事项 " + code + "。"));
    }

    private String replace(CatalogueItem before, CatalogueItem after) {
        items.set(items.indexOf(before), after);
        return after.code();
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("version-already-published", "第 " + version + " 版已发布，不能再修改。");
        }
    }

    static void requireUniqueCodes(List<CatalogueItem> items) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CatalogueItem item : items) {
            if (!seen.add(item.code())) {
                throw DomainException.conflict("duplicate-item-code", "事项编码 " + item.code() + " 重复出现。");
            }
        }
    }

    /**
     * Publishes this draft. An empty version, or one identical to the version in force, is refused.
     * Emits the complete item list so that consumers need not call back.
     */
    public void publish(LocalDate effectiveFrom, Optional<CatalogueVersion> current, Actor actor, Instant now) {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("version-already-published", "第 " + version + " 版已经发布。");
        }
        if (items.isEmpty()) {
            throw DomainException.invalid("empty-version", "目录版本中没有任何事项，不能发布。");
        }
        if (effectiveFrom == null) {
            throw DomainException.invalid("effective-date-required", "发布版本须填写生效日期。");
        }
        if (current.isPresent() && current.get().items.equals(items)) {
            throw DomainException.conflict("unchanged-version",
                    "第 " + version + " 版与已发布的第 " + current.get().version + " 版完全相同，无需发布。");
        }
        this.status = Status.PUBLISHED;
        this.effectiveFrom = effectiveFrom;
        this.publishedAt = now;
        changes.audit(actor, now, "published", "自 " + effectiveFrom + " 起施行");
        changes.announce(new CatalogueVersionPublished(catalogue, version, effectiveFrom, now,
                items.stream().map(CatalogueItem::toEvent).toList()), now);
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
        return changes.auditTrail();
    }

    @Override
    public Changes changes() {
        return changes;
    }
}
