package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The attachment checks, and which content a document hands to the content store and releases from it. */
class AttachmentsTest {

    static AttachmentUpload upload(String name, byte[] content) {
        return new AttachmentUpload(name, "application/pdf", Base64.getEncoder().encodeToString(content));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void refused(Executable step, String type, String message) {
        assertThatThrownBy(step::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        });
    }

    @Test
    void atMostTenFiles() {
        List<AttachmentUpload> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(upload("附件" + i + ".pdf", bytes("内容" + i)));
        }
        assertThat(Attachments.uploaded("d1", ten, Attachments.none()).list()).hasSize(10);
        ten.add(upload("附件10.pdf", bytes("内容10")));
        refused(() -> Attachments.uploaded("d1", ten, Attachments.none()), "too-many-attachments", "附件最多 10 个。");
    }

    @Test
    void eachFileIsValidBase64NonEmptyAndAtMostFiveMegabytes() {
        refused(() -> Attachments.uploaded("d1", List.of(new AttachmentUpload("坏.pdf", "application/pdf", "不是base64!")), Attachments.none()),
                "invalid-attachment", "附件“坏.pdf”不是有效的 base64 编码。");
        refused(() -> Attachments.uploaded("d1", List.of(new AttachmentUpload("空.pdf", "application/pdf", null)), Attachments.none()),
                "attachment-too-large", "附件“空.pdf”不能为空，且不能超过 5 MB。");
        refused(() -> Attachments.uploaded("d1", List.of(upload("大.pdf", new byte[Attachments.MAX_BYTES + 1])), Attachments.none()),
                "attachment-too-large", "附件“大.pdf”不能为空，且不能超过 5 MB。");
        assertThat(Attachments.uploaded("d1", List.of(upload("正好.pdf", new byte[Attachments.MAX_BYTES])), Attachments.none()).list())
                .extracting(Attachment::size).containsExactly(Attachments.MAX_BYTES);
    }

    @Test
    void theDocumentKeepsMetadataOnlyAndTheContentWaitsForTheStore() throws Exception {
        byte[] content = bytes("附件");
        String checksum = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        Attachments attachments = Attachments.uploaded("d1", List.of(upload("附件.pdf", content)), Attachments.none());
        Attachment attachment = attachments.list().get(0);
        assertThat(attachment).isEqualTo(new Attachment("附件.pdf", "application/pdf", 6, checksum, "d1/" + checksum, null));
        assertThat(attachments.unstoredContent()).containsOnlyKeys("d1/" + checksum);
        assertThat(attachments.unstoredContent("d1/" + checksum)).hasValue(content);
        assertThat(attachments.contentIds()).containsExactly("d1/" + checksum);
        assertThat(attachments.at(0)).hasValue(attachment);
        assertThat(attachments.at(1)).isEmpty();
        assertThat(attachments.at(-1)).isEmpty();
        attachments.contentStored();
        assertThat(attachments.unstoredContent()).isEmpty();
    }

    @Test
    void aRevisionStoresOnlyNewContentAndReleasesWhatItDropped() {
        Attachments first = Attachments.uploaded("d1", List.of(upload("甲.pdf", bytes("甲")), upload("乙.pdf", bytes("乙"))), Attachments.none());
        String a = first.list().get(0).contentId();
        String b = first.list().get(1).contentId();
        first.contentStored();
        Attachments revised = Attachments.uploaded("d1", List.of(upload("甲（修订名）.pdf", bytes("甲")), upload("丙.pdf", bytes("丙"))), first);
        String c = revised.list().get(1).contentId();
        assertThat(revised.list().get(0).contentId()).isEqualTo(a);
        assertThat(revised.unstoredContent()).containsOnlyKeys(c);
        assertThat(revised.releasedContent()).containsExactly(b);
        revised.releasedContentRemoved();
        assertThat(revised.releasedContent()).isEmpty();
    }

    @Test
    void contentReceivedTwiceBeforeASaveIsStoredOnceAndContentTakenBackIsNotReleased() {
        Attachments stored = Attachments.uploaded("d1", List.of(upload("甲.pdf", bytes("甲"))), Attachments.none());
        stored.contentStored();
        String a = stored.list().get(0).contentId();
        Attachments dropped = Attachments.uploaded("d1", List.of(upload("乙.pdf", bytes("乙"))), stored);
        String b = dropped.list().get(0).contentId();
        assertThat(dropped.releasedContent()).containsExactly(a);
        Attachments back = Attachments.uploaded("d1", List.of(upload("甲.pdf", bytes("甲")), upload("乙.pdf", bytes("乙"))), dropped);
        assertThat(back.releasedContent()).isEmpty();
        assertThat(back.unstoredContent()).containsOnlyKeys(b);
    }

    @Test
    void contentIdsAreScopedToTheDocument() {
        Attachment one = Attachments.uploaded("d1", List.of(upload("甲.pdf", bytes("甲"))), Attachments.none()).list().get(0);
        Attachment two = Attachments.uploaded("d2", List.of(upload("甲.pdf", bytes("甲"))), Attachments.none()).list().get(0);
        assertThat(one.checksum()).isEqualTo(two.checksum());
        assertThat(one.contentId()).isNotEqualTo(two.contentId()).startsWith("d1/");
    }

    @Test
    void aDocumentStoredWithInlineContentHandsItToTheStoreWhenLoaded() {
        String inline = Base64.getEncoder().encodeToString(bytes("旧附件"));
        Attachments old = new Attachments(List.of(new Attachment("旧.pdf", "application/pdf", 9, null, null, inline),
                new Attachment("坏.pdf", "application/pdf", 3, null, null, "不是base64!")));
        Attachments moved = old.movingInlineContentOut("d1");
        Attachment first = moved.list().get(0);
        assertThat(first.contentBase64()).isNull();
        assertThat(first.contentId()).isEqualTo("d1/" + first.checksum());
        assertThat(first.size()).isEqualTo(9);
        assertThat(moved.unstoredContent(first.contentId())).hasValue(bytes("旧附件"));
        // what cannot be decoded stays as it was rather than make the document unreadable
        assertThat(moved.list().get(1).contentBase64()).isEqualTo("不是base64!");
        assertThat(moved.unstoredContent()).hasSize(1);

        Attachments current = Attachments.uploaded("d1", List.of(upload("甲.pdf", bytes("甲"))), Attachments.none());
        assertThat(current.movingInlineContentOut("d1")).isSameAs(current);
    }
}
