package org.gongkai.publication.document;

import java.time.Instant;

/** An issued document abolished (废止) by the office: on which day, why, who recorded it and when. */
public record Abolition(java.time.LocalDate on, String reason, String recordedBy, Instant recordedAt) {
}
