package org.gongkai.publication.document;

/** A file as a section sends it with a draft: name, media type and the content in base64. */
public record AttachmentUpload(String name, String mediaType, String contentBase64) {
}
