package org.gongkai.publication.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.application.ApplicationTest.ID_NUMBER;
import static org.gongkai.publication.application.ApplicationTest.NAME;
import static org.gongkai.publication.application.ApplicationTest.PHONE;
import static org.gongkai.publication.application.ApplicationTest.typeOf;

import java.time.LocalDate;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** The application's value types: the Chinese labels shown beside codes, the clock's states, the art. 29 form. */
class ApplicationValuesTest {

    @Test
    void everyCodeIsShownWithItsChineseLabel() {
        assertThat(ApplicationState.AWAITING_FEE.label()).isEqualTo("待缴纳信息处理费");
        assertThat(Consultee.AGENCY.label()).isEqualTo("其他机关");
        assertThat(ReceiptBasis.CONFIRMED_WITH_APPLICANT.label()).isEqualTo("平常信函与申请人确认之日");
        assertThat(new FormWanted(FormWanted.Medium.PAPER, FormWanted.Delivery.POST).mediumLabel()).isEqualTo("纸质");
        assertThat(new FormWanted(FormWanted.Medium.PAPER, FormWanted.Delivery.POST).deliveryLabel()).isEqualTo("邮寄");
        assertThat(new FormWanted(null, null).mediumLabel()).isNull();
        assertThat(new FormWanted(null, null).deliveryLabel()).isNull();
        assertThat(new Applicant("NATURAL_PERSON", NAME, ID_NUMBER, null).typeLabel()).isEqualTo("自然人");
        assertThat(new Application.Receipt(LocalDate.of(2024, 2, 2), ReceiptBasis.SIGNED_FOR, "safety1", null).basisLabel())
                .isEqualTo("邮件签收之日");
        assertThat(new Application.Receipt(null, null, null, null).basisLabel()).isNull();
        assertThat(new Application.Consultation(Consultee.THIRD_PARTY, null, null, null, null, null, null).consulteeLabel())
                .isEqualTo("第三方");
        assertThat(new Application.Consultation(null, null, null, null, null, null, null).consulteeLabel()).isNull();
        Application.Reply reply = new Application.Reply("NOT_DISCLOSED", "STATE_SECRET", "答复", "条例第十四条", null, null, null, true, "office");
        assertThat(reply.outcomeLabel()).isEqualTo("不予公开");
        assertThat(reply.reasonLabel()).isEqualTo("属于国家秘密");
        assertThat(new Application.Reply("DISCLOSED", null, "答复", null, null, null, null, true, "office").reasonLabel()).isNull();
        assertThat(new Application.Closure("OTHER", "FEE_UNPAID", null, null, null).reasonLabel())
                .isEqualTo("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
    }

    @Test
    void theClockStandsStillOnlyWhileWaitingAndStopsWhenDone() {
        assertThat(ApplicationState.values()).filteredOn(ApplicationState::isPaused)
                .containsExactlyInAnyOrder(ApplicationState.AWAITING_SUPPLEMENT, ApplicationState.CONSULTING, ApplicationState.AWAITING_FEE);
        assertThat(ApplicationState.values()).filteredOn(ApplicationState::isDone)
                .containsExactlyInAnyOrder(ApplicationState.ANSWERED, ApplicationState.CLOSED);
    }

    @Test
    void theReceiptBasisFollowsTheChannel() {
        assertThat(ReceiptBasis.SUBMITTED_IN_PERSON.appliesTo("IN_PERSON")).isTrue();
        assertThat(ReceiptBasis.SUBMITTED_IN_PERSON.appliesTo("LETTER")).isFalse();
        assertThat(ReceiptBasis.BOTH_CONFIRMED.appliesTo("FAX")).isTrue();
    }

    @Test
    void aQueryCodeIsThirtyTwoUrlSafeAsciiCharacters() {
        String code = QueryCodes.next();
        assertThat(code).hasSize(32);
        assertThat(QueryCodes.looksValid(code)).isTrue();
        assertThat(QueryCodes.looksValid(code.substring(1) + "-")).isTrue();
        assertThat(QueryCodes.looksValid(code.substring(1) + "_")).isTrue();
        assertThat(QueryCodes.looksValid(code.substring(1) + "é")).isFalse();
        assertThat(QueryCodes.looksValid(code.substring(1) + "中")).isFalse();
        assertThat(QueryCodes.looksValid(code.substring(1) + ".")).isFalse();
        assertThat(QueryCodes.looksValid(code.substring(1))).isFalse();
        assertThat(QueryCodes.looksValid(null)).isFalse();
        assertThat(QueryCodes.next()).isNotEqualTo(code);
    }

    private static Submission form(String name, String identity, String phone, String email, String address, String title,
            String number, String description, FormWanted.Medium medium, FormWanted.Delivery delivery) {
        return new Submission("NATURAL_PERSON", name, identity, phone, email, address, title, number, description, medium, delivery);
    }

    private static DomainException refusal(ThrowingSupplier<?> step) {
        try {
            step.get();
        } catch (DomainException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void theFormIsTrimmedAndKeepsEveryContactGiven() {
        Submission submission = form(" 张三丰 ", " 居民身份证 " + ID_NUMBER + " ", " " + PHONE + " ", " zs@example.com ", " 人民路88号 ",
                " 执法检查计划 ", " 泽安监〔2024〕3号 ", " 全文 ", FormWanted.Medium.PAPER, FormWanted.Delivery.POST);
        Applicant applicant = submission.applicant();
        assertThat(applicant.name()).isEqualTo("张三丰");
        assertThat(applicant.identityDocument()).isEqualTo("居民身份证 " + ID_NUMBER);
        assertThat(applicant.contact()).isEqualTo(new Applicant.Contact(PHONE, "zs@example.com", "人民路88号"));
        assertThat(submission.sought()).isEqualTo(new InformationSought("执法检查计划", "泽安监〔2024〕3号", "全文"));
        assertThat(submission.form()).isEqualTo(new FormWanted(FormWanted.Medium.PAPER, FormWanted.Delivery.POST));
        assertThat(submission.contentHash()).hasSize(64).isEqualTo(submission.contentHash())
                .isNotEqualTo(form("张三丰", ID_NUMBER, PHONE, null, null, "计划", null, null, FormWanted.Medium.PAPER,
                        FormWanted.Delivery.COLLECTION).contentHash());
    }

    @Test
    void anyOneContactIsEnough() {
        assertThat(form(NAME, ID_NUMBER, null, null, "人民路88号", "计划", null, null, FormWanted.Medium.PAPER,
                FormWanted.Delivery.POST).applicant().contact().postalAddress()).isEqualTo("人民路88号");
        assertThat(form(NAME, ID_NUMBER, null, "zs@example.com", null, "计划", null, null, FormWanted.Medium.ELECTRONIC,
                FormWanted.Delivery.EMAIL).applicant().contact().email()).isEqualTo("zs@example.com");
        assertThat(form(NAME, ID_NUMBER, PHONE, null, null, null, "泽安监〔2024〕3号", null, FormWanted.Medium.PAPER,
                FormWanted.Delivery.COLLECTION).sought().documentNumber()).isEqualTo("泽安监〔2024〕3号");
        assertThat(form(NAME, ID_NUMBER, PHONE, null, null, null, null, "去年的检查计划", FormWanted.Medium.PAPER,
                FormWanted.Delivery.COLLECTION).sought().description()).isEqualTo("去年的检查计划");
    }

    @Test
    void eachMissingPartIsNamedWithItsField() {
        DomainException noName = refusal(() -> form(" ", ID_NUMBER, PHONE, null, null, "计划", null, null, FormWanted.Medium.PAPER,
                FormWanted.Delivery.COLLECTION).applicant());
        assertThat(noName.type()).isEqualTo("name-required");
        assertThat(noName.getMessage()).isEqualTo("请填写申请人姓名或名称。");
        assertThat(noName.details()).containsEntry("field", "name");

        DomainException noIdentity = refusal(() -> form(NAME, null, PHONE, null, null, "计划", null, null, FormWanted.Medium.PAPER,
                FormWanted.Delivery.COLLECTION).applicant());
        assertThat(noIdentity.type()).isEqualTo("identity-document-required");
        assertThat(noIdentity.details()).containsEntry("field", "identityDocument");

        DomainException badMail = refusal(() -> form(NAME, ID_NUMBER, null, "zs@example", null, "计划", null, null,
                FormWanted.Medium.ELECTRONIC, FormWanted.Delivery.EMAIL).applicant());
        assertThat(badMail.type()).isEqualTo("invalid-email");
        assertThat(badMail.getMessage()).isEqualTo("电子邮箱格式不正确。");

        DomainException emailWithoutAddress = refusal(() -> form(NAME, ID_NUMBER, PHONE, null, null, "计划", null, null,
                FormWanted.Medium.ELECTRONIC, FormWanted.Delivery.EMAIL).applicant());
        assertThat(emailWithoutAddress.type()).isEqualTo("email-required");
        assertThat(emailWithoutAddress.details()).containsEntry("field", "email");

        DomainException noMedium = refusal(() -> form(NAME, ID_NUMBER, PHONE, null, null, "计划", null, null, null,
                FormWanted.Delivery.COLLECTION).form());
        assertThat(noMedium.type()).isEqualTo("form-required");
        assertThat(noMedium.details()).containsEntry("field", "medium");
        DomainException noDelivery = refusal(() -> form(NAME, ID_NUMBER, PHONE, null, null, "计划", null, null,
                FormWanted.Medium.PAPER, null).form());
        assertThat(noDelivery.details()).containsEntry("field", "delivery");

        assertThat(typeOf(() -> new Submission(null, NAME, ID_NUMBER, PHONE, null, null, "计划", null, null,
                FormWanted.Medium.PAPER, FormWanted.Delivery.COLLECTION).applicant())).isEqualTo("unknown-applicant-type");
    }
}
