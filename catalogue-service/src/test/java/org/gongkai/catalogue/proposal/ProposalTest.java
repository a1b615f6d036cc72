package org.gongkai.catalogue.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.catalogue.version.CatalogueFixture.NOW;
import static org.gongkai.catalogue.version.CatalogueFixture.published;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.util.List;

import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.ItemChanges;
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
}
