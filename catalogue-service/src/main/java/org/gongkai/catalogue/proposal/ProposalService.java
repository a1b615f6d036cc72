package org.gongkai.catalogue.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.gongkai.catalogue.version.CatalogueService;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.ItemChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.organisation.Sections;
import org.gongkai.support.domain.Actor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Use cases of refining the catalogues: sections propose, the disclosure office decides. The rules live in
 * {@link Proposal}; an approved proposal goes into the catalogue's open draft.
 */
@Service
public class ProposalService {

    private final ProposalRepository proposals;
    private final CatalogueService catalogues;
    private final Sections sections;
    private final Clock clock;

    ProposalService(ProposalRepository proposals, CatalogueService catalogues, Sections sections, Clock clock) {
        this.proposals = proposals;
        this.catalogues = catalogues;
        this.sections = sections;
        this.clock = clock;
    }

    public Proposal propose(String catalogue, String forSection, ProposalKind kind, String itemCode, String level1,
            ItemChanges changes, String reason, Actor actor) {
        sections.requireKnown(forSection);
        CatalogueVersion base = catalogues.draft(catalogue).orElseGet(() -> catalogues.published(catalogue));
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
        CatalogueVersion draft = catalogues.openDraft(proposal.catalogue(), actor);
        proposal.approve(draft, actor, reason, now());
        catalogues.saveDraft(draft);
        return proposals.save(proposal);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
