package org.gongkai.publication.document;

import java.time.LocalDate;

/**
 * O4's last step: when the confidentiality officer cannot tell whether a document is secret, the county's competent
 * disclosure or secrecy authority decides; the officer records that authority, the date of its decision and its
 * reference number.
 */
public record AuthorityRuling(String authority, LocalDate decidedOn, String reference) {
}
