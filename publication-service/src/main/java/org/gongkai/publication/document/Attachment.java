package org.gongkai.publication.document;

/**
 * A file attached to a document, as the document keeps it: its name, media type, size in bytes, SHA-256 checksum and the
 * id of its content in the content store (GridFS). The bytes themselves are never part of the document, so lists and
 * searches do not load them. {@code contentBase64} is only ever read: documents stored before the content moved out
 * carried it inline, and loading such a document moves it out ({@link Attachments#movingInlineContentOut}).
 */
public record Attachment(String name, String mediaType, int size, String checksum, String contentId, String contentBase64) {

    static Attachment stored(String name, String mediaType, int size, String checksum, String contentId) {
        return new Attachment(name, mediaType, size, checksum, contentId, null);
    }
}
