package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongkai.testsupport.Actors.OFFICE;
import static org.gongkai.testsupport.Actors.SAFETY1;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** I1–I6 as the interpretation holds them: drafted with the document, complete, reviewed, released with it. */
class InterpretationTest {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    static final Set<InterpretationElement> ALL = EnumSet.allOf(InterpretationElement.class);
    static final Attachments NO_FILES = Attachments.none();

    static Interpretation proposal(List<InterpretationForm> forms, boolean casesDataOrQa, Set<InterpretationElement> covered,
            List<InterpretationMedia> media) {
        return new Interpretation("解读", forms, casesDataOrQa, covered, null, null, null, null, media);
    }

    static Interpretation text() {
        return proposal(List.of(InterpretationForm.TEXT), true, ALL, List.of());
    }

    static void refused(Executable step, String type, String message) {
        assertThatThrownBy(step::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void noInterpretationIsDraftedOnceTheDocumentIsIssued() {
        for (PolicyDocument.Status status : PolicyDocument.Status.values()) {
            boolean issued = status == PolicyDocument.Status.ISSUED || status == PolicyDocument.Status.PUBLISHED;
            if (issued) {
                refused(() -> Interpretation.drafted(text(), status, NO_FILES, "safety1", NOW),
                        "document-already-issued", "政策解读须在文件印发前与文件同步起草。");
            } else {
                assertThat(Interpretation.drafted(text(), status, NO_FILES, "safety1", NOW).draftedBy()).isEqualTo("safety1");
            }
        }
    }

    @Test
    void aDraftNamesItsDrafterAndTimeAndIsNotYetReviewed() {
        Interpretation drafted = Interpretation.drafted(proposal(List.of(InterpretationForm.TEXT, InterpretationForm.TEXT,
                InterpretationForm.CHART), true, ALL, List.of()), PolicyDocument.Status.DRAFT, NO_FILES, "safety1", NOW);
        assertThat(drafted.forms()).containsExactly(InterpretationForm.TEXT, InterpretationForm.CHART);
        assertThat(drafted.draftedAt()).isEqualTo(NOW);
        assertThat(drafted.isReviewed()).isFalse();
        assertThat(drafted.elementsCovered()).isEqualTo(ALL);
    }

    @Test
    void anInterpretationHasAFormAndCoversEveryElement() {
        refused(() -> Interpretation.drafted(proposal(List.of(), true, ALL, List.of()), PolicyDocument.Status.DRAFT, NO_FILES, "s", NOW),
                "interpretation-form-required", "请至少选择一种解读形式。");
        Set<InterpretationElement> almost = EnumSet.allOf(InterpretationElement.class);
        almost.remove(InterpretationElement.MAIN_CONTENT);
        refused(() -> Interpretation.drafted(proposal(List.of(InterpretationForm.TEXT), true, almost, List.of()),
                PolicyDocument.Status.DRAFT, NO_FILES, "s", NOW),
                "interpretation-elements-missing", "政策解读还须涵盖以下要素：" + InterpretationElement.MAIN_CONTENT.label() + "。");
    }

    @Test
    void aTextInterpretationUsesCasesDataOrQuestionsAndAnswers() {
        refused(() -> Interpretation.drafted(proposal(List.of(InterpretationForm.TEXT), false, ALL, List.of()),
                PolicyDocument.Status.DRAFT, NO_FILES, "s", NOW), "text-interpretation-needs-cases", "文字解读须运用案例、数据或问答等方式。");
        assertThatCode(() -> Interpretation.drafted(proposal(List.of(InterpretationForm.VIDEO), false, ALL, List.of()),
                PolicyDocument.Status.DRAFT, NO_FILES, "s", NOW)).doesNotThrowAnyException();
    }

    @Test
    void mediaBelongToAChosenNonTextFormAndAreALinkOrAnAttachmentOfTheDocument() {
        List<InterpretationForm> video = List.of(InterpretationForm.TEXT, InterpretationForm.VIDEO);
        refused(() -> Interpretation.drafted(proposal(List.of(InterpretationForm.TEXT), true, ALL,
                List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "https://v.example/1"))), PolicyDocument.Status.DRAFT,
                NO_FILES, "s", NOW), "media-form-mismatch", "解读材料须对应已选择的非文字解读形式。");
        refused(() -> Interpretation.drafted(proposal(video, true, ALL,
                List.of(new InterpretationMedia(InterpretationForm.TEXT, "文字", "https://v.example/1"))), PolicyDocument.Status.DRAFT,
                NO_FILES, "s", NOW), "media-form-mismatch", "解读材料须对应已选择的非文字解读形式。");
        refused(() -> Interpretation.drafted(proposal(video, true, ALL,
                List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", " ftp://v.example/1 "))), PolicyDocument.Status.DRAFT,
                NO_FILES, "s", NOW), "media-location-invalid",
                "解读材料须为已发布的网址（http:// 或 https://）或本文件的附件（attachment:附件名）：ftp://v.example/1");

        Attachments files = Attachments.uploaded("d1", List.of(new AttachmentUpload("解读.mp4", "video/mp4",
                Base64.getEncoder().encodeToString("视频".getBytes(StandardCharsets.UTF_8)))), Attachments.none());
        refused(() -> Interpretation.drafted(proposal(video, true, ALL,
                List.of(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "attachment:别的.mp4"))), PolicyDocument.Status.DRAFT,
                files, "s", NOW), "media-location-invalid",
                "解读材料须为已发布的网址（http:// 或 https://）或本文件的附件（attachment:附件名）：attachment:别的.mp4");
        Interpretation attached = Interpretation.drafted(proposal(video, true, ALL,
                List.of(new InterpretationMedia(InterpretationForm.VIDEO, " 视频 ", " attachment:解读.mp4 "))), PolicyDocument.Status.DRAFT,
                files, "s", NOW);
        assertThat(attached.media()).containsExactly(new InterpretationMedia(InterpretationForm.VIDEO, "视频", "attachment:解读.mp4"));
        assertThat(attached.hasNonTextForm()).isTrue();
    }

