package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A row checks its own columns and shows its codes with their Chinese names. */
class CatalogueItemTest {

    private static CatalogueItem item(String provenance, List<String> channels, boolean applicable, String reason) {
        return new CatalogueItem("WS-01", 1, "政策文件", "二级", "内容", null, "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门", channels, List.of("all-society", "specific-groups"),
                List.of("proactive", "on-request"), List.of("county", "township"), null, provenance, applicable, reason);
    }

    private static String typeOf(Throwable e) {
        return ((DomainException) e).type();
    }

    @Test
    void codesAreShownWithTheirChineseNamesInTheOrderOfTheRow() {
        CatalogueItem item = item("verified", List.of("notice-board", "gov-website"), true, null);

        assertThat(item.channelLabels()).containsExactly("社区/企事业单位、村公示栏（电子屏）", "政府网站");
        assertThat(item.audienceLabels()).containsExactly("全社会", "特定群体");
        assertThat(item.methodLabels()).containsExactly("主动", "依申请");
        assertThat(item.levelLabels()).containsExactly("县级", "乡级");
        assertThat(item.basis()).isEmpty();
        assertThat(item.sections()).isEmpty();
    }

    @Test
    void reconstructedAndPartialRowsAwaitConfirmationOthersAreVerified() {
        assertThat(item("reconstructed", List.of(), true, null).needsVerification()).isTrue();
        assertThat(item("partial", List.of(), true, null).verificationStatus()).isEqualTo("待核实");
        assertThat(item("verified", List.of(), true, null).needsVerification()).isFalse();
        assertThat(item("verified", List.of(), true, null).verificationStatus()).isEqualTo("已核实");
        assertThat(item("partial", List.of(), true, null).withProvenance(CatalogueItem.OFFICE_CONFIRMED).verificationStatus())
                .isEqualTo("已核实");
    }

    @Test
    void aRowWithABadColumnIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> item("verified", List.of("fax"), true, null))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("unknown-channel"))
                .hasMessage("事项 WS-01 的公开渠道“fax”不在渠道目录中。");
        assertThatThrownBy(() -> item("verified", List.of(), false, " "))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("not-applicable-without-reason"))
                .hasMessage("事项 WS-01 标为县级不适用时，须说明理由。");
        assertThatThrownBy(() -> item("verified", List.of(), false, null))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("not-applicable-without-reason"));
        assertThat(item("verified", List.of(), false, "乡级事项").notApplicableReason()).isEqualTo("乡级事项");
        assertThatThrownBy(() -> new CatalogueItem("WS-01", 1, "政策文件", "二级", "内容", null, "t", "ON_PROGRESS", "b", null,
                List.of("everyone"), List.of("proactive"), List.of("county"), null, "verified", true, null))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("invalid-audience"))
                .hasMessage("事项 WS-01 的公开对象取值 [everyone] 无效，可选值为：all-society、specific-groups。");
        assertThatThrownBy(() -> new CatalogueItem("WS-1", 1, "政策文件", "二级", "内容", null, "t", "ON_PROGRESS", "b", null,
                List.of("all-society"), List.of("proactive"), List.of("county"), null, "verified", true, null))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("invalid-item-code"));
    }

    @Test
    void channelsAreFoundByTheirNamesAndTheNamesLaterChecklistsUse() {
        assertThat(Channel.byLabel(" 政府网站 ")).contains(Channel.GOV_WEBSITE);
        assertThat(Channel.byLabel("政务新媒体")).contains(Channel.NEW_MEDIA);
        assertThat(Channel.byLabel("社区/企事业单位/村公示栏(电子屏)")).contains(Channel.NOTICE_BOARD);
        assertThat(Channel.byLabel("传真")).isEmpty();
        assertThat(Channel.byCode("radio-tv")).contains(Channel.RADIO_TV);
        assertThat(Channel.byCode("广播电视")).isEmpty();
    }

    @Test
    void aChangeWithoutAnyColumnIsEmptyAndOneWithAColumnIsNot() {
        assertThat(ItemChanges.NONE.isEmpty()).isTrue();
        assertThat(new ItemChanges(null, null, null, null, null, "县应急管理局", null, null, null, null).isEmpty()).isFalse();
    }
}
