package org.gongkai.reporting.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Keeps the {@link FigureCounters} equal to the sum of the facts' contributions, without transactions, for a batch of
 * events at a time. Every fact document records the contribution the counters hold for it ({@code counted}); a batch
 * moves the counters of every fact it changes from {@code counted} to what the fact now contributes, and sets
 * {@code counted} in the same write as the fact's new fields. A write that changes nothing that counts (a redelivered
 * event, an older decision arriving late) moves nothing; a fact that changed state (published later, decided anew)
 * moves its counts from the old bucket to the new one. The end state depends only on the facts, which do not depend on
 * the order of delivery, so neither do the counters.
 * <p>
 * One writer at a time per fact: a batch first claims every fact it touches, with documents of the small collection
 * {@value #CLAIMS} keyed by the fact (inserted in key order with unique {@code _id}s, so two claims on a fact cannot
 * coexist and two batches cannot wait for each other in a circle). Under the claims it reads the facts (by {@code _id}),
 * applies the events to them in memory, and records the whole move — every fact's new fields and {@code counted}, and
 * the summed counter changes — in one document of {@value #MOVES}, keyed by a token that each claim names. Then the
 * facts are written (one bulk write), each counter document is changed by one {@code $inc} that also sets the marker
 * {@code applied.<token>}, conditional on the marker's absence, so a move run again never counts twice; then the claims,
 * the move and the markers are removed. Everything on the large fact collections is looked up by {@code _id} alone,
 * which the embedded wire server serves from its index.
 * <p>
 * A claim older than {@link #CLAIM_LEASE} (or given up by a failing batch) is taken over: the taker settles the move
 * its claim names first. The move's document is created by the taker if the owner never recorded it (marked cancelled,
 * so a late owner's insert fails and it gives up); if it was recorded, the taker applies its counter changes (at most
 * once, by the markers) and the fact's new fields. The markers of a move settled by a taker stay (a few bytes, only
 * after a failure).
 */
final class FigureCountersRepository {

    static final String CLAIMS = "figure_claims";
    static final String MOVES = "figure_moves";
    static final String COUNTED = "counted";
    /** A claim this old was left by a batch that died; another takes it over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureCountersRepository.class);

    private final MongoTemplate mongo;

    FigureCountersRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One event's change to one fact: given the fact as it stands (its stored fields, {@code null} if there is none
     * yet), the fields to set (empty for none), already in their stored form.
     */
    record FactWrite(Class<?> type, String collection, String id, Function<Document, Document> change) {

        String key() {
            return collection + "|" + id;
        }
    }

