package org.gongkai.publication.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<Application, String>, ApplicationListRepository {

    Optional<Application> findByQueryCode(String queryCode);

    Optional<Application> findBySubmissionKey(String submissionKey);

    List<Application> findBySection(String section);
}
