package org.gongkai.reporting.facts;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps the {@link FigureCounters} equal to the sum of the facts' contributions, without transactions: every fact
 * document records the contribution the counters hold for it ({@code counted}), and after every write to a fact its
 * counters are moved from {@code counted} to what the fact now contributes. A fact whose contribution did not change
 * (a redelivered event, an older decision arriving late) moves nothing; one that changed state (published later,
 * decided anew) moves its counts from the old bucket to the new one. The end state depends only on the facts, which
 * are order-independent, so the counters are too.
 * <p>
 * A move is a <em>transition</em> claimed on the fact itself ({@code counting}: a token, the target and the changes),
 * with a compare-and-set on the fact's content and {@code counted}, so only a move computed from the fact as it
 * stands can start, and one at a time per fact. Each counter document is then changed by one {@code $inc} that also
 * sets the marker {@code applied.<token>}, conditional on the marker's absence: running a transition again (after a
 * failure, or taking over a claim left by a process that died) never counts twice. Completing sets {@code counted}
 * and removes the claim; the markers are removed after that. A handler that finds another's claim waits for it (a
 * claim older than {@link #CLAIM_LEASE} is taken over), then checks the fact again, so no change is left uncounted.
 */
final class FigureCounting {

    static final String COUNTED = "counted";
    static final String COUNTING = "counting";
    /** A claim this old was left by a handler that failed or died; another takes it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;

    FigureCounting(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Moves the counters of fact {@code id} to its current contribution; returns once they hold it. */
    void reconcile(Class<?> type, String id, String factCollection, String countersCollection) {
        while (true) {
            Document fact = mongo.findById(id, Document.class, factCollection);
            if (fact == null) {
                return;
            }
            Document claim = fact.get(COUNTING, Document.class);
            if (claim != null) {
                Date claimedAt = claim.getDate("claimedAt");
                if (claimedAt.toInstant().plus(CLAIM_LEASE).isBefore(Instant.now()) && takeOver(id, factCollection, claim)) {
                    run(id, factCollection, countersCollection, claim);
                } else {
                    // another handler is moving this fact's counters (within milliseconds, unless it died)
                    pause();
                }
                continue;
            }
            List<String> counted = counted(fact);
            List<String> target = FigureCounters.contribution(mongo.getConverter().read(type, fact));
            if (counted.equals(target)) {
                return;
            }
            Document transition = new Document("token", UUID.randomUUID().toString()).append("claimedAt", new Date())
                    .append("to", target).append("changes", changes(counted, target));
            if (claim(type, id, factCollection, fact, transition)) {
                run(id, factCollection, countersCollection, transition);
            }
            // claimed or not, look again: the fact may have changed meanwhile
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> counted(Document fact) {
        Object counted = fact.get(COUNTED);
        return counted == null ? List.of() : (List<String>) counted;
    }

    /** Per counter document, per field, how much it moves (entries in both lists cancel out). */
    private static List<Document> changes(List<String> from, List<String> to) {
        Map<String, Long> delta = new TreeMap<>();
        to.forEach(entry -> delta.merge(entry, 1L, Long::sum));
        from.forEach(entry -> delta.merge(entry, -1L, Long::sum));
        List<Document> changes = new ArrayList<>();
        delta.forEach((entry, by) -> {
            if (by != 0) {
                int tab = entry.indexOf('\t');
                changes.add(new Document("doc", entry.substring(0, tab)).append("path", entry.substring(tab + 1)).append("by", by));
            }
        });
        return changes;
    }

    /** Claims the transition only if the fact is still exactly as read (its content and what it has counted). */
    private boolean claim(Class<?> type, String id, String factCollection, Document fact, Document transition) {
        Criteria unchanged = Criteria.where("_id").is(id).and(COUNTING).exists(false);
        for (RecordComponent component : type.getRecordComponents()) {
            if (!component.isAnnotationPresent(Id.class) && !component.getAccessor().isAnnotationPresent(Id.class)) {
                unchanged.and(component.getName()).is(fact.get(component.getName()));
            }
        }
        unchanged.and(COUNTED).is(fact.get(COUNTED));
        return mongo.updateFirst(Query.query(unchanged), new Update().set(COUNTING, transition), factCollection).getModifiedCount() == 1;
    }

    private boolean takeOver(String id, String factCollection, Document claim) {
        Date now = new Date();
        boolean taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(COUNTING + ".token").is(claim.getString("token"))
                        .and(COUNTING + ".claimedAt").is(claim.getDate("claimedAt"))),
                new Update().set(COUNTING + ".claimedAt", now), factCollection).getModifiedCount() == 1;
        if (taken) {
            claim.put("claimedAt", now);
        }
        return taken;
    }

    private void run(String id, String factCollection, String countersCollection, Document transition) {
        String token = transition.getString("token");
        Map<String, Map<String, Long>> byDocument = new LinkedHashMap<>();
        for (Document change : transition.getList("changes", Document.class)) {
            byDocument.computeIfAbsent(change.getString("doc"), d -> new LinkedHashMap<>())
                    .put(change.getString("path"), ((Number) change.get("by")).longValue());
        }
        try {
            byDocument.forEach((doc, increments) -> increment(countersCollection, doc, increments, token));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(COUNTING + ".token").is(token)),
                    new Update().set(COUNTED, transition.get("to")).unset(COUNTING), factCollection);
        } catch (RuntimeException e) {
            giveUp(id, factCollection, token);
            throw e;
        }
        for (String doc : byDocument.keySet()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(doc)), new Update().unset(marker(token)), countersCollection);
        }
    }

    /** One counter document's share of a transition, applied at most once whoever runs it. */
    private void increment(String countersCollection, String doc, Map<String, Long> increments, String token) {
        Update update = new Update().set(marker(token), true);
        increments.forEach(update::inc);
        Query notYet = Query.query(Criteria.where("_id").is(doc).and(marker(token)).exists(false));
        while (true) {
            try {
                mongo.upsert(notYet, update, countersCollection);
                return;
            } catch (DuplicateKeyException e) {
                // either already applied (the marker is there), or another upsert created the document first
                Document current = mongo.findById(doc, Document.class, countersCollection);
                if (current != null && applied(current, token)) {
                    return;
                }
            }
        }
    }

    private static boolean applied(Document counters, String token) {
        Document markers = counters.get(FigureCounters.APPLIED, Document.class);
        return markers != null && markers.containsKey(token);
    }

    /** Best effort: lets the next handler take the claim over at once instead of after the lease. */
    private void giveUp(String id, String factCollection, String token) {
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(COUNTING + ".token").is(token)),
                    new Update().set(COUNTING + ".claimedAt", new Date(0)), factCollection);
        } catch (RuntimeException ignored) {
            // the database is away: the claim expires with its lease
        }
    }

    private static String marker(String token) {
        return FigureCounters.APPLIED + "." + token;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another handler moved a fact's counters", e);
        }
    }
}
