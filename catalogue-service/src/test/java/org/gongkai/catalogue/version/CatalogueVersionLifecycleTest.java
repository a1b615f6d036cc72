package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.testsupport.Announced;
import org.junit.jupiter.api.Test;

/** A draft is assembled, rows are confirmed, the whole list may be replaced, and publishing freezes it. */
class CatalogueVersionLifecycleTest {

    private final Actor office = new Actor("o", "office", "disclosure-office", Set.of(Actor.DISCLOSURE_OFFICE));
    private final Instant now = Instant.parse("2026-11-29T00:00:00Z");

    private static CatalogueItem item(String code, int seq, String level1, String provenance) {
        return new CatalogueItem(code, seq, level1, "二级" + seq, "内容", List.of("条例"), "信息形成或变更之日起20个工作日内",
                "WORKING_DAYS_AFTER_CHANGE(20)", "应急管理部门", List.of("gov-website"), List.of("all-society"),
                List.of("proactive"), List.of("county"), List.of(), provenance, true, null);
    }

    private CatalogueVersion draft() {
        return CatalogueVersion.draft("work-safety", "目录", 1,
                List.of(item("WS-01", 1, "政策文件", "verified"), item("WS-02", 2, "依法行政", "reconstructed")), office, now, "seed");
    }

    private static String typeOf(Throwable e) {
        return ((DomainException) e).type();
    }

    @Test
    void aDraftIsNamedByCatalogueAndVersionAndRecordsWhoCreatedIt() {
        CatalogueVersion draft = draft();

        assertThat(draft.id()).isEqualTo("work-safety:1");
        assertThat(draft.catalogue()).isEqualTo("work-safety");
        assertThat(draft.title()).isEqualTo("目录");
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(CatalogueVersion.Status.DRAFT);
        assertThat(draft.status().label()).isEqualTo("草稿");
        assertThat(draft.effectiveFrom()).isNull();
        assertThat(draft.publishedAt()).isNull();
        assertThat(draft.audit()).containsExactly(new AuditEntry(now, "o", "office", "disclosure-office", "draft-created", "seed"));
        assertThat(draft.level1Names()).containsExactly("政策文件", "依法行政");
    }

