package org.gongkai.publication.application;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** {@link ApplicationListRepository} on MongoDB: one find with the page's sort, skip and limit, and a count for the total. */
class ApplicationListRepositoryImpl implements ApplicationListRepository {

    private final MongoTemplate mongo;

    ApplicationListRepositoryImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<Application> inSectionAndState(String section, ApplicationState state, Pageable pageable) {
        Query query = new Query();
        if (section != null) {
            query.addCriteria(Criteria.where("section").is(section));
        }
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state));
        }
        List<Application> found = mongo.find(Query.of(query).with(pageable), Application.class);
        return PageableExecutionUtils.getPage(found, pageable, () -> mongo.count(query, Application.class));
    }
}
