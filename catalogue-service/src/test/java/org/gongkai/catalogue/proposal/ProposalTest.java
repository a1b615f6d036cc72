package org.gongkai.catalogue.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.catalogue.version.CatalogueFixture.NOW;
import static org.gongkai.catalogue.version.CatalogueFixture.published;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.util.List;
import java.util.Set;

import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.ItemChanges;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A section proposes, the office decides once; an approved proposal changes the draft it is applied to. */
class ProposalTest {

    @Test
    void addedItemGetsTheNextCodeUnderItsFirstLevelItemAndTheProposingSection() {
        CatalogueVersion v1 = published();
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW);
        Proposal proposal = Proposal.propose("p1", v1, "safety-coordination", ProposalKind.ADD_ITEM, null, "政策文件",
                new ItemChanges("规范性文件", "本县规范性文件", null, "按进展情况及时公开", "ON_PROGRESS", null, null, null, null, null),
                "补充", SAFETY1, NOW);
        proposal.approve(draft, OFFICE, "同意", NOW);
        assertThat(proposal.resultingItemCode()).isEqualTo("WS-03");
        assertThat(draft.items()).extracting(CatalogueItem::code).containsExactly("WS-01", "WS-03", "WS-02");
        assertThat(draft.item("WS-03")).get().extracting(CatalogueItem::sections).isEqualTo(List.of("safety-coordination"));
        // applying the same approved proposal again (a retry) changes nothing
        assertThat(draft.apply(proposal.change())).isEqualTo("WS-03");
        assertThat(draft.items()).hasSize(3);
    }

    @Test
    void templateItemsAreNeverRemovedOnlyMarkedNotApplicableWithAReason() {
        CatalogueVersion v1 = published();
        assertThatThrownBy(() -> Proposal.propose("p2", v1, "safety-coordination", ProposalKind.MARK_NOT_APPLICABLE, "WS-02",
                null, null, " ", SAFETY1, NOW)).isInstanceOf(DomainException.class);
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW);
        Proposal proposal = Proposal.propose("p3", v1, "safety-coordination", ProposalKind.MARK_NOT_APPLICABLE, "WS-02",
                null, null, "本县无此职能", SAFETY1, NOW);
        proposal.approve(draft, OFFICE, "同意", NOW);
        assertThat(draft.items()).hasSize(2);
        assertThat(draft.item("WS-02")).get().extracting(CatalogueItem::applicable).isEqualTo(false);
    }

    @Test
    void onlyTheOfficeDecidesAndOnlyOnce() {
        CatalogueVersion v1 = published();
        Proposal proposal = Proposal.propose("p4", v1, "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "由本股室负责", SAFETY1, NOW);
        assertThatThrownBy(() -> proposal.reject(SAFETY1, "no", NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("decision-requires-office");
        proposal.reject(OFFICE, "已有负责股室", NOW);
        assertThatThrownBy(() -> proposal.approve(CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW), OFFICE, "ok", NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("proposal-already-decided");
    }

    @Test
    void aProposalRecordsWhoProposedWhatAndTheDecision() {
        CatalogueVersion v1 = published();
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW);
        ItemChanges refinement = new ItemChanges(null, "细化内容", null, null, null, null, null, null, null, null);
        Proposal proposal = Proposal.propose("p5", v1, "safety-coordination", ProposalKind.REFINE_ITEM, "WS-01", null,
                refinement, "内容过简", SAFETY1, NOW);

        assertThat(proposal.id()).isEqualTo("p5");
        assertThat(proposal.catalogue()).isEqualTo("work-safety");
        assertThat(proposal.section()).isEqualTo("safety-coordination");
        assertThat(proposal.proposer()).isEqualTo("safety1");
        assertThat(proposal.kind()).isEqualTo(ProposalKind.REFINE_ITEM);
        assertThat(proposal.kind().label()).isEqualTo("细化事项");
        assertThat(proposal.itemCode()).isEqualTo("WS-01");
        assertThat(proposal.level1()).isNull();
        assertThat(proposal.changes()).isEqualTo(refinement);
        assertThat(proposal.reason()).isEqualTo("内容过简");
        assertThat(proposal.status()).isEqualTo(Proposal.Status.PENDING);
        assertThat(proposal.status().label()).isEqualTo("待决定");
        assertThat(proposal.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("proposed-refine_item");
            assertThat(entry.reason()).isEqualTo("内容过简");
        });
        // proposing checks the change against a scratch draft only: the version it refines is untouched
        assertThat(v1.item("WS-01")).get().extracting(CatalogueItem::content).isEqualTo("内容");

        proposal.approve(draft, OFFICE, "同意细化", NOW.plusSeconds(5));

        assertThat(proposal.status()).isEqualTo(Proposal.Status.APPROVED);
        assertThat(proposal.status().label()).isEqualTo("已批准");
        assertThat(proposal.decidedBy()).isEqualTo("office");
        assertThat(proposal.decisionReason()).isEqualTo("同意细化");
        assertThat(proposal.decidedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(proposal.appliedToVersion()).isEqualTo(2);
        assertThat(proposal.resultingItemCode()).isEqualTo("WS-01");
        assertThat(proposal.audit()).last().extracting(a -> a.action(), a -> a.reason()).containsExactly("approved", "同意细化");
        assertThat(draft.item("WS-01")).get().extracting(CatalogueItem::content).isEqualTo("细化内容");
    }

    @Test
    void aRejectionNeedsAReasonAndIsRecorded() {
        Proposal proposal = Proposal.propose("p6", published(), "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "由本股室负责", SAFETY1, NOW);

        assertThatThrownBy(() -> proposal.reject(OFFICE, " ", NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("reason-required");
        proposal.reject(OFFICE, "已有负责股室", NOW);

        assertThat(proposal.status()).isEqualTo(Proposal.Status.REJECTED);
        assertThat(proposal.status().label()).isEqualTo("已驳回");
        assertThat(proposal.audit()).last().extracting(a -> a.action(), a -> a.reason()).containsExactly("rejected", "已有负责股室");
        assertThatThrownBy(() -> proposal.reject(OFFICE, "again", NOW))
                .hasMessage("该修订建议已有决定（已驳回），不能再次决定。");
    }

    @Test
    void anApprovalNeedsAReasonAndLeavesTheDraftUntouchedWithout() {
        CatalogueVersion v1 = published();
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW);
        Proposal proposal = Proposal.propose("p7", v1, "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "由本股室负责", SAFETY1, NOW);

        assertThatThrownBy(() -> proposal.approve(draft, OFFICE, null, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("reason-required");
        assertThat(draft.item("WS-01")).get().extracting(CatalogueItem::sections).isEqualTo(List.of());
    }

    @Test
    void aSectionProposesOnlyForItselfAndSeesOnlyItsOwnProposals() {
        CatalogueVersion v1 = published();
        Actor fire = new Actor("f", "fire1", "fire-rescue", Set.of(Actor.SECTION_STAFF));
        assertThatThrownBy(() -> Proposal.propose("p8", v1, "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "r", fire, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("proposal-for-another-section");
        assertThatThrownBy(() -> Proposal.propose("p8", v1, "disclosure-office", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "r", OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("proposal-requires-section");
        assertThatThrownBy(() -> Proposal.propose("p8", v1, "safety-coordination", null, "WS-01", null, null, "r", SAFETY1, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("proposal-kind-required");

        Proposal proposal = Proposal.propose("p8", v1, "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "r", SAFETY1, NOW);

        assertThat(proposal.isVisibleTo(SAFETY1)).isTrue();
        assertThat(proposal.isVisibleTo(OFFICE)).isTrue();
        assertThat(proposal.isVisibleTo(fire)).isFalse();
    }
}
