package org.gongkai.consultation;

import org.gongkai.testsupport.RouteRoles;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every route of consultation-service with the rule it states and the roles that rule admits. A new route, or a changed
 * rule, fails here until this table says so; the rules themselves live in {@code AccessRules} (service-support): this
 * service has no rule of its own.
 */
@ServiceIntegrationTest
class RouteRolesIntegrationTest {

    // method, path, the rule the route states, the roles that rule admits
    private static final String ROUTES = """
            POST   /api/consultation-service/admin/dead-letters/redrive                 AdminOnly                    admin
            GET    /api/consultations                                                   SignedIn                     any signed-in user
            POST   /api/consultations                                                   SectionStaff                 section-staff
            GET    /api/consultations/catalogue-snapshots                               SignedIn                     any signed-in user
            GET    /api/consultations/{consultationId}/comments                         SignedIn                     any signed-in user
            POST   /api/consultations/{consultationId}/comments                         SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{consultationId}/comments/{commentId}/moderation  SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{consultationId}/feedback                         SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/consultations/{consultationId}/opinion-suggestions              SignedIn                     any signed-in user
            GET    /api/consultations/{consultationId}/opinions                         SignedIn                     any signed-in user
            POST   /api/consultations/{consultationId}/opinions                         SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{consultationId}/opinions/{opinionId}/comments    SectionStaffOrOffice         section-staff, disclosure-office
            PUT    /api/consultations/{consultationId}/opinions/{opinionId}/decision    SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{consultationId}/opinions/{opinionId}/merge       SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{consultationId}/opinions/{opinionId}/split       SectionStaffOrOffice         section-staff, disclosure-office
            PUT    /api/consultations/{consultationId}/opinions/{opinionId}/summary     SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/consultations/{id}                                              SignedIn                     any signed-in user
            PUT    /api/consultations/{id}                                              SectionStaffOrOffice         section-staff, disclosure-office
            PUT    /api/consultations/{id}/comment-visibility                           SectionStaffOrOffice         section-staff, disclosure-office
            POST   /api/consultations/{id}/opening                                      SectionStaffOrOffice         section-staff, disclosure-office
            GET    /api/public/comments/{receipt}                                       -                            public
            GET    /api/public/consultations                                            -                            public
            GET    /api/public/consultations/{consultationId}/comments                  -                            public
            POST   /api/public/consultations/{consultationId}/comments                  -                            public
            GET    /api/public/consultations/{id}                                       -                            public
            GET    /api/public/consultations/{id}/feedback                              -                            public
            """;

    @Test
    void everyRouteAdmitsTheRolesTheTableSays(@Autowired ApplicationContext context) {
        RouteRoles.assertTable(context, ROUTES);
    }
}
