package org.gongkai.consultation.consultation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConsultationRepository extends MongoRepository<Consultation, String> {

    List<Consultation> findBySectionOrderByPeriodStartDesc(String section);

    List<Consultation> findByStatus(Consultation.Status status);

    List<Consultation> findByStatusInOrderByPeriodStartDesc(Collection<Consultation.Status> statuses);
}
