package org.gongkai.publication.document;

/** A file attached to a document, kept with it (base64). Sizes are limited by {@link PolicyDocument#MAX_ATTACHMENT_BYTES}. */
public record Attachment(String name, String mediaType, int size, String contentBase64) {
}
