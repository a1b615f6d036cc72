package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.RELIEF1;
import static org.gongkai.testsupport.Actors.SAFETY1;
import static org.gongkai.testsupport.Actors.SECRECY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of P1–P7, O4 and I1–I6 as the document aggregate enforces them. */
class PolicyDocumentTest {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final WorkingCalendar CALENDAR = WorkingCalendar.fromClasspath();
    static final AuthorityRuling RULING = new AuthorityRuling("县保密局", LocalDate.of(2026, 11, 20), "县保密〔2026〕5号");

    static PolicyDocument.Draft draft(DisclosureAttribute attribute, LegalBasis basis, boolean secretUnsure, InterpretationNeed need) {
        return new PolicyDocument.Draft("县应急〔2026〕1号", "通知", "正文", "WS-03", false, attribute, basis, secretUnsure, need, List.of());
    }

    static PolicyDocument document(DisclosureAttribute attribute, LegalBasis basis, boolean secretUnsure, InterpretationNeed need) {
        return PolicyDocument.draft("d1", draft(attribute, basis, secretUnsure, need), List.of("new-media"), SAFETY1, NOW);
    }

    static PolicyDocument approved(PolicyDocument d) {
        d.submitForReview(SAFETY1, NOW);
        d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        return d;
    }

    static String type(Throwable e) {
        return ((DomainException) e).type();
    }

    @Test
    void nonProactiveAttributesNeedALegalBasisAndProactiveTakesNone() {
        assertThatThrownBy(() -> document(DisclosureAttribute.NOT_DISCLOSED, null, false, null)).extracting(PolicyDocumentTest::type)
                .isEqualTo("legal-basis-required");
        assertThatThrownBy(() -> document(DisclosureAttribute.ON_REQUEST, null, false, null)).extracting(PolicyDocumentTest::type)
                .isEqualTo("legal-basis-required");
        assertThatThrownBy(() -> document(DisclosureAttribute.PROACTIVE, LegalBasis.STATE_SECRET, false, null))
                .extracting(PolicyDocumentTest::type).isEqualTo("legal-basis-not-applicable");
        assertThat(document(DisclosureAttribute.ON_REQUEST, LegalBasis.THIRD_PARTY_RIGHTS, false, null).legalBasis())
                .isEqualTo(LegalBasis.THIRD_PARTY_RIGHTS);
    }

