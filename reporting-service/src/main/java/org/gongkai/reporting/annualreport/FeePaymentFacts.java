package org.gongkai.reporting.annualreport;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An information-processing fee paid (信息处理费, art. 42); its id is what was paid, so a repeat adds nothing. */
@Document("annual_fee_facts")
record FeePaymentFacts(@Id String id, String applicationId, long amountFen, LocalDate paidOn) {
}
