package org.gongkai.catalogue.version;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Use cases of the catalogues' versions: reading the published ones, opening, confirming, publishing and discarding
 * drafts. The rules live in {@link CatalogueVersion} and {@link CatalogueItem}; this class loads and saves them.
 * Proposals ({@code proposal}) and imports ({@code table}) change drafts through it.
 */
@Service
public class CatalogueService {

    public static final List<String> CATALOGUES = List.of("work-safety", "disaster-relief");

    private final CatalogueVersionRepository versions;
    private final Clock clock;

    CatalogueService(CatalogueVersionRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
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

    /** The open draft of a catalogue, opened from the version in force if there is none. */
    public CatalogueVersion openDraft(String catalogue, Actor actor) {
        return draft(catalogue).orElseGet(() -> {
            CatalogueVersion current = published(catalogue);
            return insertDraft(CatalogueVersion.draftFrom(current, current.version() + 1, actor, now()));
        });
    }

    /** Stores a draft that a change (an approved proposal) was applied to. */
    public CatalogueVersion saveDraft(CatalogueVersion draft) {
        return versions.save(draft);
    }

    /** Stores a new draft; a second draft of the same catalogue at the same time is a conflict. */
    public CatalogueVersion insertDraft(CatalogueVersion draft) {
        try {
            return versions.insert(draft);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("draft-already-open", "他人刚刚同时新建了目录“" + draft.catalogue() + "”的草稿版本，请重试。");
        }
    }

    public static void requireOffice(Actor actor) {
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
