package org.gongkai.reporting.annualreport;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AnnualReportRepository extends MongoRepository<AnnualReport, String> {
}
