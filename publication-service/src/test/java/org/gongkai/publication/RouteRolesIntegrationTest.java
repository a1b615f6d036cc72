package org.gongkai.publication;

import org.gongkai.testsupport.RouteRoles;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every route of publication-service with the rule it states and the roles that rule admits. A new route, or a changed
 * rule, fails here until this table says so; the rules themselves live in {@code AccessRules} (shared) and
 * {@code access} (this service's own).
 */
@ServiceIntegrationTest
class RouteRolesIntegrationTest {

    // method, path, the rule the route states, the roles that rule admits
    private static final String ROUTES = """
            GET    /api/applications                                                    SignedIn                     any signed-in user
            POST   /api/applications                                                    SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/applications/deadline-board                                     SignedIn                     any signed-in user
            GET    /api/applications/{id}                                               SignedIn                     any signed-in user
            POST   /api/applications/{id}/clearance                                     ConfidentialityOfficerOnly   confidentiality-officer
            POST   /api/applications/{id}/clearance-request                             SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/closure                                       SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/consultations                                 SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/consultations/current/end                     SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/extension                                     OfficeOnly                   disclosure-office
            POST   /api/applications/{id}/fee                                           SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/fee-payment                                   SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/reasonable-period                             OfficeOnly                   disclosure-office
            POST   /api/applications/{id}/reasons                                       OfficeOnly                   disclosure-office
            POST   /api/applications/{id}/reasons-request                               OfficeOnly                   disclosure-office
            POST   /api/applications/{id}/receipt                                       SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/reply                                         SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/routing                                       OfficeOnly                   disclosure-office
            POST   /api/applications/{id}/supplement                                    SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/applications/{id}/supplement-request                            SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/attribute-reviews/{year}                                        AnyStaffRole                 section-staff, disclosure-office, confidentiality-officer, leader, admin
            POST   /api/attribute-reviews/{year}                                        OfficeOnly                   disclosure-office
            POST   /api/attribute-reviews/{year}/documents/{documentId}/decision        OfficeOnly                   disclosure-office
            POST   /api/attribute-reviews/{year}/documents/{documentId}/opinion         SectionStaff                 section-staff
            GET    /api/calendar/notices                                                OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/calendar/notices/{year}                                         OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            PUT    /api/calendar/notices/{year}                                         OfficeOnly                   disclosure-office
            POST   /api/calendar/notices/{year}/preview                                 OfficeOnly                   disclosure-office
            GET    /api/calendar/status                                                 OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            GET    /api/concerns                                                        SignedIn                     any signed-in user
            POST   /api/concerns                                                        SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/concerns/{id}                                                   SignedIn                     any signed-in user
            POST   /api/concerns/{id}/escalation                                        SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/concerns/{id}/responses                                         SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/documents                                                       SignedIn                     any signed-in user
            POST   /api/documents                                                       SectionStaff                 section-staff
            GET    /api/documents/deadline-board                                        OfficeLeadershipOrAdmin      disclosure-office, leader, admin
            POST   /api/documents/deadlines/recalculation                               AdminOrOffice                disclosure-office, admin
            GET    /api/documents/{id}                                                  SignedIn                     any signed-in user
            PUT    /api/documents/{id}                                                  SectionStaff                 section-staff
            POST   /api/documents/{id}/abolition                                        OfficeOnly                   disclosure-office
            GET    /api/documents/{id}/attachments/{position}                           SignedIn                     any signed-in user
            POST   /api/documents/{id}/coordination                                     SectionStaffOrOffice         section-staff, disclosure-office
            PUT    /api/documents/{id}/interpretation                                   SectionStaff                 section-staff
            POST   /api/documents/{id}/interpretation/review                            OfficeOnly                   disclosure-office
            POST   /api/documents/{id}/issuance                                         SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/documents/{id}/publication                                      SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/documents/{id}/reading-room-transfer                            SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/documents/{id}/reviews                                          DocumentReviewers            disclosure-office, confidentiality-officer
            POST   /api/documents/{id}/submission                                       SectionStaff                 section-staff
            POST   /api/public/applications                                             -                            public
            GET    /api/public/applications/vocabulary                                  -                            public
            GET    /api/public/applications/{queryCode}                                 -                            public
            GET    /api/public/calendar/deadline                                        -                            public
            GET    /api/public/calendar/{year}                                          -                            public
            GET    /api/public/concern-responses                                        -                            public
            GET    /api/public/concern-responses/{id}                                   -                            public
            GET    /api/public/documents                                                -                            public
            GET    /api/public/documents/{id}                                           -                            public
            GET    /api/public/interpretations                                          -                            public
            GET    /api/public/interpretations/{documentId}                             -                            public
            POST   /api/publication-service/admin/dead-letters/redrive                  AdminOnly                    admin
            """;

    @Test
    void everyRouteAdmitsTheRolesTheTableSays(@Autowired ApplicationContext context) {
        RouteRoles.assertTable(context, ROUTES);
    }

    @Test
    void routesThatStatedNoRoleBeforeRefuseTheWrongRoleBeforeLookingAnythingUp(@LocalServerPort int port) {
        // each record is unknown: without the route's rule the domain answered 404 here
        RouteRoles.assertRefusedByTheRule(port, "leader", "POST", "/api/documents/no-such-document/submission", "{}");
        RouteRoles.assertRefusedByTheRule(port, "admin", "POST", "/api/documents/no-such-document/issuance", "{}");
        RouteRoles.assertRefusedByTheRule(port, "leader", "POST", "/api/concerns/no-such-concern/responses",
                "{\"text\":\"已回应\",\"channel\":\"gov-website\"}");
        RouteRoles.assertRefusedByTheRule(port, "secrecy", "POST", "/api/applications/no-such-application/receipt",
                "{\"receivedOn\":\"2026-03-02\",\"basis\":\"BOTH_CONFIRMED\"}");
        RouteRoles.assertRefusedByTheRule(port, "safety1", "POST", "/api/applications/no-such-application/routing",
                "{\"section\":\"disaster-relief\"}");
        RouteRoles.assertRefusedByTheRule(port, "office", "POST", "/api/applications/no-such-application/clearance",
                "{\"cleared\":true}");
    }
}
