package org.gongkai.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Lists over a growing data set (issue 16: a list's p99 must stay flat from 1,000 to 100,000 records). The data set
 * grows in steps; at each step the staff comment list of the benchmark's consultation and safety1's section list of
 * documents are measured, page 0 of size 20, at a low concurrency (a latency measurement, not a throughput one).
 * <ul>
 * <li>Documents are drafted through publication-service's API, as a section would (10,000 take a few minutes).</li>
 * <li>Comments beyond those the run stored through HTTP are copies of one stored comment, made in
 * consultation-service's database (each with its own id, receipt and submission key), and each copy's
 * {@code comment-received} event is published to the consultation exchange as consultation-service's relay publishes
 * it, so reporting counts every comment. Submitting 100,000 through HTTP would take longer than the rest of the
 * benchmark together; a list's cost depends on what is stored, not on how it got there.</li>
 * </ul>
 */
final class LargeDataSet {

    static final String COMMENT_RECEIVED = "gongkai.consultation.comment-received.v1";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int INSERT_BATCH = 1_000;

    private final HttpClient http;
    private final String publication;
    private final String consultation;
    private final Supplier<String> staffToken;
    private final String mongoUri;
    private final ConnectionFactory amqp = new ConnectionFactory();
    private final String namespace;
    private final String consultationId;
    private final AtomicLong sequence;
    private final Duration listTime;
    private final int listConcurrency;
    private final int draftConcurrency;
    private final Map<String, Load.Result> lists = new LinkedHashMap<>();
    private long documents;
    private long commentsCopied;

    LargeDataSet(HttpClient http, String publication, String consultation, Supplier<String> staffToken, String mongoUri,
            String amqpHost, int amqpPort, String namespace, String consultationId, AtomicLong sequence, Duration listTime,
            int listConcurrency, int draftConcurrency) {
        this.http = http;
        this.publication = publication;
        this.consultation = consultation;
        this.staffToken = staffToken;
        this.mongoUri = mongoUri;
        amqp.setHost(amqpHost);
        amqp.setPort(amqpPort);
        this.namespace = namespace;
        this.consultationId = consultationId;
        this.sequence = sequence;
        this.listTime = listTime;
        this.listConcurrency = listConcurrency;
        this.draftConcurrency = draftConcurrency;
    }

    /** Drafts documents through the API until there are {@code total}; answers the drafting rate's result. */
    Load.Result draftDocumentsUpTo(long total) throws InterruptedException {
        long wanted = total - documents;
        AtomicLong drafted = new AtomicLong();
        Load.Result all = null;
        double perSecond = 50; // a first guess; each slice measures it again
        while (drafted.get() < wanted) {
            // slices of at most 5 s, shorter near the end, so it stops close to the number wanted
            long left = wanted - drafted.get();
            Duration sliceTime = Duration.ofMillis(Math.max(200, Math.min(5_000, (long) (left * 1000 / perSecond))));
            Load.Result slice = Load.run("draft documents direct", http, this::draft, 201, sliceTime,
                    draftConcurrency, sequence);
            perSecond = Math.max(1, slice.perSecond());
            if (slice.ok() == 0) {
                throw new IllegalStateException("no document drafted: " + slice.others());
            }
            drafted.addAndGet(slice.ok());
            all = all == null ? slice : all.plus(slice);
        }
        documents += drafted.get();
        return all;
    }

    /**
     * Copies one stored comment of the consultation until it holds {@code total} ({@code stored} now: those stored
     * through HTTP and the copies made before), publishing each copy's event; answers how many were copied.
     */
    long copyCommentsUpTo(long total, long stored) throws Exception {
        long wanted = total - stored;
        if (wanted <= 0) {
            return 0;
        }
        try (MongoClient mongo = MongoClients.create(mongoUri);
             Connection connection = amqp.newConnection("gongkai-benchmark-seed")) {
            MongoCollection<Document> comments = mongo.getDatabase("consultation-service").getCollection("comments");
            Document template = comments.find(Filters.eq("consultationId", consultationId)).first();
            if (template == null) {
                throw new IllegalStateException("no stored comment of consultation " + consultationId + " to copy");
            }
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            String exchange = namespace + ".consultation";
            List<Document> batch = new ArrayList<>(INSERT_BATCH);
            for (long i = 0; i < wanted; i++) {
                Document copy = copyOf(template);
                batch.add(copy);
                if (batch.size() == INSERT_BATCH || i == wanted - 1) {
                    comments.insertMany(batch);
                    for (Document c : batch) {
                        publish(channel, exchange, c);
                    }
                    channel.waitForConfirmsOrDie(TIMEOUT.toMillis());
                    batch.clear();
                }
            }
        }
        commentsCopied += wanted;
        return wanted;
    }

    /** Measures both lists at the data set's present size. */
    void measureLists(long comments) throws InterruptedException {
        String commentList = consultation + "/api/consultations/" + consultationId + "/comments?page=0&size=20";
        String documentList = publication + "/api/documents?page=0&size=20";
        Load.Result c = Load.run("comment list @" + comments, http, n -> get(commentList), 200, listTime, listConcurrency, sequence);
        Load.Result d = Load.run("section document list @" + documents, http, n -> get(documentList), 200, listTime,
                listConcurrency, sequence);
        lists.put("list_comments_p99_ms_" + comments, c);
        lists.put("list_documents_p99_ms_" + documents, d);
    }

    Map<String, Load.Result> lists() {
        return lists;
    }

    long documents() {
        return documents;
    }

    long commentsCopied() {
        return commentsCopied;
    }

    private Document copyOf(Document template) {
        Document copy = new Document(template);
        String id = UUID.randomUUID().toString();
        copy.put("_id", id);
        copy.put("receipt", "BENCH" + id.replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT));
        copy.put("submissionKey", consultationId + ":" + id);
        copy.put("receivedAt", Date.from(Instant.now()));
        copy.remove("outbox");
        copy.put("revision", 0L);
        return copy;
    }

    private void publish(Channel channel, String exchange, Document comment) throws Exception {
        String data = """
                {"consultationId":"%s","commentId":"%s","section":"%s","catalogueItemCode":"%s","channel":"%s","receivedAt":"%s"}"""
                .formatted(consultationId, comment.getString("_id"), comment.getString("section"),
                        comment.getString("catalogueItemCode"), comment.getString("channel"),
                        comment.getDate("receivedAt").toInstant());
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("cloudEvents:specversion", "1.0");
        headers.put("cloudEvents:id", UUID.randomUUID().toString());
        headers.put("cloudEvents:source", "/gongkai/consultation-service");
        headers.put("cloudEvents:type", COMMENT_RECEIVED);
        headers.put("cloudEvents:time", Instant.now().toString());
        headers.put("cloudEvents:subject", comment.getString("_id"));
        headers.put("cloudEvents:datacontenttype", "application/json");
        headers.put("contentType", "application/json");
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).headers(headers).build();
        channel.basicPublish(exchange, namespace + ".consultation", properties, data.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest draft(long n) {
        String body = """
                {"documentNumber":"县应急〔2026〕基%d号","title":"关于开展危险化学品安全专项整治的通知（基准测试第%d份）",
                 "body":"各乡镇：为防范危险化学品事故，现就专项整治通知如下。","catalogueItemCode":"WS-03",
                 "issuedInCountyName":false,"disclosureAttribute":"PROACTIVE","mayInvolveStateSecrets":false}"""
                .formatted(n, n);
        return HttpRequest.newBuilder(URI.create(publication + "/api/documents")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + staffToken.get())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + staffToken.get())
                .GET().build();
    }
}
