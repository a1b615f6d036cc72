package org.gongkai.publication.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HexFormat;

import org.gongkai.support.domain.DomainException;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;

/**
 * The files attached to a document: at most {@value #MAX_COUNT}, each non-empty and at most 5 MB. The document keeps
 * their metadata only ({@link Attachment}); the bytes live in the content store under a content id scoped to the
 * document ({@code <document id>/<sha-256>}), so a revision that keeps a file keeps its content. Content received and
 * not yet stored, and content the document no longer refers to, are tracked here for the store to write before the
 * document is saved and to remove after it is. Embedded in the document ({@code @Unwrapped.Empty}), so the stored
 * {@code attachments} array stays at the top level.
 */
public final class Attachments {

    public static final int MAX_COUNT = 10;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final List<Attachment> attachments;
    /** Content received (or found inline in an old document) and not yet in the content store, by content id. */
    @Transient
    private final Map<String, byte[]> unstored;
    /** Content ids in the store that the document no longer refers to; removed once the document is saved. */
    @Transient
    private final Set<String> released;

    @PersistenceCreator
    Attachments(List<Attachment> attachments) {
        this(attachments, Map.of(), Set.of());
    }

    private Attachments(List<Attachment> attachments, Map<String, byte[]> unstored, Set<String> released) {
        this.attachments = List.copyOf(attachments == null ? List.of() : attachments);
        this.unstored = new LinkedHashMap<>(unstored);
        this.released = new LinkedHashSet<>(released);
    }

    static Attachments none() {
        return new Attachments(List.of());
    }

    /**
     * Checks what a section uploaded and returns the document's new attachments in place of {@code previous}: content
     * already stored for this document is kept, new content waits to be stored, content no longer attached is released.
     */
    static Attachments uploaded(String documentId, List<AttachmentUpload> uploads, Attachments previous) {
        List<AttachmentUpload> list = uploads == null ? List.of() : uploads;
        if (list.size() > MAX_COUNT) {
            throw DomainException.invalid("too-many-attachments", "附件最多 " + MAX_COUNT + " 个。");
        }
        Set<String> alreadyStored = previous.storedContentIds();
        List<Attachment> checked = new ArrayList<>();
        Map<String, byte[]> unstored = new LinkedHashMap<>();
        for (AttachmentUpload upload : list) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(upload.contentBase64() == null ? "" : upload.contentBase64());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("invalid-attachment", "附件“" + upload.name() + "”不是有效的 base64 编码。");
            }
            if (bytes.length == 0 || bytes.length > MAX_BYTES) {
                throw DomainException.invalid("attachment-too-large",
                        "附件“" + upload.name() + "”不能为空，且不能超过 " + MAX_BYTES / 1024 / 1024 + " MB。");
            }
            String checksum = sha256(bytes);
            String contentId = contentId(documentId, checksum);
            checked.add(Attachment.stored(upload.name(), upload.mediaType(), bytes.length, checksum, contentId));
            if (!alreadyStored.contains(contentId)) {
                unstored.put(contentId, bytes);
            }
        }
        Set<String> released = new LinkedHashSet<>(alreadyStored);
        checked.forEach(a -> released.remove(a.contentId()));
        return new Attachments(checked, unstored, released);
    }

    /**
     * Documents stored before attachment content moved to the content store carry it inline (base64): the loaded
     * document refers to it by content id instead and holds it as unstored, so the next save moves it out. Content that
     * cannot be decoded stays inline rather than make the document unreadable.
     */
    Attachments movingInlineContentOut(String documentId) {
        if (attachments.stream().allMatch(a -> a.contentBase64() == null)) {
            return this;
        }
        List<Attachment> moved = new ArrayList<>();
        Map<String, byte[]> unstoredNow = new LinkedHashMap<>(unstored);
        for (Attachment a : attachments) {
            if (a.contentBase64() == null) {
                moved.add(a);
                continue;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                moved.add(a);
                continue;
            }
            String checksum = sha256(bytes);
            String contentId = contentId(documentId, checksum);
            moved.add(Attachment.stored(a.name(), a.mediaType(), bytes.length, checksum, contentId));
            unstoredNow.put(contentId, bytes);
        }
        return new Attachments(moved, unstoredNow, released);
    }

    private Set<String> storedContentIds() {
        Set<String> stored = new HashSet<>(released);
        attachments.stream().map(Attachment::contentId).filter(id -> id != null && !unstored.containsKey(id)).forEach(stored::add);
        return stored;
    }

    static String contentId(String documentId, String checksum) {
        return documentId + "/" + checksum;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public List<Attachment> list() {
        return attachments;
    }

    /** The attachment at a position of the list (0 first), as downloads name it. */
    public Optional<Attachment> at(int position) {
        return position >= 0 && position < attachments.size() ? Optional.of(attachments.get(position)) : Optional.empty();
    }

    boolean hasNamed(String name) {
        return attachments.stream().anyMatch(a -> a.name().equals(name));
    }

    /** Content waiting to be written to the store, by content id. */
    public Map<String, byte[]> unstoredContent() {
        return Map.copyOf(unstored);
    }

    /** Content not yet in the store (received or moved out of an old document), if this is such. */
    public Optional<byte[]> unstoredContent(String contentId) {
        return Optional.ofNullable(unstored.get(contentId));
    }

    /** The store has written the unstored content. */
    public void contentStored() {
        unstored.clear();
    }

    /** Content ids the store may remove once the document is saved. */
    public Set<String> releasedContent() {
        return Set.copyOf(released);
    }

    /** The store has removed the released content. */
    public void releasedContentRemoved() {
        released.clear();
    }

    /** Every content id the attachments refer to. */
    public Set<String> contentIds() {
        Set<String> ids = new LinkedHashSet<>();
        attachments.stream().map(Attachment::contentId).filter(id -> id != null).forEach(ids::add);
        return ids;
    }
}
