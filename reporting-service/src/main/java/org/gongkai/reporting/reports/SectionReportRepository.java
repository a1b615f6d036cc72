package org.gongkai.reporting.reports;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SectionReportRepository extends MongoRepository<SectionReport, String> {

    List<SectionReport> findByPeriod(String period);
}
