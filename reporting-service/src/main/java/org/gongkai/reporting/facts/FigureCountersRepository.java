package org.gongkai.reporting.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps the {@link FigureCounters} equal to the sum of the facts' contributions, without transactions. Every fact
 * document records the contribution the counters hold for it ({@code counted}); each write to a fact is followed by
 * moving its counters from {@code counted} to what the fact now contributes. A write that changed nothing that counts
 * (a redelivered event, an older decision arriving late) moves nothing; a fact that changed state (published later,
 * decided anew) moves its counts from the old bucket to the new one. The end state depends only on the facts, which
 * do not depend on the order of delivery, so neither do the counters.
 * <p>
 * One writer at a time per fact: the write and the move happen under a claim, a document of the small collection
 * {@value #CLAIMS} keyed by the fact (created with a unique {@code _id}, so two claims cannot coexist; everything on
 * the large fact collections is looked up by {@code _id} alone, which the embedded wire server serves from its index).
 * The move is first recorded in the claim (a token, the target, the changes); each counter document is then changed by
 * one {@code $inc} that also sets the marker {@code applied.<token>}, conditional on the marker's absence, so a move
 * run again — by the redelivered event after a failure, or by whoever takes over a claim left by a process that died —
 * never counts twice. Then {@code counted} is set, the claim removed, and the markers after it. A claim older than
 * {@link #CLAIM_LEASE} (or given up by a failing handler) is taken over and its recorded move completed first.
 */
final class FigureCountersRepository {

    static final String CLAIMS = "figure_claims";
    static final String COUNTED = "counted";
    /** A claim this old was left by a handler that died; another takes it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureCountersRepository.class);

    private final MongoTemplate mongo;

    FigureCountersRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Runs {@code write} (which returns the fact as it now stands, or {@code null} if there is none) under the fact's
     * claim, then moves the counters to the fact's contribution.
     */
    void write(Class<?> type, String id, String factCollection, String countersCollection, Supplier<Document> write) {
        String key = factCollection + "|" + id;
        String owner = UUID.randomUUID().toString();
        claim(key, owner, id, factCollection, countersCollection);
        Document transition = null;
        try {
            Document fact = write.get();
            if (fact != null) {
                List<String> counted = counted(fact);
                List<String> target = FigureCounters.contribution(mongo.getConverter().read(type, fact));
                if (!counted.equals(target)) {
                    transition = new Document("token", UUID.randomUUID().toString()).append("to", target)
                            .append("changes", changes(counted, target));
                    boolean stillMine = mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)),
                            new Update().set("transition", transition), CLAIMS).getModifiedCount() == 1;
                    if (!stillMine) {
                        throw new IllegalStateException("the claim on " + key + " was taken over");
                    }
                    complete(id, factCollection, countersCollection, transition);
                }
            }
            mongo.remove(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)), CLAIMS);
        } catch (RuntimeException e) {
            giveUp(key, owner);
            throw e;
        }
        if (transition != null) {
            removeMarkers(countersCollection, transition);
        }
    }

    /** Takes the fact's claim, waiting for another holder to finish (milliseconds), or taking over one left behind. */
    private void claim(String key, String owner, String id, String factCollection, String countersCollection) {
        while (true) {
            try {
                mongo.insert(new Document("_id", key).append("owner", owner).append("claimedAt", new Date()), CLAIMS);
                return;
            } catch (DuplicateKeyException held) {
                Document claim = mongo.findById(key, Document.class, CLAIMS);
                if (claim != null && claim.getDate("claimedAt").toInstant().plus(CLAIM_LEASE).isBefore(Instant.now())
                        && takeOver(key, claim, owner)) {
                    Document transition = claim.get("transition", Document.class);
                    if (transition != null) {
                        complete(id, factCollection, countersCollection, transition);
                        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)),
                                new Update().unset("transition"), CLAIMS);
                        removeMarkers(countersCollection, transition);
                    }
                    return;
                }
                if (claim != null) {
                    pause();
                }
            }
        }
    }

    private boolean takeOver(String key, Document claim, String owner) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("owner").is(claim.getString("owner"))
                        .and("claimedAt").is(claim.getDate("claimedAt"))),
                new Update().set("owner", owner).set("claimedAt", new Date()), CLAIMS).getModifiedCount() == 1;
    }

    /** Applies a recorded move to the counters (at most once each) and records it on the fact. */
    private void complete(String id, String factCollection, String countersCollection, Document transition) {
        String token = transition.getString("token");
        byDocument(transition).forEach((doc, increments) -> increment(countersCollection, doc, increments, token));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(COUNTED, transition.get("to")), factCollection);
    }

    private static Map<String, Map<String, Long>> byDocument(Document transition) {
        Map<String, Map<String, Long>> byDocument = new LinkedHashMap<>();
        for (Document change : transition.getList("changes", Document.class)) {
            byDocument.computeIfAbsent(change.getString("doc"), d -> new LinkedHashMap<>())
                    .put(change.getString("path"), ((Number) change.get("by")).longValue());
        }
        return byDocument;
    }

    /** One counter document's share of a move, applied at most once whoever runs it. */
    private void increment(String countersCollection, String doc, Map<String, Long> increments, String token) {
        Update update = new Update().set(marker(token), true);
        increments.forEach(update::inc);
        // the counter collection holds a few documents per half-year: a query beyond _id scans only those
        Query notYet = Query.query(Criteria.where("_id").is(doc).and(marker(token)).exists(false));
        while (true) {
            try {
                mongo.upsert(notYet, update, countersCollection);
                return;
            } catch (DuplicateKeyException e) {
                // either applied already (the marker is there), or another upsert created the document first
                Document current = mongo.findById(doc, Document.class, countersCollection);
                Document markers = current == null ? null : current.get(FigureCounters.APPLIED, Document.class);
                if (markers != null && markers.containsKey(token)) {
                    return;
                }
            }
        }
    }

    /** Once the move is complete the markers only take room: one left behind by a failure here is harmless. */
    private void removeMarkers(String countersCollection, Document transition) {
        String token = transition.getString("token");
        try {
            for (String doc : byDocument(transition).keySet()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(doc)), new Update().unset(marker(token)), countersCollection);
            }
        } catch (RuntimeException e) {
            log.warn("could not remove the markers of the completed counter move {}: {}", token, e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> counted(Document fact) {
        Object counted = fact.get(COUNTED);
        return counted == null ? List.of() : (List<String>) counted;
    }

    /** Per counter document and field, how much it moves (entries in both lists cancel out). */
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

    /** Best effort: lets the redelivery take the claim over at once instead of after the lease. */
    private void giveUp(String key, String owner) {
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("owner").is(owner)),
                    new Update().set("claimedAt", new Date(0)), CLAIMS);
        } catch (RuntimeException ignored) {
            // the database is away: the claim expires with its lease
        }
    }

    private static String marker(String token) {
        return FigureCounters.APPLIED + "." + token;
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fact's claim", e);
        }
    }
}
