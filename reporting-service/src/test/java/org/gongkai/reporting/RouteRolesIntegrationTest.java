package org.gongkai.reporting;

import org.gongkai.testsupport.RouteRoles;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every route of reporting-service with the rule it states and the roles that rule admits. A new route, or a changed
 * rule, fails here until this table says so; the rules themselves live in {@code AccessRules} (shared) and
 * {@code access} (this service's own).
 */
@ServiceIntegrationTest
class RouteRolesIntegrationTest {

    // method, path, the rule the route states, the roles that rule admits
    private static final String ROUTES = """
            GET    /api/public/annual-reports                                           -                            public
            GET    /api/public/annual-reports/{year}                                    -                            public
            GET    /api/public/annual-reports/{year}/export                             -                            public
            POST   /api/reporting-service/admin/dead-letters/redrive                    AdminOnly                    admin
            GET    /api/reporting/annual-reports                                        Overseers                    disclosure-office, confidentiality-officer, leader, admin
            GET    /api/reporting/annual-reports/{year}                                 Overseers                    disclosure-office, confidentiality-officer, leader, admin
            POST   /api/reporting/annual-reports/{year}                                 OfficeOnly                   disclosure-office
            PUT    /api/reporting/annual-reports/{year}                                 OfficeOnly                   disclosure-office
            POST   /api/reporting/annual-reports/{year}/approval                        LeaderOnly                   leader
            POST   /api/reporting/annual-reports/{year}/corrections                     OfficeOnly                   disclosure-office
            GET    /api/reporting/annual-reports/{year}/export                          Overseers                    disclosure-office, confidentiality-officer, leader, admin
            POST   /api/reporting/annual-reports/{year}/publication                     OfficeOnly                   disclosure-office
            GET    /api/reporting/annual-reports/{year}/revisions/{revision}            Overseers                    disclosure-office, confidentiality-officer, leader, admin
            GET    /api/reporting/county/figures                                        OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/reporting/leadership/report                                     OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/reporting/leadership/report/export                              OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/reporting/notifications                                         SignedIn                     any signed-in user
            POST   /api/reporting/notifications/{id}/read                               SignedIn                     any signed-in user
            POST   /api/reporting/read-models/rebuild                                   AdminOrOffice                disclosure-office, admin
            GET    /api/reporting/reports/overdue                                       OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/reporting/sections/{section}/figures                            SignedIn                     any signed-in user
            GET    /api/reporting/sections/{section}/figures/export                     SignedIn                     any signed-in user
            GET    /api/reporting/sections/{section}/reports/{period}                   SignedIn                     any signed-in user
            POST   /api/reporting/sections/{section}/reports/{period}                   SectionStaff                 section-staff
            POST   /api/reporting/sections/{section}/reports/{period}/acceptance        OfficeOnly                   disclosure-office
            GET    /api/reporting/sections/{section}/reports/{period}/export            SignedIn                     any signed-in user
            PUT    /api/reporting/sections/{section}/reports/{period}/narrative         SectionStaff                 section-staff
            POST   /api/reporting/sections/{section}/reports/{period}/return            OfficeOnly                   disclosure-office
            POST   /api/reporting/sections/{section}/reports/{period}/submission        SectionStaff                 section-staff
            """;

    @Test
    void everyRouteAdmitsTheRolesTheTableSays(@Autowired ApplicationContext context) {
        RouteRoles.assertTable(context, ROUTES);
    }

    @Test
    void routesThatStatedNoRoleBeforeRefuseTheWrongRoleBeforeLookingAnythingUp(@LocalServerPort int port) {
        // each record is unknown: without the route's rule the domain answered 404 here
        RouteRoles.assertRefusedByTheRule(port, "leader", "POST",
                "/api/reporting/sections/safety-coordination/reports/2021-H2/submission", "{}");
        RouteRoles.assertRefusedByTheRule(port, "office", "PUT", "/api/reporting/sections/safety-coordination/reports/2021-H2/narrative",
                "{\"workDone\":\"已开展\",\"problems\":\"无\",\"nextSteps\":\"继续\"}");
    }
}
