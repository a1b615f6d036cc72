package org.gongkai.publication.document;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DocumentRepository extends MongoRepository<PolicyDocument, String>, DocumentListRepository {

    List<PolicyDocument> findBySectionOrderByDocumentNumber(String section);

    List<PolicyDocument> findByStatus(PolicyDocument.Status status);
}
