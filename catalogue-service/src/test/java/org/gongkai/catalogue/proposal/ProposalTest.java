package org.gongkai.catalogue.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.ItemChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.junit.jupiter.api.Test;

/** A section proposes, the office decides once; an approved proposal changes the draft it is applied to. */
class ProposalTest {

    private final Actor office = new Actor("o", "office", "disclosure-office", Set.of(Actor.DISCLOSURE_OFFICE));
    private final Actor safety1 = new Actor("s", "safety1", "safety-coordination", Set.of(Actor.SECTION_STAFF));
    private final Instant now = Instant.parse("2026-11-29T00:00:00Z");

    private static CatalogueItem item(String code, int seq, String level1) {
        return new CatalogueItem(code, seq, level1, "二级" + seq, "内容", List.of("条例"), "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门", List.of("gov-website"), List.of("all-society"),
                List.of("proactive"), List.of("county"), List.of(), "verified", true, null);
    }

    private CatalogueVersion published() {
        CatalogueVersion v1 = CatalogueVersion.draft("work-safety", "目录", 1,
                List.of(item("WS-01", 1, "政策文件"), item("WS-02", 2, "依法行政")), office, now, "seed");
        v1.publish(LocalDate.of(2019, 5, 30), Optional.empty(), office, now);
        return v1;
    }

    @Test
    void addedItemGetsTheNextCodeUnderItsFirstLevelItemAndTheProposingSection() {
        CatalogueVersion v1 = published();
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, office, now);
        Proposal proposal = Proposal.propose("p1", v1, "safety-coordination", ProposalKind.ADD_ITEM, null, "政策文件",
                new ItemChanges("规范性文件", "本县规范性文件", null, "按进展情况及时公开", "ON_PROGRESS", null, null, null, null, null),
                "补充", safety1, now);
        proposal.approve(draft, office, "同意", now);
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
                null, null, " ", safety1, now)).isInstanceOf(DomainException.class);
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, office, now);
        Proposal proposal = Proposal.propose("p3", v1, "safety-coordination", ProposalKind.MARK_NOT_APPLICABLE, "WS-02",
                null, null, "本县无此职能", safety1, now);
        proposal.approve(draft, office, "同意", now);
        assertThat(draft.items()).hasSize(2);
        assertThat(draft.item("WS-02")).get().extracting(CatalogueItem::applicable).isEqualTo(false);
    }

    @Test
    void onlyTheOfficeDecidesAndOnlyOnce() {
        CatalogueVersion v1 = published();
        Proposal proposal = Proposal.propose("p4", v1, "safety-coordination", ProposalKind.TAKE_RESPONSIBILITY, "WS-01",
                null, null, "由本股室负责", safety1, now);
        assertThatThrownBy(() -> proposal.reject(safety1, "no", now))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("decision-requires-office");
        proposal.reject(office, "已有负责股室", now);
        assertThatThrownBy(() -> proposal.approve(CatalogueVersion.draftFrom(v1, 2, office, now), office, "ok", now))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("proposal-already-decided");
    }
}
