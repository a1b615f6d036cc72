package org.gongkai.consultation.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CommentRepository extends MongoRepository<Comment, String> {

    Optional<Comment> findByReceipt(String receipt);

    Optional<Comment> findBySubmissionKey(String submissionKey);

    List<Comment> findByConsultationIdOrderByReceivedAt(String consultationId);

    Page<Comment> findByConsultationId(String consultationId, Pageable page);

    Page<Comment> findByConsultationIdAndHiddenFalse(String consultationId, Pageable page);

    List<Comment> findByOpinionId(String opinionId);

    List<Comment> findByOpinionIdIn(Collection<String> opinionIds);

    /**
     * The newest comment with this text from this client on this consultation received after {@code since}: one walk
     * of the {@code same_text_same_client} index, in MongoDB and in the local wire server alike.
     */
    default Optional<Comment> sameTextFromSameClientSince(String consultationId, String clientFingerprint, String contentHash,
            Instant since) {
        return findFirstByConsultationIdAndClientFingerprintAndContentHashAndReceivedAtAfterOrderByReceivedAtDesc(
                consultationId, clientFingerprint, contentHash, since);
    }

    Optional<Comment> findFirstByConsultationIdAndClientFingerprintAndContentHashAndReceivedAtAfterOrderByReceivedAtDesc(
            String consultationId, String clientFingerprint, String contentHash, Instant since);
}
