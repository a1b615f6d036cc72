package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.publication.document.PolicyDocumentTest.CALENDAR;
import static org.gongkai.publication.document.PolicyDocumentTest.NOW;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;
import static org.gongkai.testsupport.Actors.SECRECY;
import static org.gongkai.publication.document.PolicyDocumentTest.TODAY;
import static org.gongkai.publication.document.PolicyDocumentTest.approved;
import static org.gongkai.publication.document.PolicyDocumentTest.document;
import static org.gongkai.publication.document.PolicyDocumentTest.draft;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongkai.contracts.publication.DocumentAttributeChanged;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.testsupport.Announced;
import org.junit.jupiter.api.Test;

/** What a document records of each step (its audit trail), the events it announces, and who may take each step. */
class PolicyDocumentRecordTest {

    private static String type(Throwable e) {
        return ((DomainException) e).type();
    }

    private static List<String> actions(PolicyDocument d) {
        return d.audit().stream().map(AuditEntry::action).toList();
    }

    private static Interpretation chart() {
        return new Interpretation("图解内容", List.of(InterpretationForm.CHART), false, EnumSet.allOf(InterpretationElement.class),
                null, null, null, null, List.of());
    }

    @Test
    void everyStepFromDraftToReadingRoomIsRecordedAndIssueAndPublicationAreAnnounced() {
        InterpretationNeed major = new InterpretationNeed(false, false, false, false, false, true);
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, major);
        d.submitForReview(SAFETY1, NOW);
        d.review(OFFICE, ReviewDecision.APPROVE, "同意", null, "王局长", TODAY, NOW);
        d.draftInterpretation(chart(), SAFETY1, NOW);
        d.reviewInterpretation(OFFICE, NOW);
        d.recordCoordination(new Coordination(LocalDate.of(2026, 3, 4), "县委宣传部 张", "县委网信办 李", "口径一致", null), OFFICE, TODAY, NOW);
        d.issue(OFFICE, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of("notice-board"), NOW);
        d.transferToReadingRoom(OFFICE, LocalDate.of(2026, 3, 6), TODAY, NOW);

