package org.gongkai.reporting.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.gongkai.contracts.EventCatalog;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.reporting.facts.FactsProjection;
import org.gongkai.reporting.facts.FigureCounters;
import org.gongkai.reporting.facts.Period;
import org.gongkai.support.events.EventMetadata;
import org.gongkai.support.events.InboundEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.json.JsonMapper;

/**
 * What consuming comments costs in database round trips (issue 16; docs/performance.md): a batch of 100 comment events
 * is looked up in the inbox, folded into the facts and counters and logged with a fixed number of commands, not a few
 * per event, and every command on the large collections (the facts, the event log) names {@code _id} alone, which the
 * embedded wire server answers from its index instead of scanning.
 */
class ConsumptionRoundTripsTest {

    private static final Set<String> LARGE = Set.of("comment_facts", "event_log");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private MongoServer server;
    private MongoClient client;
    /** The commands sent, copied while the listener is called (the driver reuses the buffers afterwards). */
    private final List<Command> commands = new CopyOnWriteArrayList<>();

    private record Command(String name, BsonDocument body) {
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(new Command(event.getCommandName(), BsonDocument.parse(event.getCommand().toJson())));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString())).addCommandListener(listener).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchOfCommentsCostsAFewRoundTripsInAllAndTouchesTheLargeCollectionsByIdOnly() {
        MongoTemplate mongo = new MongoTemplate(client, "reporting");
        FactsProjection facts = new FactsProjection(mongo, List.of());
        EventLogInbox inbox = new EventLogInbox(mongo, JsonMapper.builder().build(),
                Clock.systemUTC());
        consume(facts, inbox, comments(0, 100)); // the collections are created by the first batch
        commands.clear();

        List<InboundEvents.Received> batch = comments(100, 100);
        consume(facts, inbox, batch);
        consume(facts, inbox, batch.subList(0, 10)); // a redelivery: found in the inbox, nothing written

        Map<String, Integer> byName = new TreeMap<>();
        commands.forEach(c -> byName.merge(c.name(), 1, Integer::sum));
        long writes = commands.stream().filter(c -> WRITES.contains(c.name())).count();
        assertThat(commands).as("commands for 100 new events and 10 redelivered: %s", byName).hasSizeLessThanOrEqualTo(13);
        assertThat(writes).as("writes for 100 new events: %s", byName).isLessThanOrEqualTo(8);
        for (Command command : commands) {
            String collection = command.body().getString(command.name(), new org.bson.BsonString("")).getValue();
            if (LARGE.contains(collection)) {
                for (BsonDocument filter : filters(command)) {
                    assertThat(filter.keySet()).as("%s on %s", command.name(), collection).containsExactly("_id");
                }
            }
        }
        assertThat(facts.counters(FigureCounters.halfIds(new Period(2026, 1))).get("2026-H1").get(FigureCounters.COUNTY,
                org.bson.Document.class).get(FigureCounters.COMMENTS)).isEqualTo(200L);
    }

    /** What the batch handler and the inbox do for one batch (ReportingEventsListener): look up, fold, record. */
    private static void consume(FactsProjection facts, InboundEvents.Inbox inbox, List<InboundEvents.Received> batch) {
        Set<String> handled = inbox.handledAmong(batch.stream().map(InboundEvents.Received::metadata).toList());
        List<InboundEvents.Received> fresh = batch.stream().filter(r -> !handled.contains(r.metadata().id())).toList();
        if (!fresh.isEmpty()) {
            facts.apply(fresh.stream().map(InboundEvents.Received::event).toList());
            inbox.recordHandled(fresh);
        }
    }

    private static List<InboundEvents.Received> comments(int first, int count) {
        List<InboundEvents.Received> batch = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Instant at = Instant.parse("2026-03-02T02:00:00Z").plusSeconds(i);
            CommentReceived comment = new CommentReceived("consultation-1", "comment-" + i, "safety-coordination", "WS-05", "WEBSITE", at);
            batch.add(new InboundEvents.Received(comment, new EventMetadata("event-" + i, EventCatalog.typeOf(CommentReceived.class),
                    "/gongkai/consultation-service", comment.subject(), at, null, null)));
        }
        return batch;
    }

    /** The filters a command selects documents with: a find's, each update's and each delete's. */
    private static List<BsonDocument> filters(Command command) {
        BsonDocument body = command.body();
        return switch (command.name()) {
            case "find", "count" -> List.of(body.getDocument("filter", new BsonDocument()));
            case "update" -> body.getArray("updates").stream().map(u -> u.asDocument().getDocument("q")).toList();
            case "delete" -> body.getArray("deletes").stream().map(d -> d.asDocument().getDocument("q")).toList();
            case "findAndModify" -> List.of(body.getDocument("query", new BsonDocument()));
            default -> List.of();
        };
    }
}