    /** Applies the writes, in order, under the claims of their facts, and moves the counters to the facts' contributions. */
    void write(List<FactWrite> writes, String countersCollection) {
        if (writes.isEmpty()) {
            return;
        }
        Map<String, List<FactWrite>> byFact = new TreeMap<>(); // key order: claims are always taken in the same order
        writes.forEach(w -> byFact.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w));
        List<String> keys = List.copyOf(byFact.keySet());
        String owner = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        boolean moveRecorded = false;
        try {
            claimAll(byFact, owner, token, countersCollection);
            Map<String, Document> current = read(byFact);
            List<Document> factSets = new ArrayList<>();
            Map<String, Long> delta = new TreeMap<>();
            byFact.forEach((key, factWrites) -> {
                FactWrite first = factWrites.get(0);
                Document stored = current.get(key);
                Document fact = stored == null ? new Document("_id", first.id()) : new Document(stored);
                Document set = new Document();
                for (FactWrite w : factWrites) {
                    Document fields = w.change().apply(stored == null && set.isEmpty() ? null : fact);
                    fact.putAll(fields);
                    set.putAll(fields);
                }
                List<String> counted = counted(fact);
                List<String> target = FigureCounters.contribution(mongo.getConverter().read(first.type(), fact));
                if (!counted.equals(target)) {
                    set.put(COUNTED, target);
                    target.forEach(entry -> delta.merge(entry, 1L, Long::sum));
                    counted.forEach(entry -> delta.merge(entry, -1L, Long::sum));
                }
                if (!set.isEmpty()) {
                    factSets.add(new Document("collection", first.collection()).append("id", first.id()).append("set", set));
                }
            });
            List<Document> changes = changes(delta);
            if (!changes.isEmpty()) {
                moveRecorded = true; // from here on a failure may leave the move recorded: a taker must settle it
                collection(MOVES).insertOne(new Document("_id", token).append("owner", owner).append("at", new Date())
                        .append("facts", factSets).append("changes", changes));
                setFacts(factSets);
                increment(countersCollection, changes, token);
            } else {
                setFacts(factSets); // nothing counts differently: the facts' fields only, and no move to record
            }
            long released = collection(CLAIMS).deleteMany(Filters.and(Filters.in("_id", keys), Filters.eq("owner", owner)))
                    .getDeletedCount();
            if (!changes.isEmpty() && released == keys.size()) {
                // no claim of this move was taken over, so no one else will settle it: its record and markers can go
                tidyUp(countersCollection, changes, token);
            }
        } catch (RuntimeException e) {
            if (moveRecorded) {
                giveUp(keys, owner);
            } else {
                release(keys, owner);
            }
            throw e;
        }
    }

    /** Once the move is complete its record and markers only take room: left behind by a failure here, they are harmless. */
    private void tidyUp(String countersCollection, List<Document> changes, String token) {
        try {
            collection(MOVES).deleteOne(Filters.eq("_id", token));
            List<WriteModel<Document>> models = new ArrayList<>();
            for (String doc : byDocument(changes).keySet()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", doc), Updates.unset(marker(token))));
            }
            collection(countersCollection).bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            log.warn("could not remove the record and markers of the completed counter move {}: {}", token, e.toString());
        }
    }

    /** The facts under claim as stored, by key: one query by {@code _id} per fact collection. */
    private Map<String, Document> read(Map<String, List<FactWrite>> byFact) {
        Map<String, List<String>> idsByCollection = new LinkedHashMap<>();
        byFact.values().forEach(w -> idsByCollection.computeIfAbsent(w.get(0).collection(), c -> new ArrayList<>()).add(w.get(0).id()));
        Map<String, Document> byKey = new HashMap<>();
        idsByCollection.forEach((collection, ids) -> {
            for (Document fact : collection(collection).find(Filters.in("_id", ids))) {
                byKey.put(collection + "|" + fact.get("_id"), fact);
            }
        });
        return byKey;
    }

    /** Each fact's new fields and {@code counted}, one bulk write per fact collection (upserts by {@code _id}). */
    private void setFacts(List<Document> factSets) {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        for (Document f : factSets) {
            byCollection.computeIfAbsent(f.getString("collection"), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(Filters.eq("_id", f.get("id")), new Document("$set", f.get("set", Document.class)),
                            new UpdateOptions().upsert(true)));
        }
        byCollection.forEach((collection, models) -> collection(collection).bulkWrite(models, new BulkWriteOptions().ordered(false)));
    }

    /**
     * Takes every fact's claim in key order: one insert for all of them, and where a fact is held by another batch,
     * waiting for it (milliseconds), or taking over a claim left behind, before going on with the next keys.
     */
    private void claimAll(Map<String, List<FactWrite>> byFact, String owner, String token, String countersCollection) {
        List<Document> claims = new ArrayList<>();
        byFact.forEach((key, w) -> claims.add(new Document("_id", key).append("owner", owner).append("move", token)
                .append("collection", w.get(0).collection()).append("fact", w.get(0).id())));
        int next = 0;
        while (next < claims.size()) {
            List<Document> rest = claims.subList(next, claims.size());
            Date now = new Date();
            rest.forEach(c -> c.put("claimedAt", now));
            try {
                collection(CLAIMS).insertMany(new ArrayList<>(rest), new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException held) {
                BulkWriteError first = held.getWriteErrors().get(0);
                if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw held;
                }
                next += first.getIndex(); // those before it are ours now
                if (waitOrTakeOver(claims.get(next), owner, token, countersCollection)) {
                    next++;
                }
            }
        }
    }

    /** Whether the held claim became ours (taken over and settled); otherwise it was released, or is still held. */
    private boolean waitOrTakeOver(Document wanted, String owner, String token, String countersCollection) {
        String key = wanted.getString("_id");
        Document claim = collection(CLAIMS).find(Filters.eq("_id", key)).first();
        if (claim == null) {
            return false; // released meanwhile: insert it again
        }
        if (claim.getDate("claimedAt").toInstant().plus(CLAIM_LEASE).isAfter(Instant.now())) {
            pause();
            return false;
        }
        boolean takenOver = collection(CLAIMS).updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", claim.getString("owner")),
                        Filters.eq("claimedAt", claim.getDate("claimedAt"))),
                Updates.combine(Updates.set("owner", owner), Updates.set("move", token), Updates.set("claimedAt", new Date()),
                        Updates.unset("transition"))).getModifiedCount() == 1;
        if (!takenOver) {
            return false;
        }
        log.warn("took over the claim on {} left by a batch that did not finish; settling its move", key);
        settle(claim, countersCollection);
        return true;
    }

    /** Completes (or cancels, if it was never recorded) the move that a taken-over claim names, for that claim's fact. */
    private void settle(Document claim, String countersCollection) {
        String key = claim.getString("_id");
        Document legacy = claim.get("transition", Document.class);
        if (legacy != null) {
            // a claim of the per-event protocol before batches: its move changes the counters and that fact's counted
            String collection = key.substring(0, key.indexOf('|'));
            increment(countersCollection, legacy.getList("changes", Document.class), legacy.getString("token"));
            collection(collection).updateOne(Filters.eq("_id", key.substring(key.indexOf('|') + 1)), Updates.set(COUNTED, legacy.get("to")));
            return;
        }
        String token = claim.getString("move");
        if (token == null) {
            return; // a claim of the per-event protocol that had not recorded its move: nothing was counted
        }
        Document move = collection(MOVES).findOneAndUpdate(Filters.eq("_id", token),
                Updates.setOnInsert("cancelled", new Date()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (move == null || !move.containsKey("changes")) {
            return; // never recorded, and now it cannot be: the owner's insert fails and it gives up
        }
        increment(countersCollection, move.getList("changes", Document.class), token);
        List<Document> mine = move.getList("facts", Document.class).stream()
                .filter(f -> key.equals(f.getString("collection") + "|" + f.get("id"))).toList();
        setFacts(mine);
    }

    /** Per counter document and field, how much it moves (entries in both contributions cancel out). */
    private static List<Document> changes(Map<String, Long> delta) {
        List<Document> changes = new ArrayList<>();
        delta.forEach((entry, by) -> {
            if (by != 0) {
                int tab = entry.indexOf('\t');
                changes.add(new Document("doc", entry.substring(0, tab)).append("path", entry.substring(tab + 1)).append("by", by));
            }
        });
        return changes;
    }

    private static Map<String, Map<String, Long>> byDocument(List<Document> changes) {
        Map<String, Map<String, Long>> byDocument = new LinkedHashMap<>();
        for (Document change : changes) {
            byDocument.computeIfAbsent(change.getString("doc"), d -> new LinkedHashMap<>())
                    .put(change.getString("path"), ((Number) change.get("by")).longValue());
        }
        return byDocument;
    }

    /**
     * A move's share of each counter document, applied at most once whoever runs it: one upsert per document,
     * conditional on the move's marker being absent, all in one bulk write.
     */
    private void increment(String countersCollection, List<Document> changes, String token) {
        Map<String, Map<String, Long>> pending = byDocument(changes);
        while (!pending.isEmpty()) {
            List<String> docs = List.copyOf(pending.keySet());
            List<WriteModel<Document>> models = new ArrayList<>();
            for (String doc : docs) {
                List<Bson> updates = new ArrayList<>();
                updates.add(Updates.set(marker(token), true));
                pending.get(doc).forEach((path, by) -> updates.add(Updates.inc(path, by)));
                // the counter collection holds a few documents per half-year: a query beyond _id scans only those
                models.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", doc), Filters.exists(marker(token), false)),
                        Updates.combine(updates), new UpdateOptions().upsert(true)));
            }
            try {
                collection(countersCollection).bulkWrite(models, new BulkWriteOptions().ordered(false));
                return;
            } catch (MongoBulkWriteException e) {
                Map<String, Map<String, Long>> again = new LinkedHashMap<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // either applied already (the marker is there), or another upsert created the document first
                    String doc = docs.get(error.getIndex());
                    if (!applied(countersCollection, doc, token)) {
                        again.put(doc, pending.get(doc));
                    }
                }
                pending = again;
            }
        }
    }

    private boolean applied(String countersCollection, String doc, String token) {
        Document current = collection(countersCollection).find(Filters.eq("_id", doc)).first();
        Document markers = current == null ? null : current.get(FigureCounters.APPLIED, Document.class);
        return markers != null && markers.containsKey(token);
    }

    @SuppressWarnings("unchecked")
    private static List<String> counted(Document fact) {
        Object counted = fact.get(COUNTED);
        return counted == null ? List.of() : (List<String>) counted;
    }

    /** Best effort, before the move was recorded: nothing was counted, so the claims simply go. */
    private void release(List<String> keys, String owner) {
        try {
            collection(CLAIMS).deleteMany(Filters.and(Filters.in("_id", keys), Filters.eq("owner", owner)));
        } catch (RuntimeException ignored) {
            // the database is away: the claims expire with their lease
        }
    }

    /** Best effort, once the move may be recorded: lets the redelivery take the claims over at once, not after the lease. */
    private void giveUp(List<String> keys, String owner) {
        try {
            collection(CLAIMS).updateMany(Filters.and(Filters.in("_id", keys), Filters.eq("owner", owner)),
                    Updates.set("claimedAt", new Date(0)));
        } catch (RuntimeException ignored) {
            // the database is away: the claims expire with their lease
        }
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
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
