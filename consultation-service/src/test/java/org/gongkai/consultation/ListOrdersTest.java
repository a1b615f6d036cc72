package org.gongkai.consultation;

import org.gongkai.consultation.comment.CommentService;
import org.gongkai.consultation.consultation.ConsultationService;
import org.gongkai.testsupport.PaginationContract;
import org.junit.jupiter.api.Test;

/** Every paged list of consultation-service ends its order with a unique key (see {@link PaginationContract}). */
class ListOrdersTest {

    @Test
    void everyOrderEndsWithAUniqueKey() {
        PaginationContract.assertEndsWithUniqueKey(ConsultationService.LATEST_START_FIRST, "_id");
        PaginationContract.assertEndsWithUniqueKey(CommentService.OLDEST_FIRST, "_id");
    }
}
