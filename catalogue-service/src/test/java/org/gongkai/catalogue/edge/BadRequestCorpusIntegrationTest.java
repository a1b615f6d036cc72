package org.gongkai.catalogue.edge;

import org.gongkai.testsupport.OpenApiDocuments;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestTokens;
import org.gongkai.testsupport.corpus.BadRequestCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hundreds of bad requests generated from the service's own OpenAPI document: each a Chinese problem, none a 5xx. */
@ServiceIntegrationTest
class BadRequestCorpusIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyBadRequestIsAProblemAndNoneBreaksTheService() {
        BadRequestCorpus.assertHolds("catalogue-service", port, OpenApiDocuments.fetch(port), TestTokens.forUser("office"), 250);
    }
}
