package org.gongkai.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Grouping suggestions work on Chinese text: character bigrams, not whitespace-separated words. */
class SimilarCommentsTest {

    private static final double THRESHOLD = 0.3;

    private static final List<SimilarComments.Text> COMMENTS = List.of(
            new SimilarComments.Text("period-1", "建议将征求意见的期限延长到六十天，三十天太短了。"),
            new SimilarComments.Text("reward-1", "举报奖励的标准太低，建议提高到罚款金额的百分之二十。"),
            new SimilarComments.Text("period-2", "建议把征求意见期限延长至六十天，三十天时间太短。"),
            new SimilarComments.Text("fire", "小区消防通道经常被私家车占用，希望加强管理。"),
            new SimilarComments.Text("reward-2", "建议提高举报奖励标准，至少达到罚款金额的百分之二十！"),
            new SimilarComments.Text("period-3", "征求意见期限太短，建议延长到六十天"),
            new SimilarComments.Text("reward-3", "举报奖励标准应提高到罚款金额的百分之二十"),
            new SimilarComments.Text("chemicals", "应当明确危险化学品企业的安全生产主体责任。"));

    @Test
    void nearDuplicateChineseCommentsAreGroupedAndUnrelatedOnesKeptApart() {
        List<List<String>> groups = SimilarComments.groups(COMMENTS, THRESHOLD);
        assertThat(groups).hasSize(2);
        assertThat(groups).anySatisfy(g -> assertThat(g).containsExactlyInAnyOrder("period-1", "period-2", "period-3"));
        assertThat(groups).anySatisfy(g -> assertThat(g).containsExactlyInAnyOrder("reward-1", "reward-2", "reward-3"));
        assertThat(groups).flatExtracting(g -> g).doesNotContain("fire", "chemicals");
    }

    @Test
    void similarityComesFromSharedCharacterPairsNotFromSpaces() {
        // no spaces at all: a whitespace tokenizer would see one "word" per comment and find nothing in common
        double nearDuplicate = SimilarComments.similarity("建议将征求意见的期限延长到六十天", "建议把征求意见期限延长至六十天");
        double unrelated = SimilarComments.similarity("建议将征求意见的期限延长到六十天", "小区消防通道经常被私家车占用");
        assertThat(nearDuplicate).isGreaterThan(THRESHOLD);
        assertThat(unrelated).isLessThan(0.05);
        assertThat(SimilarComments.similarity("相同的意见", "相同的意见")).isEqualTo(1.0);
    }

    @Test
    void punctuationSpacesCaseAndFullWidthFormsDoNotMatter() {
        assertThat(SimilarComments.similarity("建议：提高 ＡＢＣ 标准！！", "建议提高abc标准")).isEqualTo(1.0);
        assertThat(SimilarComments.similarity("！！！", "建议")).isZero();
        assertThat(SimilarComments.similarity("好", "好")).isEqualTo(1.0);
    }

    @Test
    void aHigherThresholdAsksForCloserWording() {
        assertThat(SimilarComments.groups(COMMENTS, 0.9)).isEmpty();
        assertThat(SimilarComments.groups(List.of(new SimilarComments.Text("a", "同意"), new SimilarComments.Text("b", "同意！")), 0.9))
                .containsExactly(List.of("a", "b"));
    }

    @Test
    void groupsAreLargestFirstAndScaleToThousandsOfComments() {
        List<SimilarComments.Text> many = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder unrelated = new StringBuilder();
            for (int c = 0; c < 20 + random.nextInt(40); c++) {
                unrelated.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
            }
            many.add(new SimilarComments.Text("u" + i, unrelated.toString()));
        }
        for (int i = 0; i < 4; i++) {
            many.add(new SimilarComments.Text("dup" + i, "建议删除第十二条关于夜间施工审批的规定" + "。".repeat(i)));
        }
        many.add(new SimilarComments.Text("pair-a", "希望公布举报电话和受理时间"));
        many.add(new SimilarComments.Text("pair-b", "希望公布举报电话及受理时间"));
        long started = System.nanoTime();
        List<List<String>> groups = SimilarComments.groups(many, 0.6);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(groups.get(0)).containsExactly("dup0", "dup1", "dup2", "dup3");
        assertThat(groups).contains(List.of("pair-a", "pair-b"));
        assertThat(millis).as("suggestions for 2000 comments").isLessThan(10_000);
    }
}
