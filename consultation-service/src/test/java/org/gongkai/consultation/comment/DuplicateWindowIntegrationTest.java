package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.consultation.consultation.ConsultationService;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duplicate window, read from the comments themselves: sliding, and open at its far end, so that the same text
 * from the same client exactly ten minutes later is a new comment.
 */
@ConsultationIntegrationTest
class DuplicateWindowIntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant SENT = Instant.parse(ConsultationTestSupport.NOW);

    @LocalServerPort
    int port;
    @Autowired
    CommentRepository comments;
    @Autowired
    ConsultationService consultations;
    @Autowired
    Fingerprints fingerprints;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    /** The time the comments are received at, moved by the test. */
    private Instant now = SENT;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
    }

    @Test
    void theSameTextFromTheSameClientIsTheSameCommentOnlyWithinTheWindow() {
        String id = openConsultation(port, "safety1", false);
        CommentService service = new CommentService(comments, consultations, fingerprints, new CommentProperties(WINDOW, null),
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneId.of("Asia/Shanghai");
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Instant instant() {
                        return now;
                    }
                });
        Comment.Submission submission = new Comment.Submission("建议在汛期前公布各乡镇的避险转移路线。", null, null);
        CommentService.Submitted first = service.submit(id, submission, null, "203.0.113.50");

        now = SENT.plus(WINDOW).minusMillis(1);
        CommentService.Submitted withinTheWindow = service.submit(id, submission, null, "203.0.113.50");
        CommentService.Submitted fromAnotherClient = service.submit(id, submission, null, "203.0.113.51");
        CommentService.Submitted otherText = service.submit(id,
                new Comment.Submission("建议在汛期前公布各乡镇的避险安置点。", null, null), null, "203.0.113.50");
        now = SENT.plus(WINDOW);
        CommentService.Submitted atTheWindowsEnd = service.submit(id, submission, null, "203.0.113.50");
        now = SENT.plus(WINDOW).plusSeconds(1);
        CommentService.Submitted afterTheSecond = service.submit(id, submission, null, "203.0.113.50");

        assertThat(first.created()).isTrue();
        assertThat(withinTheWindow.created()).isFalse();
        assertThat(withinTheWindow.comment().id()).isEqualTo(first.comment().id());
        assertThat(fromAnotherClient.created()).isTrue();
        assertThat(otherText.created()).isTrue();
        assertThat(atTheWindowsEnd.created()).isTrue();
        assertThat(afterTheSecond.created()).isFalse();
        assertThat(afterTheSecond.comment().id()).as("the window slides: the newest comment opens it again")
                .isEqualTo(atTheWindowsEnd.comment().id());
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(4);
    }
}
