package org.gongkai.publication;

import org.gongkai.publication.application.ApplicationService;
import org.gongkai.publication.concern.ConcernService;
import org.gongkai.publication.document.DocumentService;
import org.gongkai.testsupport.PaginationContract;
import org.junit.jupiter.api.Test;

/** Every paged list of publication-service ends its order with a unique key (see {@link PaginationContract}). */
class ListOrdersTest {

    @Test
    void everyOrderEndsWithAUniqueKey() {
        PaginationContract.assertEndsWithUniqueKey(DocumentService.BY_DOCUMENT_NUMBER, "documentNumber");
        PaginationContract.assertEndsWithUniqueKey(DocumentService.NEWEST_PUBLISHED_FIRST, "_id");
        PaginationContract.assertEndsWithUniqueKey(DocumentService.EARLIEST_DUE_FIRST, "_id");
        PaginationContract.assertEndsWithUniqueKey(ConcernService.NEWEST_FIRST, "_id");
        PaginationContract.assertEndsWithUniqueKey(ApplicationService.NEWEST_FIRST, "_id");
        PaginationContract.assertEndsWithUniqueKey(ApplicationService.EARLIEST_DUE_FIRST, "_id");
    }
}
