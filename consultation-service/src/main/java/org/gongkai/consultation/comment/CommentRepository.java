package org.gongkai.consultation.comment;

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
}