        assertThat(actions(d)).containsExactly("drafted", "submitted-for-review", "reviewed-disclosure_office-approve",
                "interpretation-drafted", "interpretation-reviewed", "coordinated-before-release", "issued", "published",
                "transferred-to-reading-room");
        assertThat(d.audit()).extracting(AuditEntry::reason).containsExactly("主动公开", "DISCLOSURE_OFFICE", "同意", "[CHART]", null,
                "口径一致", "此件公开发布", "gov-website,new-media,notice-board", "2026-03-06");
        assertThat(d.audit()).extracting(AuditEntry::username).containsExactly("safety1", "safety1", "office", "safety1", "office",
                "office", "office", "office", "office");
        assertThat(d.coordination().recordedBy()).isEqualTo("office");
        assertThat(d.readingRoomTransferredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(d.isPublic()).isTrue();
        assertThat(d.isPublishedOnTime()).isTrue();

        assertThat(d.changes().announced()).hasSize(3);
        assertThat(d.changes().announced().get(0)).isInstanceOfSatisfying(DocumentIssued.class, issued -> {
            assertThat(issued.disclosureAttribute()).isEqualTo("PROACTIVE");
            assertThat(issued.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(issued.publicationDueOn()).isEqualTo(d.publicationDueOn());
        });
        assertThat(d.changes().announced().get(1)).isInstanceOfSatisfying(DocumentPublished.class, published -> {
            assertThat(published.publishedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(published.onTime()).isTrue();
            assertThat(published.channels()).containsExactly("gov-website", "new-media", "notice-board");
        });
        assertThat(d.changes().announced().get(2)).isInstanceOfSatisfying(InterpretationPublished.class, interpretation -> {
            assertThat(interpretation.forms()).containsExactly("CHART");
            assertThat(interpretation.publishedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        });
        assertThat(Announced.entries(d)).extracting(entry -> entry.subject()).containsOnly("documents/d1");
    }

    @Test
    void aDocumentWithoutAnInterpretationAnnouncesOnlyItsPublication() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        d.publish(SAFETY1, TODAY, TODAY, null, NOW);

        assertThat(d.changes().announced()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DocumentIssued", "DocumentPublished");
        assertThat(d.publishedChannels()).containsExactly("gov-website", "new-media");
    }

    @Test
    void anOverdueDocumentIsRecordedAndAnnouncedOnce() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.issue(SAFETY1, LocalDate.of(2024, 9, 30), TODAY, CALENDAR, NOW);

        assertThat(d.announceOverdue(LocalDate.of(2024, 11, 4), NOW)).isTrue();

        assertThat(d.audit()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("publication-overdue");
            assertThat(entry.reason()).isEqualTo("due 2024-11-01");
            assertThat(entry.username()).isEqualTo("deadline-watch");
        });
        assertThat(d.changes().announced()).last().isInstanceOfSatisfying(DocumentPublicationOverdue.class, overdue -> {
            assertThat(overdue.publicationDueOn()).isEqualTo(LocalDate.of(2024, 11, 1));
            assertThat(overdue.detectedOn()).isEqualTo(LocalDate.of(2024, 11, 4));
        });
        assertThat(d.isOverdueOn(LocalDate.of(2024, 11, 4))).isTrue();
    }

    @Test
    void theAnnualReviewsWideningIsRecordedStepByStepAndTheNewAttributeAnnounced() {
        PolicyDocument d = approved(document(DisclosureAttribute.ON_REQUEST, LegalBasis.PROCESS_INFORMATION, false, null));
        d.issue(SAFETY1, LocalDate.of(2025, 3, 3), TODAY, CALENDAR, NOW);
        d.proposeProactive(2026, OFFICE, "已无不公开理由", NOW);
        // a second proposal while the first waits changes nothing
        d.proposeProactive(2026, OFFICE, "再次提出", NOW);
        d.decideWidening(SECRECY, ReviewDecision.APPROVE, "不涉密", null, TODAY, CALENDAR, NOW);

        assertThat(actions(d)).endsWith("issued", "attribute-change-awaits-confidentiality-clearance",
                "widening-confidentiality-approve", "confidentiality-clearance-cleared", "attribute-changed-to-proactive");
        assertThat(d.audit()).last().extracting(AuditEntry::reason).isEqualTo("已无不公开理由");
        assertThat(d.clearance().outcomeLabel()).isEqualTo("保密审查通过");
        assertThat(d.clearance().widenToLabel()).isEqualTo("主动公开");
        assertThat(d.changes().announced()).last().isInstanceOfSatisfying(DocumentAttributeChanged.class, changed -> {
            assertThat(changed.reviewYear()).isEqualTo(2026);
            assertThat(changed.previousAttribute()).isEqualTo("ON_REQUEST");
            assertThat(changed.newAttribute()).isEqualTo("PROACTIVE");
            assertThat(changed.publicationDueOn()).isEqualTo(d.publicationDueOn());
        });
        assertThatThrownBy(() -> d.decideWidening(SECRECY, ReviewDecision.APPROVE, "again", null, TODAY, CALENDAR, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("no-widening-pending"));
    }

    @Test
    void aSecretUnsureDraftOpensAClearanceAndTheOfficersDecisionIsRecorded() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, true, null);
        d.submitForReview(SAFETY1, NOW);
        d.review(SECRECY, ReviewDecision.APPROVE, "不涉密", null, null, TODAY, NOW);

        assertThat(actions(d)).containsExactly("drafted", "confidentiality-clearance-opened", "submitted-for-review",
                "reviewed-confidentiality-approve", "confidentiality-clearance-cleared");
        assertThat(d.audit().get(1).reason()).isEqualTo("起草时标注可能涉密或以国家秘密为不公开依据");
        assertThat(d.audit().get(2).reason()).isEqualTo("CONFIDENTIALITY");
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
    }

