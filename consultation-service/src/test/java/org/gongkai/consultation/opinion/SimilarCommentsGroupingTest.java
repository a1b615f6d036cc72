package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The edges of grouping: the threshold's range and its bound, the pruning order, the order of the groups. */
class SimilarCommentsGroupingTest {

    private static SimilarComments.Text text(String id, String content) {
        return new SimilarComments.Text(id, content);
    }

    @Test
    void theThresholdLiesAboveZeroAndAtMostOne() {
        List<SimilarComments.Text> twins = List.of(text("a", "延长期限"), text("b", "延长期限"));
        assertThatThrownBy(() -> SimilarComments.groups(twins, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimilarComments.groups(twins, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SimilarComments.groups(twins, 1)).containsExactly(List.of("a", "b"));
    }

    @Test
    void aSimilarityExactlyAtTheThresholdGroups() {
        // 延长 长期 are two of the four bigrams of 延长期限到六 ... : 2 shared / 4 in the union = 0.5
        List<SimilarComments.Text> texts = List.of(text("short", "延长期"), text("long", "延长期限到"));
        assertThat(SimilarComments.similarity("延长期", "延长期限到")).isEqualTo(0.5);
        assertThat(SimilarComments.groups(texts, 0.5)).containsExactly(List.of("short", "long"));
    }

    @Test
    void aLongUnrelatedCommentBetweenTwoShortTwinsDoesNotHideThem() {
        List<SimilarComments.Text> texts = List.of(text("a", "同意"), text("long", "小区消防通道经常被私家车占用请加强管理"),
                text("b", "同意"));
        assertThat(SimilarComments.groups(texts, 0.6)).containsExactly(List.of("a", "b"));
    }

    @Test
    void theLargerGroupComesFirstWhateverTheInputOrder() {
        List<SimilarComments.Text> texts = List.of(text("p1", "同意"), text("p2", "同意"),
                text("q1", "建议延长期限"), text("q2", "建议延长期限"), text("q3", "建议延长期限"));
        assertThat(SimilarComments.groups(texts, 0.9)).containsExactly(List.of("q1", "q2", "q3"), List.of("p1", "p2"));
    }

    @Test
    void aPairIsTwoCharactersInOrderNotJustItsSecond() {
        assertThat(SimilarComments.similarity("甲乙", "丙乙")).isZero();
        assertThat(SimilarComments.similarity("乙甲", "甲乙")).isZero();
    }

    @Test
    void aTextWithNoLettersHasNoBigramsAndNothingIsSimilarToNull() {
        assertThat(SimilarComments.bigrams("！？")).isEmpty();
        assertThat(SimilarComments.bigrams(null)).isEmpty();
        assertThat(SimilarComments.similarity(null, "同意")).isZero();
    }
}
