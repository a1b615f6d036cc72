package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.consultation.ConsultationTestSupport.openConsultation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.consultation.ConsultationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * What a public comment costs in database round trips on the request's own thread (issue 16, docs/performance.md):
 * the consultation, the duplicate check (a read of the comments) and the insert. The idempotency key is not looked
 * up for a new comment; its unique index answers a retry. The outbox relay's commands run on its own thread.
 */
@ConsultationIntegrationTest
class CommentRoundTripsIntegrationTest {

    /** Commands sent from the thread that is recording, as "command collection". */
    static final List<String> recorded = new CopyOnWriteArrayList<>();
    static volatile Thread recording;

    @TestConfiguration
    static class RecordCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer recordCommandsOfTheRecordingThread() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread() == recording) {
                        recorded.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()).asString().getValue());
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CommentService service;
    @Autowired
    CommentRepository comments;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;

    @BeforeEach
    void catalogueIsKnown() {
        ConsultationTestSupport.learnCatalogue(events, snapshots);
        recorded.clear();
    }

    @Test
    void aNewCommentWithAnIdempotencyKeyCostsThreeRoundTrips() {
        String id = openConsultation(port, "safety1", false);
        String key = UUID.randomUUID().toString();
        Comment.Submission submission = new Comment.Submission("建议公开本辖区重大危险源的分布情况。", null, null);

        CommentService.Submitted submitted = record(() -> service.submit(id, submission, key, "198.51.100.40"));

        assertThat(submitted.created()).isTrue();
        assertThat(recorded).containsExactly("find consultations", "find comments", "insert comments");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(1);
    }

    @Test
    void aRetryFromAnotherAddressIsAnsweredThroughTheKeysUniqueIndex() {
        String id = openConsultation(port, "safety1", false);
        String key = UUID.randomUUID().toString();
        Comment.Submission submission = new Comment.Submission("建议每季度公布一次执法检查结果。", null, null);
        CommentService.Submitted first = service.submit(id, submission, key, "198.51.100.41");

        CommentService.Submitted retry = record(() -> service.submit(id, submission, key, "198.51.100.42"));

        assertThat(retry.created()).isFalse();
        assertThat(retry.comment().receipt()).isEqualTo(first.comment().receipt());
        assertThat(recorded).containsExactly("find consultations", "find comments", "insert comments", "find comments");
        assertThat(comments.findByConsultationIdOrderByReceivedAt(id)).hasSize(1);
    }

    private static <T> T record(Supplier<T> call) {
        recording = Thread.currentThread();
        try {
            return call.get();
        } finally {
            recording = null;
        }
    }
}
