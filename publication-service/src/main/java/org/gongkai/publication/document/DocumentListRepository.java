package org.gongkai.publication.document;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The document queries Spring Data cannot derive from a method name: lists paged in the database, with their totals. */
interface DocumentListRepository {

    /**
     * Proactively published documents; {@code keyword} (when not blank) is looked for, ignoring case, in the document
     * number, title, body and interpretation.
     */
    Page<PolicyDocument> publishedProactively(boolean onlyInterpreted, String keyword, Pageable pageable);

    /** Issued documents with a publication deadline, not abolished. */
    Page<PolicyDocument> awaitingPublication(Pageable pageable);

    /** Documents stored before attachment content moved to GridFS, which still carry it inline. */
    List<String> idsWithInlineAttachmentContent();
}