    @Test
    void theOfficeReviewsAnInterpretationThatExists() {
        Interpretation drafted = Interpretation.drafted(text(), PolicyDocument.Status.DRAFT, NO_FILES, "safety1", NOW);
        refused(() -> Interpretation.reviewed(drafted, SAFETY1, NOW), "wrong-reviewer", "政策解读由政务公开办公室审核。");
        refused(() -> Interpretation.reviewed(null, SAFETY1, NOW), "wrong-reviewer", "政策解读由政务公开办公室审核。");
        refused(() -> Interpretation.reviewed(null, OFFICE, NOW), "no-interpretation", "该文件没有待审核的政策解读。");
        Interpretation reviewed = Interpretation.reviewed(drafted, OFFICE, NOW.plusSeconds(60));
        assertThat(reviewed.isReviewed()).isTrue();
        assertThat(reviewed.reviewedBy()).isEqualTo("office");
        assertThat(reviewed.reviewedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(reviewed.content()).isEqualTo(drafted.content());
    }

    @Test
    void aRequiredInterpretationMustBeReviewedBeforeIssuance() {
        Interpretation drafted = Interpretation.drafted(text(), PolicyDocument.Status.DRAFT, NO_FILES, "safety1", NOW);
        String message = "该文件须进行政策解读；请在印发前起草解读并经审核。";
        refused(() -> Interpretation.requireReviewedBeforeIssuance(null, true), "interpretation-required", message);
        refused(() -> Interpretation.requireReviewedBeforeIssuance(drafted, true), "interpretation-required", message);
        assertThatCode(() -> Interpretation.requireReviewedBeforeIssuance(Interpretation.reviewed(drafted, OFFICE, NOW), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> Interpretation.requireReviewedBeforeIssuance(null, false)).doesNotThrowAnyException();
        assertThatCode(() -> Interpretation.requireReviewedBeforeIssuance(drafted, false)).doesNotThrowAnyException();
    }

    @Test
    void anyInterpretationIsReleasedWithItsDocumentOnlyOnceReviewed() {
        Interpretation drafted = Interpretation.drafted(text(), PolicyDocument.Status.DRAFT, NO_FILES, "safety1", NOW);
        refused(() -> Interpretation.requireReviewedBeforeRelease(drafted), "interpretation-not-reviewed", "政策解读须经审核后才能与文件同步发布。");
        assertThatCode(() -> Interpretation.requireReviewedBeforeRelease(Interpretation.reviewed(drafted, OFFICE, NOW)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Interpretation.requireReviewedBeforeRelease(null)).doesNotThrowAnyException();
    }
}
