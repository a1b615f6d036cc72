package org.gongkai.publication.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.gongkai.contracts.publication.ApplicationVocabulary;
import org.gongkai.support.domain.DomainException;

/** What an applicant hands in (art. 29), online or to staff, before anything is checked. */
public record Submission(String applicantType, String name, String identityDocument, String phone, String email,
        String postalAddress, String title, String documentNumber, String description, FormWanted.Medium medium,
        FormWanted.Delivery delivery) {

    /** Checks what art. 29 requires; the messages name fields, never repeat what was typed. */
    Applicant applicant() {
        if (!ApplicationVocabulary.isApplicantType(applicantType)) {
            throw DomainException.invalid("unknown-applicant-type", "申请人类型无效，可选："
                    + String.join("、", ApplicationVocabulary.APPLICANT_TYPES.keySet()) + "。")
                    .with("field", "applicantType").with("knownApplicantTypes", ApplicationVocabulary.APPLICANT_TYPES.keySet());
        }
        String person = required(name, "name", "name-required", "申请人姓名或名称");
        String identity = required(identityDocument, "identityDocument", "identity-document-required", "身份证明（证件名称和号码）");
        String phoneNumber = blankToNull(phone);
        String mail = blankToNull(email);
        String address = blankToNull(postalAddress);
        if (phoneNumber == null && mail == null && address == null) {
            throw DomainException.invalid("contact-required", "请至少填写一种联系方式（电话、电子邮箱或通信地址）。").with("field", "contact");
        }
        if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.invalid("invalid-email", "电子邮箱格式不正确。").with("field", "email");
        }
        if (delivery == FormWanted.Delivery.POST && address == null) {
            throw DomainException.invalid("postal-address-required", "选择邮寄的，请填写通信地址。").with("field", "postalAddress");
        }
        if (delivery == FormWanted.Delivery.EMAIL && mail == null) {
            throw DomainException.invalid("email-required", "选择电子邮件获取的，请填写电子邮箱。").with("field", "email");
        }
        return new Applicant(applicantType, person, identity, new Applicant.Contact(phoneNumber, mail, address));
    }

    InformationSought sought() {
        String t = blankToNull(title);
        String number = blankToNull(documentNumber);
        String text = blankToNull(description);
        if (t == null && number == null && text == null) {
            throw DomainException.invalid("information-sought-required", "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述。")
                    .with("field", "title");
        }
        return new InformationSought(t, number, text);
    }

    FormWanted form() {
        if (medium == null || delivery == null) {
            throw DomainException.invalid("form-required", "请选择信息的提供形式（纸质或电子）和获取方式。").with("field", medium == null ? "medium" : "delivery");
        }
        return new FormWanted(medium, delivery);
    }

    /** Identifies a retried submission without keeping its text twice. */
    String contentHash() {
        return sha256(toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String value, String field, String type, String what) {
        String v = blankToNull(value);
        if (v == null) {
            throw DomainException.invalid(type, "请填写" + what + "。").with("field", field);
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
