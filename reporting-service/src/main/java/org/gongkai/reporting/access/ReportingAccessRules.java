package org.gongkai.reporting.access;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.gongkai.support.domain.Actor;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The route rules of reporting-service beyond the shared ones of {@link org.gongkai.support.security.AccessRules};
 * every staff route states one of them, and {@code RouteRolesIntegrationTest} lists every route with the roles it admits.
 */
public final class ReportingAccessRules {

    private ReportingAccessRules() {
    }

    /** Those who oversee every section (office, confidentiality officer, leader, admin), as {@link Actor#overseesAllSections()}. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.DISCLOSURE_OFFICE + "', '" + Actor.LEADER + "', '" + Actor.ADMIN + "', '" + Actor.CONFIDENTIALITY_OFFICER + "')")
    public @interface Overseers {
    }

    /** Leadership alone (approving the annual report). */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasRole('" + Actor.LEADER + "')")
    public @interface LeaderOnly {
    }
}
