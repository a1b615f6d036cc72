package org.gongkai.publication.concern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.Query;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConcernRepository extends MongoRepository<Concern, String> {

    Page<Concern> findBySection(String section, Pageable pageable);

    /** Concerns the bureau has answered (at least one response), for the public column of responses (回应关切). */
    @Query("{ 'responses.0': { $exists: true } }")
    Page<Concern> findAnswered(Pageable pageable);
}
