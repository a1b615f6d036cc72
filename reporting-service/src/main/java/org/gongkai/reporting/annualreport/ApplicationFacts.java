package org.gongkai.reporting.annualreport;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the annual report needs of one on-request application, merged from its events in any order: applicant type
 * and receipt date (carried by received, answered and closed alike), the answer and the closure kept apart, so the
 * outcome does not depend on which event came last.
 */
@Document("annual_application_facts")
record ApplicationFacts(@Id String applicationId, String applicantType, LocalDate receivedOn, LocalDate answeredOn,
        String answerOutcome, String answerReason, LocalDate closedOn, String closureOutcome, String closureReason) {

    /** The reply on the merits counts when there is one; otherwise the closure. */
    LocalDate decidedOn() {
        return answeredOn != null ? answeredOn : closedOn;
    }

    String outcome() {
        return answeredOn != null ? answerOutcome : closureOutcome;
    }

    String reason() {
        return answeredOn != null ? answerReason : closureReason;
    }
}
