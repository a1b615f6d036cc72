package org.gongkai.publication.document;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** {@link DocumentListRepository} on MongoDB: one find with the page's sort, skip and limit, and a count for the total. */
class DocumentListRepositoryImpl implements DocumentListRepository {

    private final MongoTemplate mongo;

    DocumentListRepositoryImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<PolicyDocument> publishedProactively(boolean onlyInterpreted, String keyword, Pageable pageable) {
        Criteria criteria = Criteria.where("status").is(PolicyDocument.Status.PUBLISHED)
                .and("attribute").is(DisclosureAttribute.PROACTIVE);
        if (onlyInterpreted) {
            criteria = criteria.and("interpretation").ne(null);
        }
        if (keyword != null && !keyword.isBlank()) {
            String pattern = Pattern.quote(keyword);
            criteria = criteria.orOperator(Criteria.where("documentNumber").regex(pattern, "i"),
                    Criteria.where("title").regex(pattern, "i"), Criteria.where("body").regex(pattern, "i"),
                    Criteria.where("interpretation.content").regex(pattern, "i"));
        }
        return page(Query.query(criteria), pageable);
    }

    @Override
    public Page<PolicyDocument> awaitingPublication(Pageable pageable) {
        return page(Query.query(Criteria.where("status").is(PolicyDocument.Status.ISSUED)
                .and("publicationDueOn").ne(null).and("abolition").is(null)), pageable);
    }

    @Override
    public List<String> idsWithInlineAttachmentContent() {
        Query inline = Query.query(Criteria.where("attachments.contentBase64").exists(true));
        inline.fields().include("_id");
        return mongo.find(inline, org.bson.Document.class, mongo.getCollectionName(PolicyDocument.class)).stream()
                .map(found -> found.getString("_id")).toList();
    }

    private Page<PolicyDocument> page(Query query, Pageable pageable) {
        List<PolicyDocument> found = mongo.find(Query.of(query).with(pageable), PolicyDocument.class);
        return PageableExecutionUtils.getPage(found, pageable, () -> mongo.count(query, PolicyDocument.class));
    }
}