    @Test
    void attachmentsAreLimitedInNumberAndSize() {
        String tooBig = java.util.Base64.getEncoder().encodeToString(new byte[PolicyDocument.MAX_ATTACHMENT_BYTES + 1]);
        assertThatThrownBy(() -> PolicyDocument.draft("d2", new PolicyDocument.Draft("县应急〔2026〕2号", "通知", "正文", "WS-03", false,
                DisclosureAttribute.PROACTIVE, null, false, null, List.of(new AttachmentUpload("大.pdf", "application/pdf", tooBig))),
                List.of(), SAFETY1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("attachment-too-large");
        String small = java.util.Base64.getEncoder().encodeToString("附件".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PolicyDocument ok = PolicyDocument.draft("d3", new PolicyDocument.Draft("县应急〔2026〕3号", "通知", "正文", "WS-03", false,
                DisclosureAttribute.PROACTIVE, null, false, null, List.of(new AttachmentUpload("附件.txt", "text/plain", small))),
                List.of(), SAFETY1, NOW);
        assertThat(ok.attachments()).extracting(Attachment::size).containsExactly(6);
    }

    @Test
    void markingLineFollowsTheAttribute() {
        for (DisclosureAttribute attribute : DisclosureAttribute.values()) {
            PolicyDocument d = approved(document(attribute, attribute == DisclosureAttribute.PROACTIVE ? null : LegalBasis.INTERNAL_AFFAIRS, false, null));
            d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
            assertThat(d.markingLine()).isEqualTo(switch (attribute) {
                case PROACTIVE -> "此件公开发布";
                case ON_REQUEST -> "此件依申请公开";
                case NOT_DISCLOSED -> "此件不公开";
            });
            assertThat(d.publicationDueOn() != null).isEqualTo(attribute == DisclosureAttribute.PROACTIVE);
        }
    }

    @Test
    void secretUnsureDocumentGoesToTheConfidentialityOfficerAndCannotBeIssuedBeforeTheEscalationIsResolved() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, true, null);
        d.submitForReview(SAFETY1, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
        assertThatThrownBy(() -> d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("wrong-reviewer");
        d.review(SECRECY, ReviewDecision.ESCALATE, "无法确定是否涉密，报有权机关", null, null, TODAY, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.ENTITLED_ORGAN);
        assertThatThrownBy(() -> d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("invalid-state");
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 2), TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("invalid-state");
        assertThatThrownBy(() -> d.review(SECRECY, ReviewDecision.APPROVE, "有权机关认定不涉密", null, null, TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("authority-ruling-required");
        assertThatThrownBy(() -> d.review(SECRECY, ReviewDecision.APPROVE, "有权机关认定不涉密",
                new AuthorityRuling("县保密局", TODAY.plusDays(1), "县保密〔2026〕5号"), null, TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("implausible-date");
        d.review(SECRECY, ReviewDecision.APPROVE, "有权机关认定不涉密", RULING, null, TODAY, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
        d.review(OFFICE, ReviewDecision.ESCALATE, "是否适宜公开征求业务部门意见", null, null, TODAY, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.BUSINESS_DEPARTMENT);
        d.review(OFFICE, ReviewDecision.APPROVE, "业务部门同意公开", null, "王局长", TODAY, NOW);
        d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.APPROVED);
        assertThat(d.reviews()).extracting(ReviewStep::stage).containsExactly(ReviewStage.CONFIDENTIALITY,
                ReviewStage.ENTITLED_ORGAN, ReviewStage.DISCLOSURE_OFFICE, ReviewStage.BUSINESS_DEPARTMENT, ReviewStage.DISCLOSURE_OFFICE);
    }

    @Test
    void aDocumentRuledSecretReturnsToTheSectionWhichChangesItsAttribute() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, true, null);
        d.submitForReview(SAFETY1, NOW);
        assertThatThrownBy(() -> d.review(SECRECY, ReviewDecision.RETURN, " ", null, null, TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("reason-required");
        d.review(SECRECY, ReviewDecision.RETURN, "涉及国家秘密", null, null, TODAY, NOW);
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.DRAFT);
        assertThatThrownBy(() -> d.revise(draft(DisclosureAttribute.NOT_DISCLOSED, LegalBasis.STATE_SECRET, true, null), RELIEF1, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("not-your-section");
        d.revise(draft(DisclosureAttribute.NOT_DISCLOSED, LegalBasis.STATE_SECRET, true, null), SAFETY1, NOW);
        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.NOT_DISCLOSED);
    }

    @Test
    void documentsThatNeedAnInterpretationAreNotIssuedWithoutAReviewedOne() {
        InterpretationNeed livelihood = new InterpretationNeed(false, true, false, false, false, false);
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, livelihood));
        assertThat(d.requiresInterpretation()).isTrue();
        assertThatThrownBy(() -> d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("interpretation-required");

        Set<InterpretationElement> some = EnumSet.of(InterpretationElement.MAIN_CONTENT);
        assertThatThrownBy(() -> d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.INFOGRAPHIC), false,
                some, null, null, null, null, List.of()), SAFETY1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("interpretation-elements-missing");
        Set<InterpretationElement> all = EnumSet.allOf(InterpretationElement.class);
        assertThatThrownBy(() -> d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.TEXT), false,
                all, null, null, null, null, List.of()), SAFETY1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("text-interpretation-needs-cases");
        assertThatThrownBy(() -> d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.VIDEO), false,
                all, null, null, null, null, List.of()), RELIEF1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("not-your-section");

        d.draftInterpretation(new Interpretation("图解", List.of(InterpretationForm.INFOGRAPHIC, InterpretationForm.TEXT), true,
                all, null, null, null, null, List.of()), SAFETY1, NOW);
        assertThatThrownBy(() -> d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("interpretation-required");
        d.reviewInterpretation(OFFICE, NOW);
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.ISSUED);
    }

    @Test
    void anInterpretationIsReleasedOnlyOnceReviewedEvenWhenNotRequired() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.draftInterpretation(new Interpretation("图解", List.of(InterpretationForm.CHART), false,
                EnumSet.allOf(InterpretationElement.class), null, null, null, null, List.of()), SAFETY1, NOW);
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of(), NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("interpretation-not-reviewed");
        d.reviewInterpretation(OFFICE, NOW);
        d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of(), NOW);
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.PUBLISHED);
    }

