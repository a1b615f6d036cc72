package org.gongkai.consultation.comment;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LatestSubmissionRepository extends MongoRepository<LatestSubmission, String> {
}
