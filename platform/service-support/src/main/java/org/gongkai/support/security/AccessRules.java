package org.gongkai.support.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.gongkai.support.domain.Actor;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The route rules the services share: which realm roles may call a route at all. A controller states one of these
 * (or one of its service's own, in {@code <service>.access}) on every staff route and never spells a role; the roles
 * are {@link Actor}'s names, which the domain checks again together with the section. Each service's
 * {@code RouteRolesIntegrationTest} lists every route with the roles it admits.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Any valid token: the record decides what the caller sees (its own section's, or all for those who oversee all). */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("isAuthenticated()")
    public @interface SignedIn {
    }

    /** The disclosure office alone. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasRole('" + Actor.DISCLOSURE_OFFICE + "')")
    public @interface OfficeOnly {
    }

    /** Staff of a section; the domain checks that it is the record's section. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasRole('" + Actor.SECTION_STAFF + "')")
    public @interface SectionStaff {
    }

    /** The responsible section's staff (the domain checks the section) or the disclosure office. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.SECTION_STAFF + "', '" + Actor.DISCLOSURE_OFFICE + "')")
    public @interface SectionStaffOrOffice {
    }

    /** What the office watches and leadership reads (deadline boards, figures, the calendar): office, leader, admin. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.DISCLOSURE_OFFICE + "', '" + Actor.LEADER + "', '" + Actor.ADMIN + "')")
    public @interface OfficeLeadershipOrAdmin {
    }

    /** Maintenance a service runs on demand (recomputing deadlines, rebuilding read models): admin or the office. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.ADMIN + "', '" + Actor.DISCLOSURE_OFFICE + "')")
    public @interface AdminOrOffice {
    }

    /** Administrators alone (re-driving dead letters). */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasRole('" + Actor.ADMIN + "')")
    public @interface AdminOnly {
    }
}
