package org.gongkai.contracts.publication;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.contracts.EventType;
import org.gongkai.contracts.IntegrationEvent;

/**
 * An information-processing fee (信息处理费, art. 42) was notified to the applicant, amount in fen (分); the clock
 * pauses until it is paid by {@code payBy}.
 */
@EventType("gongkai.publication.application-fee-charged.v1")
public record ApplicationFeeCharged(
        String applicationId,
        String section,
        int amountFen,
        LocalDate notifiedOn,
        LocalDate payBy,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return "applications/" + applicationId;
    }
}