    @Test
    void publishingFreezesTheVersionRecordsItAndAnnouncesEveryItem() {
        CatalogueVersion draft = draft();
        Instant later = now.plusSeconds(60);

        draft.publish(LocalDate.of(2027, 1, 1), Optional.empty(), office, later);

        assertThat(draft.status()).isEqualTo(CatalogueVersion.Status.PUBLISHED);
        assertThat(draft.status().label()).isEqualTo("已发布");
        assertThat(draft.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(draft.publishedAt()).isEqualTo(later);
        assertThat(draft.audit()).last().isEqualTo(new AuditEntry(later, "o", "office", "disclosure-office", "published",
                "自 2027-01-01 起施行"));
        assertThat(draft.changes().announced()).singleElement().isInstanceOfSatisfying(CatalogueVersionPublished.class, event -> {
            assertThat(event.catalogue()).isEqualTo("work-safety");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(event.publishedAt()).isEqualTo(later);
            assertThat(event.items()).extracting(CatalogueVersionPublished.Item::code).containsExactly("WS-01", "WS-02");
            assertThat(event.items().get(0)).isEqualTo(new CatalogueVersionPublished.Item("WS-01", "政策文件", "二级1",
                    "信息形成或变更之日起20个工作日内", "WORKING_DAYS_AFTER_CHANGE(20)", List.of("gov-website"), List.of("all-society"),
                    List.of("proactive"), List.of("county"), List.of(), true));
        });
        assertThat(Announced.entries(draft)).singleElement()
                .satisfies(entry -> assertThat(entry.type()).isEqualTo("gongkai.catalogue.version-published.v1"));
        assertThatThrownBy(() -> draft.publish(LocalDate.of(2027, 2, 1), Optional.empty(), office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("version-already-published"))
                .hasMessage("第 1 版已经发布。");
    }

    @Test
    void aVersionNeedsAnEffectiveDateAndMustDifferFromTheOneInForce() {
        CatalogueVersion v1 = draft();
        assertThatThrownBy(() -> v1.publish(null, Optional.empty(), office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("effective-date-required")).hasMessage("发布版本须填写生效日期。");
        v1.publish(LocalDate.of(2027, 1, 1), Optional.empty(), office, now);

        CatalogueVersion same = CatalogueVersion.draftFrom(v1, 2, office, now);
        assertThat(same.audit()).singleElement().extracting(AuditEntry::reason).isEqualTo("以第 1 版为基础新建草稿");
        assertThatThrownBy(() -> same.publish(LocalDate.of(2028, 1, 1), Optional.of(v1), office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("unchanged-version"))
                .hasMessage("第 2 版与已发布的第 1 版完全相同，无需发布。");
        assertThat(same.status()).isEqualTo(CatalogueVersion.Status.DRAFT);
    }

    @Test
    void onlyARowAwaitingConfirmationIsConfirmedAndOnlyWithWhatItWasCheckedAgainst() {
        CatalogueVersion draft = draft();

        assertThatThrownBy(() -> draft.confirmRow("WS-01", "县政府网站", office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("row-not-awaiting-confirmation"))
                .hasMessage("事项 WS-01 不是待核实事项。");
        assertThatThrownBy(() -> draft.confirmRow("WS-02", " ", office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("confirmation-basis-required"));
        assertThatThrownBy(() -> draft.confirmRow("WS-02", null, office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("confirmation-basis-required"));
        assertThatThrownBy(() -> draft.confirmRow("WS-09", "文件", office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("unknown-item")).hasMessage("目录“work-safety”中没有事项 WS-09。");

        assertThat(draft.confirmRow("WS-02", " 2019年县级目录 ", office, now)).isEqualTo("WS-02");

        assertThat(draft.item("WS-02")).get().extracting(CatalogueItem::provenance).isEqualTo(CatalogueItem.OFFICE_CONFIRMED);
        assertThat(draft.audit()).last().extracting(AuditEntry::action, AuditEntry::reason)
                .containsExactly("row-confirmed", "WS-02：2019年县级目录");
    }

    @Test
    void aPublishedVersionTakesNoConfirmationReplacementOrDiscard() {
        CatalogueVersion v1 = draft();
        v1.publish(LocalDate.of(2027, 1, 1), Optional.empty(), office, now);

        assertThatThrownBy(() -> v1.confirmRow("WS-02", "文件", office, now))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("version-already-published")).hasMessage("第 1 版已发布，不能再修改。");
        assertThatThrownBy(() -> v1.replaceItems(List.of(item("WS-05", 5, "政策文件", "verified")), office, now, "导入"))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("version-already-published"));
        assertThatThrownBy(v1::requireDiscardable)
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("version-already-published"));
        assertThat(v1.items()).extracting(CatalogueItem::code).containsExactly("WS-01", "WS-02");
    }

    @Test
    void anImportReplacesTheWholeListOnceItsCodesAreUnique() {
        CatalogueVersion draft = draft();

        assertThatThrownBy(() -> draft.replaceItems(List.of(item("WS-05", 5, "政策文件", "verified"),
                item("WS-05", 6, "政策文件", "verified")), office, now, "导入"))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("duplicate-item-code")).hasMessage("事项编码 WS-05 重复出现。");
        assertThat(draft.items()).hasSize(2);

        draft.replaceItems(List.of(item("WS-05", 5, "政策文件", "verified")), office, now, "导入正式目录表");

        assertThat(draft.items()).extracting(CatalogueItem::code).containsExactly("WS-05");
        assertThat(draft.audit()).last().extracting(AuditEntry::action, AuditEntry::reason)
                .containsExactly("items-replaced", "导入正式目录表");
    }

    @Test
    void aDraftHoldingApprovedChangesIsNotDiscarded() {
        CatalogueVersion draft = draft();
        draft.requireDiscardable();

        draft.apply(new ItemChange("p1", ItemChange.Kind.TAKE_RESPONSIBILITY, "WS-01", null, "safety-coordination", "认领", null));

        assertThatThrownBy(draft::requireDiscardable)
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("draft-has-approved-changes"))
                .hasMessage("草稿第 1 版已包含 1 条已批准的修订建议，不能放弃，请发布该版本。");
    }

    @Test
    void takingResponsibilityAddsTheSectionOnceAndRefiningKeepsProvenance() {
        CatalogueVersion draft = draft();

        draft.apply(new ItemChange("p1", ItemChange.Kind.TAKE_RESPONSIBILITY, "WS-01", null, "safety-coordination", "认领", null));
        draft.apply(new ItemChange("p2", ItemChange.Kind.TAKE_RESPONSIBILITY, "WS-01", null, "safety-coordination", "再认领", null));
        draft.apply(new ItemChange("p3", ItemChange.Kind.REFINE_ITEM, "WS-02", null, "safety-coordination", "细化",
                new ItemChanges(null, "细化的内容", null, null, null, null, null, null, null, null)));

        assertThat(draft.item("WS-01")).get().extracting(CatalogueItem::sections).isEqualTo(List.of("safety-coordination"));
        CatalogueItem refined = draft.item("WS-02").orElseThrow();
        assertThat(refined.content()).isEqualTo("细化的内容");
        assertThat(refined.level2()).isEqualTo("二级2");
        assertThat(refined.provenance()).isEqualTo("reconstructed");
    }

    @Test
    void anAddedItemNeedsAKnownFirstLevelItemAndItsRequiredColumnsAndGetsDefaults() {
        CatalogueVersion draft = draft();
        ItemChanges complete = new ItemChanges("规范性文件", "本县规范性文件", null, "按进展情况及时公开", "ON_PROGRESS",
                null, null, null, null, null);

        assertThatThrownBy(() -> draft.apply(new ItemChange("p1", ItemChange.Kind.ADD_ITEM, null, "不存在", "s", "r", complete)))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("unknown-first-level-item"))
                .hasMessage("一级事项“不存在”不在目录“work-safety”中；现有一级事项：政策文件、依法行政。");
        assertThatThrownBy(() -> draft.apply(new ItemChange("p1", ItemChange.Kind.ADD_ITEM, null, null, "s", "r", complete)))
                .satisfies(e -> assertThat(typeOf(e)).isEqualTo("unknown-first-level-item"));
        for (ItemChanges missing : List.of(
                new ItemChanges(null, "c", null, "t", "ON_PROGRESS", null, null, null, null, null),
                new ItemChanges("l", null, null, "t", "ON_PROGRESS", null, null, null, null, null),
                new ItemChanges("l", "c", null, null, "ON_PROGRESS", null, null, null, null, null),
                new ItemChanges("l", "c", null, "t", null, null, null, null, null, null))) {
            assertThatThrownBy(() -> draft.apply(new ItemChange("p2", ItemChange.Kind.ADD_ITEM, null, "政策文件", "s", "r", missing)))
                    .satisfies(e -> assertThat(typeOf(e)).isEqualTo("incomplete-item"));
        }

        assertThat(draft.apply(new ItemChange("p3", ItemChange.Kind.ADD_ITEM, null, "依法行政", "safety-coordination", "r", complete)))
                .isEqualTo("WS-03");

        CatalogueItem added = draft.items().get(2);
        assertThat(added.code()).isEqualTo("WS-03");
        assertThat(added.body()).isEqualTo("应急管理部门");
        assertThat(added.channels()).containsExactly("gov-website");
        assertThat(added.audience()).containsExactly("all-society");
        assertThat(added.method()).containsExactly("proactive");
        assertThat(added.level()).containsExactly("county");
        assertThat(added.provenance()).isEqualTo("office-approved");
    }

    @Test
    void anAddedItemTakesTheColumnsItWasGiven() {
        CatalogueVersion draft = draft();
        ItemChanges given = new ItemChanges("规范性文件", "本县规范性文件", List.of("条例"), "按进展情况及时公开", "ON_PROGRESS",
                "县应急管理局", List.of("notice-board"), List.of("specific-groups"), List.of("on-request"), List.of("township"));

        draft.apply(new ItemChange("p1", ItemChange.Kind.ADD_ITEM, null, "政策文件", "safety-coordination", "r", given));

        CatalogueItem added = draft.item("WS-03").orElseThrow();
        assertThat(added.body()).isEqualTo("县应急管理局");
        assertThat(added.channels()).containsExactly("notice-board");
        assertThat(added.audience()).containsExactly("specific-groups");
        assertThat(added.method()).containsExactly("on-request");
        assertThat(added.level()).containsExactly("township");
        assertThat(draft.items()).extracting(CatalogueItem::code).containsExactly("WS-01", "WS-03", "WS-02");
    }

    @Test
    void theDifferenceBetweenVersionsListsAddedRemovedAndChangedFields() {
        CatalogueVersion v1 = draft();
        v1.publish(LocalDate.of(2027, 1, 1), Optional.empty(), office, now);
        CatalogueVersion v2 = CatalogueVersion.draftFrom(v1, 2, office, now);
        v2.replaceItems(List.of(item("WS-01", 1, "政策文件", "office"), item("WS-03", 3, "依法行政", "verified")), office, now, "导入");

        VersionDiff diff = VersionDiff.between(v1, v2);

        assertThat(diff.catalogue()).isEqualTo("work-safety");
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
        assertThat(diff.added()).extracting(CatalogueItem::code).containsExactly("WS-03");
        assertThat(diff.removed()).extracting(CatalogueItem::code).containsExactly("WS-02");
        assertThat(diff.changed()).containsExactly(new VersionDiff.FieldChange("WS-01", "provenance", "verified", "office"));
    }
}
