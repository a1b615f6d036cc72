package org.gongkai.publication.document;

/**
 * A non-text interpretation as the public can reach it: the published video, graphic or recording, either as a link
 * ({@code http(s)://…}) or as one of the document's attachments ({@code attachment:<name>}). Only forms backed by
 * such media count towards the non-text share (I4): a tag alone is not an interpretation.
 */
public record InterpretationMedia(InterpretationForm form, String title, String location) {

    static final String ATTACHMENT_PREFIX = "attachment:";

    /** The form's Chinese label beside its code; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "formLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String formLabel() {
        return form == null ? null : form.label();
    }

    boolean isLink() {
        return location.startsWith("https://") || location.startsWith("http://");
    }

    String attachmentName() {
        return location.startsWith(ATTACHMENT_PREFIX) ? location.substring(ATTACHMENT_PREFIX.length()) : null;
    }
}