    @Test
    void theOfficeRefersAnUnflaggedDocumentItFindsPossiblySecretToTheConfidentialityOfficer() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);
        d.submitForReview(SAFETY1, NOW);
        d.review(OFFICE, ReviewDecision.REFER_TO_CONFIDENTIALITY, "附件含有地质灾害隐患点坐标", null, null, TODAY, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
        d.review(SECRECY, ReviewDecision.APPROVE, "不涉密", null, null, TODAY, NOW);
        d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.APPROVED);
    }

    @Test
    void aNonTextFormCountsOnlyWhenItsMediaIsLinkedOrAttached() {
        Set<InterpretationElement> all = EnumSet.allOf(InterpretationElement.class);
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);
        d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.TEXT, InterpretationForm.VIDEO), true, all,
                null, null, null, null, List.of()), SAFETY1, NOW);
        assertThat(d.interpretation().hasNonTextForm()).isFalse();
        assertThatThrownBy(() -> d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.TEXT), true, all,
                null, null, null, null, List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "https://v.example/1"))),
                SAFETY1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("media-form-mismatch");
        assertThatThrownBy(() -> d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.VIDEO), true, all,
                null, null, null, null, List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "attachment:无此附件.mp4"))),
                SAFETY1, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("media-location-invalid");
        d.draftInterpretation(new Interpretation("解读", List.of(InterpretationForm.TEXT, InterpretationForm.VIDEO), true, all,
                null, null, null, null, List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "https://v.example/1"))), SAFETY1, NOW);
        assertThat(d.interpretation().hasNonTextForm()).isTrue();
    }

    @Test
    void documentsForTheExecutiveMeetingAreAlwaysInterpretedEvenWhenNotProactive() {
        InterpretationNeed meeting = new InterpretationNeed(false, false, false, false, true, false);
        assertThat(document(DisclosureAttribute.ON_REQUEST, LegalBasis.PROCESS_INFORMATION, false, meeting).requiresInterpretation()).isTrue();
        InterpretationNeed broad = new InterpretationNeed(true, false, false, false, false, false);
        assertThat(document(DisclosureAttribute.ON_REQUEST, LegalBasis.PROCESS_INFORMATION, false, broad).requiresInterpretation()).isFalse();
        assertThat(document(DisclosureAttribute.PROACTIVE, null, false, InterpretationNeed.NONE).requiresInterpretation()).isFalse();
    }

    @Test
    void majorDocumentsAreCoordinatedBeforeRelease() {
        InterpretationNeed major = new InterpretationNeed(false, false, false, false, false, true);
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, major));
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("coordination-required");
        d.recordCoordination(new Coordination(LocalDate.of(2026, 3, 4), "县委宣传部 张", "县委网信办 李", "口径一致", null), SAFETY1, TODAY, NOW);
        d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of(), NOW);
        assertThat(d.publishedChannels()).containsExactly("gov-website", "new-media");
    }

    @Test
    void publicationDeadlineIsTwentyWorkingDaysAndOverdueIsAnnouncedOnce() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.issue(SAFETY1, LocalDate.of(2024, 9, 30), TODAY, CALENDAR, NOW);
        assertThat(d.publicationDueOn()).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(d.announceOverdue(LocalDate.of(2024, 11, 1), NOW)).isFalse();
        assertThat(d.announceOverdue(LocalDate.of(2024, 11, 4), NOW)).isTrue();
        assertThat(d.announceOverdue(LocalDate.of(2024, 11, 5), NOW)).isFalse();
        assertThatThrownBy(() -> d.publish(SAFETY1, LocalDate.of(2024, 11, 5), TODAY, List.of(), NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("backdating-requires-office");
        assertThatThrownBy(() -> d.publish(OFFICE, TODAY.plusDays(1), TODAY, List.of(), NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("date-in-future");
        d.publish(OFFICE, LocalDate.of(2024, 11, 5), TODAY, List.of(), NOW);
        assertThat(d.isPublishedOnTime()).isFalse();
    }

    @Test
    void annualReviewChangeWaitsForTheConfidentialityOfficerAndRestartsTheClockFromTheClearance() {
        PolicyDocument d = approved(document(DisclosureAttribute.ON_REQUEST, LegalBasis.PROCESS_INFORMATION, false, null));
        d.issue(SAFETY1, LocalDate.of(2025, 3, 3), TODAY, CALENDAR, NOW);
        assertThat(d.publicationDueOn()).isNull();
        d.proposeProactive(2026, OFFICE, "已无不公开理由", NOW);
        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.ON_REQUEST);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
        LocalDate clearedOn = LocalDate.of(2026, 9, 30);
        d.decideWidening(SECRECY, ReviewDecision.APPROVE, "不涉密", null, clearedOn, CALENDAR, NOW);
        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
        assertThat(d.legalBasis()).isNull();
        assertThat(d.markingLine()).isEqualTo("此件公开发布");
        // 30 Sep 2026: National Day 1–7 Oct off, Saturday 10 Oct worked
        assertThat(d.publicationDueOn()).isEqualTo(CALENDAR.addWorkingDays(clearedOn, 20).due());
        assertThat(d.publicationDueOn()).isAfter(LocalDate.of(2026, 10, 28));
    }

    /** The defect found through the gateway: a confirmed state secret made proactive by the office alone and published. */
    @Test
    void aConfirmedStateSecretMadeProactiveInTheAnnualReviewIsNotPublishedUntilTheOfficerClearsIt() {
        PolicyDocument d = document(DisclosureAttribute.NOT_DISCLOSED, LegalBasis.STATE_SECRET, true, null);
        d.submitForReview(SAFETY1, NOW);
        d.review(SECRECY, ReviewDecision.APPROVE, "确认属于国家秘密", null, null, TODAY, NOW);
        d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        d.issue(SAFETY1, LocalDate.of(2025, 3, 3), TODAY, CALENDAR, NOW);

        d.proposeProactive(2026, OFFICE, "办公室认为可以公开", NOW);
        assertThat(d.clearance().isPendingWidening()).isTrue();
        assertThatThrownBy(() -> d.publish(OFFICE, TODAY, TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("confidentiality-clearance-required");
        assertThatThrownBy(() -> d.decideWidening(OFFICE, ReviewDecision.APPROVE, "同意", null, TODAY, CALENDAR, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("wrong-reviewer");
        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.NOT_DISCLOSED);

        d.decideWidening(SECRECY, ReviewDecision.ESCALATE, "是否已解密不能确定", null, TODAY, CALENDAR, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.ENTITLED_ORGAN);
        assertThatThrownBy(() -> d.publish(OFFICE, TODAY, TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("confidentiality-clearance-required");
        assertThatThrownBy(() -> d.decideWidening(SECRECY, ReviewDecision.APPROVE, "已解密", null, TODAY, CALENDAR, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("authority-ruling-required");
        d.decideWidening(SECRECY, ReviewDecision.APPROVE, "县保密局确认已解密", RULING, TODAY, CALENDAR, NOW);

        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
        assertThat(d.clearance().isCleared()).isTrue();
        assertThat(d.reviews().get(d.reviews().size() - 1).ruling()).isEqualTo(RULING);
        d.publish(OFFICE, TODAY, TODAY, List.of(), NOW);
        assertThat(d.isPublic()).isTrue();
    }

    @Test
    void whenTheOfficerRefusesTheWideningTheDocumentKeepsItsAttributeAndStaysUnpublished() {
        PolicyDocument d = approved(document(DisclosureAttribute.ON_REQUEST, LegalBasis.THIRD_PARTY_RIGHTS, false, null));
        d.issue(SAFETY1, LocalDate.of(2025, 3, 3), TODAY, CALENDAR, NOW);
        d.proposeProactive(2026, OFFICE, "拟公开", NOW);
        d.decideWidening(SECRECY, ReviewDecision.RETURN, "含涉密附件", null, TODAY, CALENDAR, NOW);
        assertThat(d.attribute()).isEqualTo(DisclosureAttribute.ON_REQUEST);
        assertThat(d.clearance().outcome()).isEqualTo(ConfidentialityClearance.Outcome.REFUSED);
        assertThat(d.clearance().outcomeLabel()).isEqualTo("保密审查不同意公开");
        assertThat(d.audit()).extracting(org.gongkai.support.domain.AuditEntry::action)
                .endsWith("widening-confidentiality-return", "confidentiality-clearance-refused");
        assertThat(d.changes().announced()).extracting(e -> e.getClass().getSimpleName()).containsExactly("DocumentIssued");
        assertThat(d.publicationDueOn()).isNull();
        assertThatThrownBy(() -> d.publish(OFFICE, TODAY, TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("not-proactive");
    }

    @Test
    void aStateSecretBasisGoesToTheConfidentialityOfficerEvenWhenNotFlagged() {
        PolicyDocument d = document(DisclosureAttribute.NOT_DISCLOSED, LegalBasis.STATE_SECRET, false, null);
        d.submitForReview(SAFETY1, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
    }

    @Test
    void editingTheAttributeAfterAReviewSendsTheDocumentBackToTheConfidentialityOfficer() {
        PolicyDocument d = document(DisclosureAttribute.NOT_DISCLOSED, LegalBasis.INTERNAL_AFFAIRS, false, null);
        d.submitForReview(SAFETY1, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
        d.review(OFFICE, ReviewDecision.RETURN, "请完善", null, null, TODAY, NOW);
        d.revise(draft(DisclosureAttribute.PROACTIVE, null, false, null), SAFETY1, NOW);
        d.submitForReview(SAFETY1, NOW);
        assertThat(d.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
        assertThatThrownBy(() -> d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("wrong-reviewer");
    }

    @Test
    void theOfficesFinalApprovalRecordsTheUnitHeadWhoSignedOff() {
        PolicyDocument d = document(DisclosureAttribute.PROACTIVE, null, false, null);
        d.submitForReview(SAFETY1, NOW);
        assertThatThrownBy(() -> d.review(OFFICE, ReviewDecision.APPROVE, null, null, " ", TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("responsible-head-required");
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.IN_REVIEW);
        d.review(OFFICE, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        assertThat(d.reviews().get(0).responsibleHead()).isEqualTo("王局长");
    }

    @Test
    void newCalendarDataMovesOpenDeadlines(@TempDir Path dir) throws Exception {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        d.issue(SAFETY1, LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 20), CALENDAR, NOW);
        assertThat(d.publicationDueOnConfirmed()).isFalse();
        LocalDate before = d.publicationDueOn();
        Files.writeString(dir.resolve("2027.txt"), "# test data\nholiday 2027-02-05..2027-02-12 春节\n");
        assertThat(d.recomputeDeadline(CALENDAR.withDirectory(dir), NOW)).isTrue();
        assertThat(d.publicationDueOnConfirmed()).isTrue();
        assertThat(d.publicationDueOn()).isAfter(before);
    }

    @Test
    void implausibleDatesAndUnknownChannelsAreRefused() {
        PolicyDocument d = approved(document(DisclosureAttribute.PROACTIVE, null, false, null));
        assertThatThrownBy(() -> d.issue(SAFETY1, LocalDate.of(1999, 12, 31), TODAY, CALENDAR, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("implausible-date");
        d.issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThatThrownBy(() -> d.transferToReadingRoom(SAFETY1, LocalDate.of(2026, 3, 1), TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("transferred-before-issued");
        assertThatThrownBy(() -> d.transferToReadingRoom(SAFETY1, LocalDate.of(2030, 1, 1), TODAY, NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("implausible-date");
        assertThat(d.readingRoomTransferredOn()).isNull();
        assertThatThrownBy(() -> d.recordCoordination(new Coordination(LocalDate.of(2030, 1, 1), "宣传部", "网信办", null, null), SAFETY1,
                TODAY, NOW)).extracting(PolicyDocumentTest::type).isEqualTo("implausible-date");
        d.recordCoordination(new Coordination(LocalDate.of(2026, 3, 6), "宣传部", "网信办", null, null), SAFETY1, TODAY, NOW);
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 5), TODAY, List.of(), NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("coordination-after-release");
        assertThatThrownBy(() -> d.publish(OFFICE, LocalDate.of(2026, 3, 9), TODAY, List.of("carrier-pigeon"), NOW))
                .extracting(PolicyDocumentTest::type).isEqualTo("unknown-channel");
        assertThat(d.status()).isEqualTo(PolicyDocument.Status.ISSUED);
        d.publish(OFFICE, LocalDate.of(2026, 3, 9), TODAY, List.of("radio-tv"), NOW);
        d.transferToReadingRoom(SAFETY1, LocalDate.of(2026, 3, 9), TODAY, NOW);
        assertThat(d.readingRoomTransferredOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void theDocumentTypeIsChosenAtDraftingAndTravelsInTheIssuedEvent() {
        assertThat(document(DisclosureAttribute.PROACTIVE, null, false, null).documentType()).isEqualTo(DocumentType.OTHER);
        PolicyDocument normative = PolicyDocument.draft("n1", new PolicyDocument.Draft("县应急〔2026〕9号", "办法", "正文", "WS-03", false,
                DisclosureAttribute.PROACTIVE, null, false, null, List.of(), DocumentType.NORMATIVE), List.of(), SAFETY1, NOW);
        approved(normative).issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThat(normative.documentType().label()).isEqualTo("行政规范性文件");
        assertThat(outboxEvents(normative)).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                org.gongkai.contracts.publication.DocumentIssued.class, i -> assertThat(i.documentType()).isEqualTo("NORMATIVE")));
    }

    @Test
    void onlyTheOfficeAbolishesAnIssuedDocumentOnceWithADateAndAReason() {
        PolicyDocument d = PolicyDocument.draft("r1", new PolicyDocument.Draft("县应急〔2026〕8号", "规定", "正文", "WS-03", false,
                DisclosureAttribute.PROACTIVE, null, false, null, List.of(), DocumentType.RULE), List.of(), SAFETY1, NOW);
        assertThatThrownBy(() -> d.abolish(OFFICE, TODAY, "被新规定替代", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("not-issued");
        approved(d).issue(SAFETY1, LocalDate.of(2026, 3, 2), TODAY, CALENDAR, NOW);
        assertThatThrownBy(() -> d.abolish(SAFETY1, TODAY, "被新规定替代", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("abolition-requires-office");
        assertThatThrownBy(() -> d.abolish(OFFICE, TODAY, " ", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("abolition-reason-required");
        assertThatThrownBy(() -> d.abolish(OFFICE, TODAY.plusDays(1), "被新规定替代", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("implausible-date");
        assertThatThrownBy(() -> d.abolish(OFFICE, LocalDate.of(2026, 3, 1), "被新规定替代", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("abolished-before-issued");
        assertThat(d.isAbolished()).isFalse();
        assertThat(d.isOverdueOn(TODAY)).isTrue();

        d.abolish(OFFICE, LocalDate.of(2026, 11, 2), "被县应急〔2026〕20号替代", TODAY, NOW);
        assertThat(d.abolition().on()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(d.abolition().recordedBy()).isEqualTo("office");
        assertThat(d.audit()).extracting(org.gongkai.support.domain.AuditEntry::action).contains("abolished");
        // an abolished document is no longer due for publication, and cannot be published or abolished again
        assertThat(d.isOverdueOn(TODAY)).isFalse();
        assertThatThrownBy(() -> d.publish(OFFICE, TODAY, TODAY, List.of(), NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("document-abolished");
        assertThatThrownBy(() -> d.abolish(OFFICE, TODAY, "再次废止", TODAY, NOW)).extracting(PolicyDocumentTest::type)
                .isEqualTo("document-abolished");
        assertThat(outboxEvents(d)).filteredOn(e -> e instanceof org.gongkai.contracts.publication.DocumentAbolished).singleElement()
                .isEqualTo(new org.gongkai.contracts.publication.DocumentAbolished("r1", "县应急〔2026〕8号", "safety-coordination", "RULE",
                        LocalDate.of(2026, 11, 2), NOW));
    }

    private static List<Object> outboxEvents(PolicyDocument d) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        return org.gongkai.testsupport.Announced.entries(d).stream()
                .map(e -> (Object) json.readValue(e.data(), org.gongkai.contracts.EventCatalog.classOf(e.type()).orElseThrow()))
                .toList();
    }
}
