package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.catalogue.version.CatalogueFixture.NOW;
import static org.gongkai.catalogue.version.CatalogueFixture.item;
import static org.gongkai.catalogue.version.CatalogueFixture.published;
import static org.gongkai.testsupport.Actors.OFFICE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

class CatalogueVersionTest {

    @Test
    void anEmptyVersionIsNotPublished() {
        CatalogueVersion empty = CatalogueVersion.draft("work-safety", "目录", 2, List.of(), OFFICE, NOW, "x");
        assertThatThrownBy(() -> empty.publish(LocalDate.of(2027, 1, 1), Optional.empty(), OFFICE, NOW))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("empty-version");
    }

    @Test
    void duplicateItemCodesAreRefused() {
        assertThatThrownBy(() -> CatalogueVersion.draft("work-safety", "目录", 1,
                List.of(item("WS-01", 1, "政策文件"), item("WS-01", 2, "政策文件")), OFFICE, NOW, "x"))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("duplicate-item-code");
    }

    @Test
    void addedItemGetsTheNextCodeUnderItsFirstLevelItemAndTheProposingSectionOncePerChange() {
        CatalogueVersion draft = CatalogueVersion.draftFrom(published(), 2, OFFICE, NOW);
        ItemChange add = new ItemChange("p1", ItemChange.Kind.ADD_ITEM, null, "政策文件", "safety-coordination", "补充",
                new ItemChanges("规范性文件", "本县规范性文件", null, "按进展情况及时公开", "ON_PROGRESS", null, null, null, null, null));
        assertThat(draft.apply(add)).isEqualTo("WS-03");
        assertThat(draft.items()).extracting(CatalogueItem::code).containsExactly("WS-01", "WS-03", "WS-02");
        assertThat(draft.item("WS-03")).get().extracting(CatalogueItem::sections).isEqualTo(List.of("safety-coordination"));
        // the same change again (a retry after a failed second write) changes nothing
        assertThat(draft.apply(add)).isEqualTo("WS-03");
        assertThat(draft.items()).hasSize(3);
    }

    @Test
    void aRefinementWithoutAnyColumnIsRefusedAndAPublishedVersionTakesNoChange() {
        CatalogueVersion v1 = published();
        CatalogueVersion draft = CatalogueVersion.draftFrom(v1, 2, OFFICE, NOW);
        assertThatThrownBy(() -> draft.apply(new ItemChange("p5", ItemChange.Kind.REFINE_ITEM, "WS-01", null, null, null, null)))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("empty-proposal");
        assertThatThrownBy(() -> v1.apply(new ItemChange("p6", ItemChange.Kind.TAKE_RESPONSIBILITY, "WS-01", null,
                "safety-coordination", null, null)))
                .extracting(e -> ((DomainException) e).type()).isEqualTo("version-already-published");
    }
}
