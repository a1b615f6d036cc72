package org.gongkai.catalogue;

import org.gongkai.testsupport.RouteRoles;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every route of catalogue-service with the rule it states and the roles that rule admits. A new route, or a changed
 * rule, fails here until this table says so; the rules themselves live in {@code AccessRules} (shared) and
 * {@code access} (this service's own).
 */
@ServiceIntegrationTest
class RouteRolesIntegrationTest {

    // method, path, the rule the route states, the roles that rule admits
    private static final String ROUTES = """
            POST   /api/catalogue-service/admin/dead-letters/redrive                    AdminOnly                    admin
            GET    /api/catalogues/proposals                                            SignedIn                     any signed-in user
            GET    /api/catalogues/proposals/{id}                                       SignedIn                     any signed-in user
            POST   /api/catalogues/proposals/{id}/decision                              OfficeOnly                   disclosure-office
            DELETE /api/catalogues/{catalogue}/draft                                    OfficeOnly                   disclosure-office
            GET    /api/catalogues/{catalogue}/draft                                    DraftReaders                 section-staff, disclosure-office, leader, admin
            POST   /api/catalogues/{catalogue}/imports                                  OfficeOnly                   disclosure-office
            POST   /api/catalogues/{catalogue}/items/{code}/confirmation                OfficeOnly                   disclosure-office
            POST   /api/catalogues/{catalogue}/proposals                                SectionStaff                 section-staff
            GET    /api/catalogues/{catalogue}/rows-to-confirm                          OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            POST   /api/catalogues/{catalogue}/versions/{version}/publication           OfficeOnly                   disclosure-office
            GET    /api/public/catalogues                                               -                            public
            GET    /api/public/catalogues/{catalogue}                                   -                            public
            GET    /api/public/catalogues/{catalogue}/diff                              -                            public
            GET    /api/public/catalogues/{catalogue}/items                             -                            public
            GET    /api/public/catalogues/{catalogue}/items/{code}                      -                            public
            GET    /api/public/catalogues/{catalogue}/versions                          -                            public
            GET    /api/public/catalogues/{catalogue}/versions/{version}                -                            public
            GET    /api/public/catalogues/{catalogue}/versions/{version}/export         -                            public
            """;

    @Test
    void everyRouteAdmitsTheRolesTheTableSays(@Autowired ApplicationContext context) {
        RouteRoles.assertTable(context, ROUTES);
    }
}
