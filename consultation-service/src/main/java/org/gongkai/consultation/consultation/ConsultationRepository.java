package org.gongkai.consultation.consultation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ConsultationRepository extends MongoRepository<Consultation, String> {

    Page<Consultation> findBySection(String section, Pageable pageable);

    List<Consultation> findByStatus(Consultation.Status status);

    Page<Consultation> findByStatusIn(Collection<Consultation.Status> statuses, Pageable pageable);
}
