package org.gongkai.publication.application;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The application list Spring Data cannot derive from a method name: optional filters, paged in the database. */
interface ApplicationListRepository {

    /** The applications of one section (all sections when null), in one state (all states when null). */
    Page<Application> inSectionAndState(String section, ApplicationState state, Pageable pageable);
}
