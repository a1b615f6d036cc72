package org.gongkai.catalogue.catalogue;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProposalRepository extends MongoRepository<Proposal, String> {

    Page<Proposal> findBySection(String section, Pageable pageable);
}
