package org.gongkai.publication.document;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DocumentRepository extends MongoRepository<PolicyDocument, String>, DocumentListRepository {

    List<PolicyDocument> findBySectionOrderByDocumentNumber(String section);

    Page<PolicyDocument> findBySection(String section, Pageable pageable);

    List<PolicyDocument> findByStatus(PolicyDocument.Status status);
}
