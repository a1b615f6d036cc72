package org.gongkai.catalogue.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.security.Actor;
import org.gongkai.support.organisation.Sections;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Use cases of refining, approving, versioning, importing and publishing the catalogues. The rules live in
 * {@link Proposal}, {@link CatalogueVersion} and {@link CatalogueItem}; this class loads and saves them.
 */
@Service
public class CatalogueService {

    public static final List<String> CATALOGUES = List.of("work-safety", "disaster-relief");

    private final CatalogueVersionRepository versions;
    private final ProposalRepository proposals;
    private final Sections sections;
    private final Clock clock;
    private final Map<String, String> phrasings;

    CatalogueService(CatalogueVersionRepository versions, ProposalRepository proposals, Sections sections, Clock clock) {
        this.versions = versions;
        this.sections = sections;
        this.proposals = proposals;
        this.clock = clock;
        try {
            this.phrasings = StandardCatalogueSeeder.timeLimitPhrasings();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CatalogueVersion published(String catalogue) {
        return versions.findFirstByCatalogueAndStatusOrderByVersionDesc(requireKnown(catalogue), CatalogueVersion.Status.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("catalogue-not-found", "目录“" + catalogue + "”尚无已发布的版本。"));
    }

    /** One page of a catalogue's published versions, the latest first (the version number is unique in a catalogue). */
    public Page<CatalogueVersion> publishedVersions(String catalogue, int page, int size) {
        return versions.findByCatalogueAndStatus(requireKnown(catalogue), CatalogueVersion.Status.PUBLISHED,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "version")));
    }

    public CatalogueVersion publishedVersion(String catalogue, int version) {
        return versions.findById(requireKnown(catalogue) + ":" + version)
                .filter(v -> v.status() == CatalogueVersion.Status.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("version-not-found", "目录“" + catalogue + "”没有已发布的第 " + version + " 版。"));
    }

    public VersionDiff diff(String catalogue, int from, int to) {
        return VersionDiff.between(publishedVersion(catalogue, from), publishedVersion(catalogue, to));
    }

    /** Seeded rows not backed by several sources: {@code reconstructed} before {@code partial}, then by 序号. */
    public List<CatalogueItem> rowsToConfirm(String catalogue) {
        List<String> order = List.of("reconstructed", "partial");
        return published(catalogue).items().stream()
                .filter(i -> order.contains(i.provenance()))
                .sorted(java.util.Comparator.comparingInt((CatalogueItem i) -> order.indexOf(i.provenance()))
                        .thenComparingInt(CatalogueItem::seq))
                .toList();
    }

    public Optional<CatalogueVersion> draft(String catalogue) {
        return versions.findFirstByCatalogueAndStatusOrderByVersionDesc(requireKnown(catalogue), CatalogueVersion.Status.DRAFT);
    }

    public Proposal propose(String catalogue, String forSection, ProposalKind kind, String itemCode, String level1,
            ItemChanges changes, String reason, Actor actor) {
        sections.requireKnown(forSection);
        CatalogueVersion base = draft(catalogue).orElseGet(() -> published(catalogue));
        return proposals.insert(Proposal.propose(UUID.randomUUID().toString(), base, forSection, kind, itemCode, level1,
                changes, reason, actor, now()));
    }

