package org.gongkai.publication.access;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.gongkai.support.domain.Actor;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The route rules of publication-service beyond the shared ones of {@link org.gongkai.support.security.AccessRules};
 * every staff route states one of them, and {@code RouteRolesIntegrationTest} lists every route with the roles it admits.
 */
public final class PublicationAccessRules {

    private PublicationAccessRules() {
    }

    /** The reviewers of a policy document: the office and the confidentiality officer (the stage decides which). */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.DISCLOSURE_OFFICE + "', '" + Actor.CONFIDENTIALITY_OFFICER + "')")
    public @interface DocumentReviewers {
    }

    /** The confidentiality officer alone (the clearance of an answer). */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasRole('" + Actor.CONFIDENTIALITY_OFFICER + "')")
    public @interface ConfidentialityOfficerOnly {
    }

    /** Whoever holds one of the five staff roles; a section sees its own records. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.DISCLOSURE_OFFICE + "', '" + Actor.SECTION_STAFF + "', '" + Actor.LEADER + "', '" + Actor.ADMIN + "', '" + Actor.CONFIDENTIALITY_OFFICER + "')")
    public @interface AnyStaffRole {
    }
}
