package org.gongkai.publication.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<Application, String> {

    Optional<Application> findByQueryCode(String queryCode);

    Optional<Application> findBySubmissionKey(String submissionKey);

    List<Application> findBySection(String section);

    Page<Application> findBySection(String section, Pageable pageable);

    Page<Application> findByState(ApplicationState state, Pageable pageable);

    Page<Application> findBySectionAndState(String section, ApplicationState state, Pageable pageable);
}