    /** One page of the proposals the actor sees, by id (stable), paged in the database. */
    public Page<Proposal> proposals(Actor actor, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("_id"));
        return actor.overseesAllSections() ? proposals.findAll(request) : proposals.findBySection(actor.section(), request);
    }

    public Proposal proposal(String id, Actor actor) {
        return proposals.findById(id).filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("proposal-not-found", "没有编号为 " + id + " 的修订建议。"));
    }

    /**
     * Approves into the open draft (opened from the version in force if there is none). The draft is saved
     * first: applying a proposal is idempotent, so a retry after a failure between the two writes is safe.
     */
    public Proposal decide(String id, boolean approve, String reason, Actor actor) {
        Proposal proposal = proposal(id, actor);
        if (!approve) {
            proposal.reject(actor, reason, now());
            return proposals.save(proposal);
        }
        CatalogueVersion draft = openDraft(proposal.catalogue(), actor);
        proposal.approve(draft, actor, reason, now());
        versions.save(draft);
        return proposals.save(proposal);
    }

    /** Confirms a 待核实 row in the open draft (opening one from the version in force if needed). */
    public CatalogueVersion confirmRow(String catalogue, String code, String checkedAgainst, Actor actor) {
        requireOffice(actor);
        CatalogueVersion draft = openDraft(requireKnown(catalogue), actor);
        draft.confirmRow(code, checkedAgainst, actor, now());
        return versions.save(draft);
    }

    public CatalogueVersion publish(String catalogue, int version, LocalDate effectiveFrom, Actor actor) {
        requireOffice(actor);
        CatalogueVersion draft = versions.findById(requireKnown(catalogue) + ":" + version)
                .orElseThrow(() -> DomainException.notFound("version-not-found", "目录“" + catalogue + "”没有第 " + version + " 版。"));
        draft.publish(effectiveFrom, Optional.of(published(catalogue)), actor, now());
        return versions.save(draft);
    }

    public void discardDraft(String catalogue, Actor actor) {
        requireOffice(actor);
        CatalogueVersion draft = draft(catalogue)
                .orElseThrow(() -> DomainException.notFound("no-draft", "目录“" + catalogue + "”目前没有未发布的草稿版本。"));
        draft.requireDiscardable();
        versions.delete(draft);
    }

    /** Reads the office's official table into a new draft; a single rejected row rejects the whole import. */
    public ImportReport importTable(String catalogue, String filename, byte[] content, Actor actor) {
        requireOffice(actor);
        if (draft(catalogue).isPresent()) {
            throw DomainException.conflict("draft-already-open",
                    "目录“" + catalogue + "”已有未发布的草稿版本，请先发布或放弃该草稿，再导入目录表。");
        }
        CatalogueVersion current = published(catalogue);
        TableImport.Result result = TableImport.interpret(OfficialTable.read(filename, content), current, phrasings);
        if (!result.accepted()) {
            throw DomainException.invalid("import-rejected", "目录表未导入：共 " + result.rows().size() + " 行，其中 "
                    + result.rows().stream().filter(r -> r.outcome() == TableImport.Outcome.REJECTED).count()
                    + " 行未通过检查，详见各行说明（rows）。")
                    .with("rows", result.rows());
        }
        CatalogueVersion draft = CatalogueVersion.draftFrom(current, current.version() + 1, actor, now());
        draft.replaceItems(result.items(), actor, now(), "由文件“" + filename + "”导入");
        insertDraft(draft);
        return new ImportReport(catalogue, result.rows().size(), draft.version(), result.rows());
    }

    public record ImportReport(String catalogue, int rowsRead, int draftVersion,
            List<TableImport.RowResult> rows) {
    }

    private CatalogueVersion openDraft(String catalogue, Actor actor) {
        return draft(catalogue).orElseGet(() -> {
            CatalogueVersion current = published(catalogue);
            return insertDraft(CatalogueVersion.draftFrom(current, current.version() + 1, actor, now()));
        });
    }

    private CatalogueVersion insertDraft(CatalogueVersion draft) {
        try {
            return versions.insert(draft);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("draft-already-open", "他人刚刚同时新建了目录“" + draft.catalogue() + "”的草稿版本，请重试。");
        }
    }

    private static void requireOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("office-only", "此操作只能由政务公开办公室进行。");
        }
    }

    private static String requireKnown(String catalogue) {
        if (!CATALOGUES.contains(catalogue)) {
            throw DomainException.notFound("catalogue-not-found", "没有名为“" + catalogue + "”的目录；现有目录：" + String.join("、", CATALOGUES) + "。");
        }
        return catalogue;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
