package org.gongkai.publication.concern;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConcernRepository extends MongoRepository<Concern, String> {

    List<Concern> findBySection(String section);
}
