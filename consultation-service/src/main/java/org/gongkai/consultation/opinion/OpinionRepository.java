package org.gongkai.consultation.opinion;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OpinionRepository extends MongoRepository<Opinion, String> {

    List<Opinion> findByConsultationId(String consultationId);

    Page<Opinion> findByConsultationIdAndMergedIntoIsNull(String consultationId, Pageable pageable);
}
