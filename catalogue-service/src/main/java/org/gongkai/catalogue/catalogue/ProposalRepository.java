package org.gongkai.catalogue.catalogue;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProposalRepository extends MongoRepository<Proposal, String> {

    List<Proposal> findBySection(String section);

    List<Proposal> findAllByOrderByIdAsc();
}
