package org.gongkai.reporting.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Folds publication events into {@link DocumentFacts} and computes section figures from them. */
@Service
public class FiguresService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final MongoTemplate mongo;
    private final Clock clock;

    FiguresService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void apply(DocumentIssued e) {
        upsert(e.documentId(), new Update()
                .set("section", e.section()).set("documentNumber", e.documentNumber())
                .set("catalogueItemCode", e.catalogueItemCode()).set("disclosureAttribute", e.disclosureAttribute())
                .set("legalBasisCode", e.legalBasisCode()).set("issuedOn", e.issuedOn())
                .set("publicationDueOn", e.publicationDueOn()));
    }

    public void apply(DocumentPublished e) {
        upsert(e.documentId(), new Update()
                .set("section", e.section()).set("documentNumber", e.documentNumber())
                .set("catalogueItemCode", e.catalogueItemCode()).set("issuedOn", e.issuedOn())
                .set("publicationDueOn", e.publicationDueOn()).set("publishedOn", e.publishedOn())
                .set("publishedOnTime", e.onTime()));
    }

    private void upsert(String documentId, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(documentId)), update, DocumentFacts.class);
    }

    public SectionFigures figures(String section, Period period) {
        Query query = section == null ? new Query() : Query.query(Criteria.where("section").is(section));
        List<DocumentFacts> facts = mongo.find(query, DocumentFacts.class);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<DocumentFacts> issued = facts.stream().filter(f -> period.contains(f.issuedOn())).toList();
        List<DocumentFacts> published = facts.stream().filter(f -> period.contains(f.publishedOn())).toList();
        long onTime = published.stream().filter(f -> Boolean.TRUE.equals(f.publishedOnTime())).count();
        long late = published.size() - onTime;
        long overdue = issued.stream().filter(f -> f.overdueOn(today)).count();
        Double rate = published.isEmpty() ? null : (double) onTime / published.size();
        return new SectionFigures(section, period.toString(), issued.size(), published.size(), onTime, late, overdue,
                countBy(issued, DocumentFacts::disclosureAttribute), countBy(issued, DocumentFacts::legalBasisCode), rate);
    }

    private static Map<String, Long> countBy(List<DocumentFacts> facts, Function<DocumentFacts, String> key) {
        return facts.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
