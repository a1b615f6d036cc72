package org.gongkai.portal.application;

import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.web.FormErrors;

/**
 * The art. 29 application as a form posts it: the online form and the staff's entry of an offline application share it.
 * The portal checks what is plainly missing so the applicant sees every gap at once; the service checks everything.
 */
public class ApplicationForm {

    private String applicantType;
    private String name;
    private String identityDocument;
    private String phone;
    private String email;
    private String postalAddress;
    private String title;
    private String documentNumber;
    private String description;
    private String medium;
    private String delivery;
    private String submissionKey;

    /** What is plainly missing or too long, beside its field. */
    FormErrors check() {
        FormErrors errors = FormErrors.none();
        if (blank(applicantType)) {
            errors.field("applicantType", "请选择申请人类型。");
        }
        if (blank(name)) {
            errors.field("name", "请填写申请人姓名或名称。");
        } else if (name.strip().length() > 100) {
            errors.field("name", "姓名或名称最多100字。");
        }
        if (blank(identityDocument)) {
            errors.field("identityDocument", "请填写身份证明（证件名称和号码）。");
        } else if (identityDocument.strip().length() > 100) {
            errors.field("identityDocument", "身份证明最多100字。");
        }
        if (blank(phone) && blank(email) && blank(postalAddress)) {
            errors.field("contact", "请至少填写一种联系方式（电话、电子邮箱或通信地址）。");
        }
        if (blank(title) && blank(documentNumber) && blank(description)) {
            errors.field("title", "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述。");
        }
        if (description != null && description.strip().length() > 2000) {
            errors.field("description", "描述最多2000字。");
        }
        if (blank(medium)) {
            errors.field("medium", "请选择信息的提供形式（纸质或电子）。");
        }
        if (blank(delivery)) {
            errors.field("delivery", "请选择获取信息的方式。");
        } else if ("POST".equals(delivery) && blank(postalAddress)) {
            errors.field("postalAddress", "选择邮寄的，请填写通信地址。");
        } else if ("EMAIL".equals(delivery) && blank(email)) {
            errors.field("email", "选择电子邮件获取的，请填写电子邮箱。");
        }
        return errors;
    }

    /** The body of publication-service's ApplicationRequest. */
    Map<String, Object> body() {
        return Api.body("applicantType", trim(applicantType), "name", trim(name), "identityDocument", trim(identityDocument),
                "phone", trim(phone), "email", trim(email), "postalAddress", trim(postalAddress), "title", trim(title),
                "documentNumber", trim(documentNumber), "description", trim(description), "medium", trim(medium),
                "delivery", trim(delivery));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    public String getApplicantType() { return applicantType; }
    public void setApplicantType(String applicantType) { this.applicantType = applicantType; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdentityDocument() { return identityDocument; }
    public void setIdentityDocument(String identityDocument) { this.identityDocument = identityDocument; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPostalAddress() { return postalAddress; }
    public void setPostalAddress(String postalAddress) { this.postalAddress = postalAddress; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getMedium() { return medium; }
    public void setMedium(String medium) { this.medium = medium; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String delivery) { this.delivery = delivery; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String submissionKey) { this.submissionKey = submissionKey; }
}
