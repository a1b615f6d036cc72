package org.gongkai.portal.workbench;

import java.util.Map;

import org.gongkai.portal.api.Api;
import org.gongkai.portal.web.FormErrors;

/** The drafting form: attribute, legal basis and the interpretation need, as the service's draft request takes them. */
public class DocumentForm {

    private String documentNumber;
    private String title;
    private String body;
    private String catalogueItemCode;
    private boolean issuedInCountyName;
    private String disclosureAttribute;
    private String legalBasis;
    private boolean mayInvolveStateSecrets;
    private boolean broadImpact;
    private boolean closeToLivelihood;
    private boolean highPublicConcern;
    private boolean specialised;
    private boolean submittedToExecutiveMeeting;
    private boolean major;

    static DocumentForm of(StaffDocument d) {
        DocumentForm f = new DocumentForm();
        f.documentNumber = d.documentNumber();
        f.title = d.title();
        f.body = d.body();
        f.catalogueItemCode = d.catalogueItemCode();
        f.issuedInCountyName = d.issuedInCountyName();
        f.disclosureAttribute = d.disclosureAttribute();
        f.legalBasis = d.legalBasis();
        f.mayInvolveStateSecrets = d.mayInvolveStateSecrets();
        if (d.interpretationNeed() != null) {
            f.broadImpact = d.interpretationNeed().broadImpact();
            f.closeToLivelihood = d.interpretationNeed().closeToLivelihood();
            f.highPublicConcern = d.interpretationNeed().highPublicConcern();
            f.specialised = d.interpretationNeed().specialised();
            f.submittedToExecutiveMeeting = d.interpretationNeed().submittedToExecutiveMeeting();
            f.major = d.interpretationNeed().major();
        }
        return f;
    }

    /** The portal's own checks, in Chinese, before anything is sent. */
    FormErrors check() {
        FormErrors errors = FormErrors.none();
        if (blank(documentNumber)) {
            errors.field("documentNumber", "请填写文号。");
        } else if (documentNumber.strip().length() > 60) {
            errors.field("documentNumber", "文号最多60字。");
        }
        if (blank(title)) {
            errors.field("title", "请填写标题。");
        } else if (title.strip().length() > 200) {
            errors.field("title", "标题最多200字。");
        }
        if (blank(body)) {
            errors.field("body", "请填写正文。");
        }
        if (blank(catalogueItemCode)) {
            errors.field("catalogueItemCode", "请选择所属目录事项。");
        }
        if (blank(disclosureAttribute)) {
            errors.field("disclosureAttribute", "请选择公开属性。");
        }
        return errors;
    }

    Map<String, Object> toRequest() {
        return Api.body("documentNumber", strip(documentNumber), "title", strip(title), "body", body,
                "catalogueItemCode", strip(catalogueItemCode), "issuedInCountyName", issuedInCountyName,
                "disclosureAttribute", strip(disclosureAttribute), "legalBasis", blank(legalBasis) ? null : legalBasis,
                "mayInvolveStateSecrets", mayInvolveStateSecrets,
                "interpretationNeed", Map.of("broadImpact", broadImpact, "closeToLivelihood", closeToLivelihood,
                        "highPublicConcern", highPublicConcern, "specialised", specialised,
                        "submittedToExecutiveMeeting", submittedToExecutiveMeeting, "major", major));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getCatalogueItemCode() { return catalogueItemCode; }
    public void setCatalogueItemCode(String v) { catalogueItemCode = v; }
    public boolean isIssuedInCountyName() { return issuedInCountyName; }
    public void setIssuedInCountyName(boolean v) { issuedInCountyName = v; }
    public String getDisclosureAttribute() { return disclosureAttribute; }
    public void setDisclosureAttribute(String v) { disclosureAttribute = v; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String v) { legalBasis = v; }
    public boolean isMayInvolveStateSecrets() { return mayInvolveStateSecrets; }
    public void setMayInvolveStateSecrets(boolean v) { mayInvolveStateSecrets = v; }
    public boolean isBroadImpact() { return broadImpact; }
    public void setBroadImpact(boolean v) { broadImpact = v; }
    public boolean isCloseToLivelihood() { return closeToLivelihood; }
    public void setCloseToLivelihood(boolean v) { closeToLivelihood = v; }
    public boolean isHighPublicConcern() { return highPublicConcern; }
    public void setHighPublicConcern(boolean v) { highPublicConcern = v; }
    public boolean isSpecialised() { return specialised; }
    public void setSpecialised(boolean v) { specialised = v; }
    public boolean isSubmittedToExecutiveMeeting() { return submittedToExecutiveMeeting; }
    public void setSubmittedToExecutiveMeeting(boolean v) { submittedToExecutiveMeeting = v; }
    public boolean isMajor() { return major; }
    public void setMajor(boolean v) { major = v; }
}
