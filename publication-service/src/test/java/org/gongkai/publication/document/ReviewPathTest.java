package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.SECRECY;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** O4's review path: who decides at each stage, where each decision leads and what it must carry. */
class ReviewPathTest {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final AuthorityRuling RULING = new AuthorityRuling(" 县保密局 ", LocalDate.of(2026, 11, 20), " 县保密〔2026〕5号 ");

    static ReviewPath atOffice() {
        return ReviewPath.notStarted().submitted(false);
    }

    static ReviewPath atConfidentiality() {
        return ReviewPath.notStarted().submitted(true);
    }

    static void refused(Executable step, String type, String message) {
        assertThatThrownBy(step::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void submissionGoesToTheConfidentialityOfficerFirstOnlyWhenAClearanceIsOpen() {
        assertThat(ReviewPath.notStarted().pendingStage()).isNull();
        assertThat(ReviewPath.notStarted().hasSteps()).isFalse();
        assertThat(atOffice().pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
        assertThat(atConfidentiality().pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
    }

    @Test
    void eachStageIsDecidedByItsOwnRole() {
        refused(() -> atOffice().decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW),
                "wrong-reviewer", "“政务公开办审核”环节由政务公开办办理。");
        refused(() -> atConfidentiality().decidedBeforeIssuance(OFFICE, ReviewDecision.APPROVE, null, null, null, TODAY, NOW),
                "wrong-reviewer", "“保密审查”环节由保密审查员办理。");
    }

    @Test
    void everyDecisionButApprovalStatesItsReason() {
        refused(() -> atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.RETURN, " ", null, null, TODAY, NOW),
                "reason-required", "“退回”须说明理由。");
        ReviewPath returned = atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.RETURN, "请完善", null, null, TODAY, NOW);
        assertThat(returned.pendingStage()).isNull();
        assertThat(returned.latest().decision()).isEqualTo(ReviewDecision.RETURN);
    }

    @Test
    void theOfficesFinalApprovalNamesTheResponsibleUnitHeadAndEndsThePath() {
        refused(() -> atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.APPROVE, null, null, " ", TODAY, NOW),
                "responsible-head-required", "审核通过须记录签批的单位负责人（谁审查谁负责）。");
        ReviewPath approved = atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.APPROVE, null, null, " 王局长 ", TODAY, NOW);
        assertThat(approved.pendingStage()).isNull();
        assertThat(approved.latest()).isEqualTo(new ReviewStep(ReviewStage.DISCLOSURE_OFFICE, "office", "disclosure-office",
                ReviewDecision.APPROVE, null, NOW, null, "王局长"));
    }

    @Test
    void confidentialityApprovalPassesToTheOfficeWithoutAResponsibleHead() {
        ReviewPath passed = atConfidentiality().decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, null, null, "王局长", TODAY, NOW);
        assertThat(passed.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
        assertThat(passed.latest().responsibleHead()).isNull();
    }

    @Test
    void onlyTheOfficeRefersToConfidentiality() {
        ReviewPath referred = atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.REFER_TO_CONFIDENTIALITY, "附件含坐标", null, null,
                TODAY, NOW);
        assertThat(referred.pendingStage()).isEqualTo(ReviewStage.CONFIDENTIALITY);
        ReviewPath atBusiness = atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.ESCALATE, "征求意见", null, null, TODAY, NOW);
        refused(() -> atBusiness.decidedBeforeIssuance(OFFICE, ReviewDecision.REFER_TO_CONFIDENTIALITY, "可能涉密", null, null, TODAY, NOW),
                "cannot-refer", "只有政务公开办可将文件转保密审查。");
    }

    @Test
    void escalationClimbsOneBodyAndStopsAtTheLast() {
        ReviewPath atBusiness = atOffice().decidedBeforeIssuance(OFFICE, ReviewDecision.ESCALATE, "征求意见", null, null, TODAY, NOW);
        assertThat(atBusiness.pendingStage()).isEqualTo(ReviewStage.BUSINESS_DEPARTMENT);
        refused(() -> atBusiness.decidedBeforeIssuance(OFFICE, ReviewDecision.ESCALATE, "再上一级", null, null, TODAY, NOW),
                "cannot-escalate", "“征求业务主管部门意见”已是最后一级。");
        ReviewPath atOrgan = atConfidentiality().decidedBeforeIssuance(SECRECY, ReviewDecision.ESCALATE, "不能确定", null, null, TODAY, NOW);
        assertThat(atOrgan.pendingStage()).isEqualTo(ReviewStage.ENTITLED_ORGAN);
        refused(() -> atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.ESCALATE, "再上一级", null, null, TODAY, NOW),
                "cannot-escalate", "“报有权机关确定”已是最后一级。");
        assertThat(atOrgan.reviews()).extracting(ReviewStep::stage).containsExactly(ReviewStage.CONFIDENTIALITY);
    }

    @Test
    void theEntitledOrgansRulingIsRecordedCompleteAndPlausible() {
        ReviewPath atOrgan = atConfidentiality().decidedBeforeIssuance(SECRECY, ReviewDecision.ESCALATE, "不能确定", null, null, TODAY, NOW);
        String missing = "请记录有权确定的保密或政务公开主管部门名称、决定日期和文号。";
        refused(() -> atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, "不涉密", null, null, TODAY, NOW),
                "authority-ruling-required", missing);
        refused(() -> atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, "不涉密",
                new AuthorityRuling("县保密局", TODAY, " "), null, TODAY, NOW), "authority-ruling-required", missing);
        refused(() -> atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, "不涉密",
                new AuthorityRuling("县保密局", TODAY.plusDays(1), "文号"), null, TODAY, NOW),
                "implausible-date", "主管部门决定日期 2026-11-30 不合理：不能早于2000年，也不能晚于今天。");
        refused(() -> atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, "不涉密",
                new AuthorityRuling("县保密局", LocalDate.of(1999, 12, 31), "文号"), null, TODAY, NOW),
                "implausible-date", "主管部门决定日期 1999-12-31 不合理：不能早于2000年，也不能晚于今天。");
        ReviewPath ruled = atOrgan.decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, "不涉密", RULING, null, TODAY, NOW);
        assertThat(ruled.latest().ruling()).isEqualTo(new AuthorityRuling("县保密局", LocalDate.of(2026, 11, 20), "县保密〔2026〕5号"));
        assertThat(ruled.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
        // elsewhere no ruling is taken, even when one is offered
        assertThat(atConfidentiality().decidedBeforeIssuance(SECRECY, ReviewDecision.APPROVE, null, RULING, null, TODAY, NOW)
                .latest().ruling()).isNull();
    }

    @Test
    void aWideningIsApprovedRefusedOrEscalatedAndNothingElse() {
        ReviewPath waiting = ReviewPath.notStarted().awaitingConfidentiality();
        refused(() -> waiting.decidedOnWidening(SECRECY, ReviewDecision.REFER_TO_CONFIDENTIALITY, "转", null, TODAY, NOW),
                "decision-not-applicable", "保密审查只能同意、不同意或报有权机关确定。");
        refused(() -> waiting.decidedOnWidening(OFFICE, ReviewDecision.APPROVE, null, null, TODAY, NOW),
                "wrong-reviewer", "“保密审查”环节由保密审查员办理。");
        assertThat(waiting.decidedOnWidening(SECRECY, ReviewDecision.APPROVE, null, null, TODAY, NOW).pendingStage()).isNull();
        assertThat(waiting.decidedOnWidening(SECRECY, ReviewDecision.RETURN, "含涉密附件", null, TODAY, NOW).pendingStage()).isNull();
        ReviewPath atOrgan = waiting.decidedOnWidening(SECRECY, ReviewDecision.ESCALATE, "不能确定", null, TODAY, NOW);
        assertThat(atOrgan.pendingStage()).isEqualTo(ReviewStage.ENTITLED_ORGAN);
        refused(() -> atOrgan.decidedOnWidening(SECRECY, ReviewDecision.APPROVE, "已解密", null, TODAY, NOW),
                "authority-ruling-required", "请记录有权确定的保密或政务公开主管部门名称、决定日期和文号。");
        refused(() -> atOrgan.decidedOnWidening(SECRECY, ReviewDecision.ESCALATE, "再上一级", null, TODAY, NOW),
                "cannot-escalate", "“报有权机关确定”已是最后一级。");
        ReviewPath ruled = atOrgan.decidedOnWidening(SECRECY, ReviewDecision.APPROVE, "已解密", RULING, TODAY, NOW);
        assertThat(ruled.reviews()).extracting(ReviewStep::stage).containsExactly(ReviewStage.CONFIDENTIALITY, ReviewStage.ENTITLED_ORGAN);
        assertThat(ruled.latest().responsibleHead()).isNull();
        assertThat(ruled.latest().ruling().authority()).isEqualTo("县保密局");
    }

    @Test
    void aRefusedDecisionRecordsNothing() {
        ReviewPath path = atOffice();
        refused(() -> path.decidedBeforeIssuance(OFFICE, ReviewDecision.APPROVE, null, null, null, TODAY, NOW),
                "responsible-head-required", "审核通过须记录签批的单位负责人（谁审查谁负责）。");
        assertThat(path.reviews()).isEmpty();
        assertThat(path.pendingStage()).isEqualTo(ReviewStage.DISCLOSURE_OFFICE);
    }

    @Test
    void aPathStoredWithoutStepsLoadsEmpty() {
        assertThat(new ReviewPath(null, null).reviews()).isEmpty();
    }
}
