package org.gongkai.localmongo;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The aggregation the MongoDB drivers send for {@code countDocuments} (Spring Data's page totals):
 * {@code [{$match: filter}, {$skip: n}?, {$limit: n}?, {$group: {_id: c, n: {$sum: 1}}}]}. mongo-java-server runs
 * every aggregation over a list of the whole collection; recognised here, it is answered as a count, which an
 * {@link OrderedIndex} can give without reading a document.
 *
 * @param filter     the {@code $match} filter
 * @param skip       documents skipped, 0 for none
 * @param limit      at most this many counted, 0 for no limit
 * @param groupId    the constant the {@code $group} stage names as {@code _id}
 * @param countField the field the count is returned in
 */
record CountPipeline(Document filter, int skip, int limit, Object groupId, String countField) {

    /** The count this pipeline asks for, or null for any other aggregation. */
    static CountPipeline of(Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4
                || !(stages.get(0) instanceof Document first) || !(first.get("$match") instanceof Document filter) || first.size() != 1
                || !(stages.get(stages.size() - 1) instanceof Document last) || !(last.get("$group") instanceof Document group)
                || last.size() != 1) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (!(stage instanceof Document document) || document.size() != 1) {
                return null;
            }
            if (document.get("$skip") instanceof Number n && limit == 0 && skip == 0) {
                skip = n.intValue();
            } else if (document.get("$limit") instanceof Number n && limit == 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        if (skip < 0 || limit < 0 || group.size() != 2 || !group.containsKey("_id")) {
            return null;
        }
        Object groupId = group.get("_id");
        if (groupId instanceof String || groupId instanceof Document || groupId instanceof List) {
            return null; // a field path or an expression groups by something: not a single count
        }
        String countField = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
        if (countField.startsWith("$") || !(group.get(countField) instanceof Document sum) || !sum.keySet().equals(Set.of("$sum"))
                || !(sum.get("$sum") instanceof Number one) || one.doubleValue() != 1.0) {
            return null;
        }
        return new CountPipeline(filter, skip, limit, groupId, countField);
    }

    /** The aggregation's answer for {@code count} matching documents: one group, or none when nothing matched. */
    List<Document> answer(int count) {
        return count == 0 ? List.of() : List.of(new Document("_id", groupId).append(countField, count));
    }
}
