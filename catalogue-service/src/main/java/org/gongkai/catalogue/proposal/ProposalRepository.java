package org.gongkai.catalogue.proposal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProposalRepository extends MongoRepository<Proposal, String> {

    Page<Proposal> findBySection(String section, Pageable pageable);
}
