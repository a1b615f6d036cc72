package org.gongkai.catalogue.access;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.gongkai.support.domain.Actor;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The route rules of catalogue-service beyond the shared ones of {@link org.gongkai.support.security.AccessRules}; every
 * staff route states one of them, and {@code RouteRolesIntegrationTest} lists every route with the roles it admits.
 */
public final class CatalogueAccessRules {

    private CatalogueAccessRules() {
    }

    /** The open draft of a catalogue: those who maintain it (sections, the office), leadership and admins. */
    @Documented
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    @PreAuthorize("hasAnyRole('" + Actor.DISCLOSURE_OFFICE + "', '" + Actor.SECTION_STAFF + "', '" + Actor.LEADER + "', '" + Actor.ADMIN + "')")
    public @interface DraftReaders {
    }
}