    @Test
    void aRevisionIsRecordedAndOnlyADraftIsRevised() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);
        d.revise(new PolicyDocument.Draft("县应急〔2026〕1号", " 新标题 ", "新正文", "WS-03", false, DisclosureAttribute.ON_REQUEST,
                LegalBasis.INTERNAL_AFFAIRS, false, null, List.of(), DocumentType.NORMATIVE), SAFETY1, NOW);

        assertThat(actions(d)).containsExactly("drafted", "revised");
        assertThat(d.audit()).last().extracting(AuditEntry::reason).isEqualTo("依申请公开");
        assertThat(d.title()).isEqualTo("新标题");
        assertThat(d.body()).isEqualTo("新正文");
        assertThat(d.documentType()).isEqualTo(DocumentType.NORMATIVE);
        assertThat(d.interpretationNeed()).isEqualTo(InterpretationNeed.NONE);
        assertThat(d.hasPendingClearance()).as("no review yet: editing the attribute needs no clearance").isFalse();
        assertThatThrownBy(() -> d.revise(draft(DisclosureAttribute.PROACTIVE, LegalBasis.STATE_SECRET, false, null), SAFETY1, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("legal-basis-not-applicable"));

        d.submitForReview(SAFETY1, NOW);
        assertThatThrownBy(() -> d.revise(draft(DisclosureAttribute.PROACTIVE, null, false, null), SAFETY1, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("invalid-state"))
                .hasMessage("文件当前状态为“审核中”，不能修改；须处于“草稿”状态。");
        assertThatThrownBy(() -> d.submitForReview(SAFETY1, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("invalid-state"));
    }

    @Test
    void aRevisionAfterAReviewThatKeepsTheAttributeOpensNoClearance() {
        PolicyDocument d = document(DisclosureAttribute.ON_REQUEST, LegalBasis.INTERNAL_AFFAIRS, false, null);
        d.submitForReview(SAFETY1, NOW);
        d.review(OFFICE, ReviewDecision.RETURN, "请补充正文", null, null, TODAY, NOW);

        d.revise(draft(DisclosureAttribute.ON_REQUEST, LegalBasis.INTERNAL_AFFAIRS, false, null), SAFETY1, NOW);
        assertThat(d.hasPendingClearance()).isFalse();

        d.revise(draft(DisclosureAttribute.ON_REQUEST, LegalBasis.PROCESS_INFORMATION, false, null), SAFETY1, NOW);
        assertThat(d.hasPendingClearance()).as("the legal basis changed after a review").isTrue();
        assertThat(d.audit()).last().extracting(AuditEntry::reason).isEqualTo("审查后修改了公开属性或不公开依据");
        assertThat(d.clearance().openedBecause()).isEqualTo("审查后修改了公开属性或不公开依据");
    }

    @Test
    void onlyTheDraftingSectionOrTheOfficeTakesTheDocumentsSteps() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);
        assertThatThrownBy(() -> d.submitForReview(RELIEF1, NOW)).satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"))
                .hasMessage("只有股室“safety-coordination”的工作人员可以办理此事项。");
        assertThatThrownBy(() -> d.submitForReview(OFFICE, NOW)).satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"));
        approved(d);
        assertThatThrownBy(() -> d.issue(RELIEF1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"));
        assertThatThrownBy(() -> d.recordCoordination(new Coordination(LocalDate.of(2026, 3, 1), "宣传", "网信", null, null), RELIEF1,
                TODAY, NOW)).satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"));
        assertThatThrownBy(() -> d.issue(SAFETY1, TODAY.plusDays(1), TODAY, CALENDAR, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("date-in-future"))
                .hasMessage("文件的印发日期（2026-11-30）不能晚于今天。");
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThatThrownBy(() -> d.publish(RELIEF1, TODAY, TODAY, List.of(), NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"));
        assertThatThrownBy(() -> d.transferToReadingRoom(RELIEF1, TODAY, TODAY, NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("not-your-section"));
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.ISSUED);
        assertThat(d.publishedOn()).isNull();
    }

    @Test
    void aPublicationDateBeforeTheDeadlineStartIsRefused() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.draftInterpretation(chart(), SAFETY1, NOW);
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);

        // the date is checked first, before the (here unreviewed) interpretation
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 1), TODAY, List.of(), NOW))
                .satisfies(e -> assertThat(type(e)).isEqualTo("published-before-issued"));
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.ISSUED);
    }

    @Test
    void aDocumentShowsWhatItIsWhoDraftedItAndWhoMaySeeIt() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);

        assertThat(d.id()).isEqualTo("d1");
        assertThat(d.documentNumber()).isEqualTo("县应急〔2026〕1号");
        assertThat(d.title()).isEqualTo("通知");
        assertThat(d.body()).isEqualTo("正文");
        assertThat(d.section()).isEqualTo("safety-coordination");
        assertThat(d.drafter()).isEqualTo("safety1");
        assertThat(d.catalogueItemCode()).isEqualTo("WS-03");
        assertThat(d.issuedInCountyName()).isFalse();
        assertThat(d.mayInvolveStateSecrets()).isFalse();
        assertThat(d.status().label()).isEqualTo("草稿");
        assertThat(d.attribute().label()).isEqualTo("主动公开");
        assertThat(d.searchableText()).isEqualTo("县应急〔2026〕1号 通知 正文");
        assertThat(d.isVisibleTo(SAFETY1)).isTrue();
        assertThat(d.isVisibleTo(OFFICE)).isTrue();
        assertThat(d.isVisibleTo(RELIEF1)).isFalse();
        assertThat(d.isPublic()).isFalse();

        d.draftInterpretation(chart(), SAFETY1, NOW);
        assertThat(d.searchableText()).isEqualTo("县应急〔2026〕1号 通知 正文 图解内容");
        assertThat(d.interpretation().formLabels()).containsExactly("图表解读");
        assertThat(d.interpretation().elementsCoveredLabels()).startsWith("背景依据", "目标任务");

        PolicyDocument countyName = PolicyDocument.draft("d2", new PolicyDocument.Draft("县应急〔2026〕2号", "通知", "正文", "WS-03",
                true, DisclosureAttribute.NOT_DISCLOSED, LegalBasis.STATE_SECRET, true, null, List.of()), List.of(), SAFETY1, NOW);
        assertThat(countyName.issuedInCountyName()).isTrue();
        assertThat(countyName.mayInvolveStateSecrets()).isTrue();
    }

    @Test
    void codesAreShownWithTheirChineseLabels() {
        assertThat(LegalBasis.THIRD_PARTY_RIGHTS.article()).isEqualTo("第十五条");
        assertThat(LegalBasis.THIRD_PARTY_RIGHTS.description()).isEqualTo("涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害");
        assertThat(LegalBasis.ENFORCEMENT_FILE.label()).isEqualTo("行政执法案卷信息");
        assertThat(DisclosureAttribute.NOT_DISCLOSED.label()).isEqualTo("不予公开");
        assertThat(InterpretationElement.KEY_TERMS.label()).isEqualTo("关键词诠释");
        assertThat(InterpretationForm.INFOGRAPHIC.label()).isEqualTo("一图读懂");
        assertThat(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "https://v.example/1").formLabel()).isEqualTo("视频解读");
        assertThat(new InterpretationMedia(null, "视频", "https://v.example/1").formLabel()).isNull();
        assertThat(ConfidentialityClearance.Outcome.PENDING.label()).isEqualTo("待保密审查");
        ConfidentialityClearance opened = ConfidentialityClearance.opened("可能涉密", NOW);
        assertThat(opened.outcomeLabel()).isEqualTo("待保密审查");
        assertThat(opened.widenToLabel()).isNull();
        assertThat(new ConfidentialityClearance("x", NOW, null, null, null, null, null, null, null).outcomeLabel()).isNull();
        ReviewStep step = new ReviewStep(ReviewStage.ENTITLED_ORGAN, "secrecy", "confidentiality", ReviewDecision.ESCALATE, null, NOW,
                null, null);
        assertThat(step.stageLabel()).isEqualTo("报有权机关确定");
        assertThat(step.decisionLabel()).isEqualTo(ReviewDecision.ESCALATE.label());
        assertThat(new ReviewStep(null, "x", null, null, null, NOW, null, null).stageLabel()).isNull();
        assertThat(new ReviewStep(null, "x", null, null, null, NOW, null, null).decisionLabel()).isNull();
    }
}
