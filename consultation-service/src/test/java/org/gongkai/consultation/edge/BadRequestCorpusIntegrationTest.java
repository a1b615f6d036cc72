package org.gongkai.consultation.edge;

import org.gongkai.consultation.ConsultationIntegrationTest;
import org.gongkai.testsupport.OpenApiDocuments;
import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.BadRequestCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hundreds of bad requests generated from the service's own OpenAPI document: each a Chinese problem, none a 5xx. */
@ConsultationIntegrationTest
class BadRequestCorpusIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyBadRequestIsAProblemAndNoneBreaksTheService() {
        BadRequestCorpus.assertHolds("consultation-service", port, OpenApiDocuments.fetch(port), TestTokens.forUser("safety1"), 250);
    }
}
