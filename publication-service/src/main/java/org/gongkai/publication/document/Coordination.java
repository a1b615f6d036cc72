package org.gongkai.publication.document;

import java.time.LocalDate;

/** The pre-release coordination of a major document with the propaganda and cyberspace departments (I2). */
public record Coordination(LocalDate on, String propagandaContact, String cyberspaceContact, String note, String recordedBy) {
}
