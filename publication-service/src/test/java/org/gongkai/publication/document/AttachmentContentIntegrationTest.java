package org.gongkai.publication.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongkai.publication.PublicationTestSupport.draft;
import static org.gongkai.testsupport.TestHttp.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.gongkai.publication.PublicationTestSupport;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.testsupport.ServiceIntegrationTest;
import org.gongkai.testsupport.TestEvents;
import org.gongkai.testsupport.TestHttp.Response;
import org.gongkai.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;

import com.mongodb.client.model.Filters;

import org.gongkai.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Attachment content lives in GridFS: documents, lists and searches carry metadata only; downloads give the exact bytes. */
@ServiceIntegrationTest
class AttachmentContentIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestEvents events;
    @Autowired
    CatalogueSnapshots snapshots;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DocumentService service;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void catalogueIsKnown() {
        PublicationTestSupport.ensureCatalogue(events, snapshots);
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private Download download(String user, String documentId, int position) {
        return TestHttp.client(port).get().uri("/api/documents/" + documentId + "/attachments/" + position)
                .header("Authorization", "Bearer " + TestTokens.forUser(user))
                .exchange((req, res) -> new Download(res.getStatusCode().value(), res.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                        res.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), res.getBody().readAllBytes()));
    }

    private static Map<String, Object> file(String name, String mediaType, byte[] content) {
        return Map.of("name", name, "mediaType", mediaType, "contentBase64", Base64.getEncoder().encodeToString(content));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Document stored(String id) {
        return mongo.getCollection("documents").find(Filters.eq("_id", id)).first();
    }

    private long gridFsFiles(String contentId) {
        return mongo.getCollection("fs.files").countDocuments(Filters.eq("_id", contentId));
    }

    private String create(String number, List<Map<String, Object>> files) {
        Map<String, Object> body = draft(number, "PROACTIVE", null);
        body.put("attachments", files);
        Response created = call(port, "safety1", "POST", "/api/documents", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    @Test
    void theDocumentKeepsMetadataOnlyAndTheDownloadGivesTheExactBytes() {
        byte[] scan = randomBytes(700_000, 42); // more than one GridFS chunk
        byte[] note = "附件说明：危险化学品企业名单".getBytes(StandardCharsets.UTF_8);
        String scanBase64 = Base64.getEncoder().encodeToString(scan);
        String id = create("县应急〔2025〕101号", List.of(file("名单（扫描件）.pdf", "application/pdf", scan), file("说明.txt", "text/plain", note)));

        Document document = stored(id);
        List<Document> attachments = document.getList("attachments", Document.class);
        assertThat(attachments).hasSize(2);
        assertThat(attachments).allSatisfy(a -> assertThat(a).doesNotContainKey("contentBase64").containsKeys("checksum", "contentId"));
        assertThat(attachments.get(0).getString("name")).isEqualTo("名单（扫描件）.pdf");
        assertThat(attachments.get(0).getInteger("size")).isEqualTo(700_000);
        assertThat(document.toJson().length()).isLessThan(10_000);
        for (Document a : attachments) {
            assertThat(gridFsFiles(a.getString("contentId"))).isEqualTo(1);
        }
        call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null);
        assertThat(stored(id).getString("pendingStage")).isEqualTo("DISCLOSURE_OFFICE");

        Download first = download("safety1", id, 0);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(scan);
        assertThat(first.contentType()).isEqualTo("application/pdf");
        assertThat(first.disposition()).startsWith("attachment;").contains("filename*=UTF-8''");
        Download second = download("office", id, 1);
        assertThat(second.body()).isEqualTo(note);
        assertThat(second.contentType()).startsWith("text/plain");

        call(port, "office", "POST", "/api/documents/" + id + "/reviews", Map.of("decision", "APPROVE", "responsibleHead", "王局长"));
        call(port, "safety1", "POST", "/api/documents/" + id + "/issuance", Map.of("issuedOn", "2025-03-03"));
        assertThat(call(port, "office", "POST", "/api/documents/" + id + "/publication", Map.of("publishedOn", "2025-03-04")).status())
                .isEqualTo(200);
        // the review path and the publication clock keep their top-level fields
        assertThat(stored(id)).containsKeys("reviews", "issuedOn", "clockStartedOn", "publicationDueOn", "publicationDueOnConfirmed",
                "publishedOn", "attachments", "audit").doesNotContainKeys("reviewPath", "clock", "attachmentFiles", "changes");
        assertThat(download("safety1", id, 0).body()).isEqualTo(scan);
        String search = call(port, null, "GET", "/api/public/documents?q=" + "县应急〔2025〕101号", null).body();
        assertThat(search).contains(id).doesNotContain(scanBase64.substring(0, 200));

        String list = call(port, "office", "GET", "/api/documents?size=100", null).body();
        assertThat(list).contains(id, "名单（扫描件）.pdf").doesNotContain(scanBase64.substring(0, 200)).doesNotContain("contentBase64");
        // what a list or search reads from the database: the document without the bytes
        assertThat(mongo.getCollection("documents").countDocuments(Filters.and(Filters.eq("_id", id),
                Filters.exists("attachments.contentBase64")))).isZero();
        assertThat(mongo.getCollection("documents").countDocuments(Filters.and(Filters.eq("_id", id),
                Filters.exists("attachments.contentId")))).isOne();
    }

    @Test
    void downloadsAnswerLikeTheDocumentAndNameWhatIsMissing() {
        String id = create("县应急〔2025〕102号", List.of(file("说明.txt", "text/plain", "说明".getBytes(StandardCharsets.UTF_8))));
        assertThat(download("relief1", id, 0).status()).isEqualTo(404);
        assertThat(download("safety1", "no-such-document", 0).status()).isEqualTo(404);
        Download missing = download("safety1", id, 1);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("urn:gongkai:problem:attachment-not-found", "该文件没有第 2 个附件。");
        assertThat(download("safety1", id, 10).status()).isEqualTo(400);
        assertThat(download("safety1", id, -1).status()).isEqualTo(400);
    }

    @Test
    void uploadsKeepTheirLimitsAndAFailedDraftLeavesNoContentBehind() {
        long files = mongo.getCollection("fs.files").countDocuments();
        Response tooLarge = call(port, "safety1", "POST", "/api/documents", withFiles(draft("县应急〔2025〕103号", "PROACTIVE", null),
                List.of(file("大.pdf", "application/pdf", new byte[Attachments.MAX_BYTES + 1]))));
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("urn:gongkai:problem:attachment-too-large", "附件“大.pdf”不能为空，且不能超过 5 MB。");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(file("附件" + i + ".txt", "text/plain", ("内容" + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(call(port, "safety1", "POST", "/api/documents", withFiles(draft("县应急〔2025〕104号", "PROACTIVE", null), eleven)).status())
                .isEqualTo(400);

        create("县应急〔2025〕105号", List.of());
        Response duplicate = call(port, "safety2", "POST", "/api/documents", withFiles(draft("县应急〔2025〕105号", "PROACTIVE", null),
                List.of(file("重复.pdf", "application/pdf", randomBytes(1000, 7)))));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);
    }

    private static Map<String, Object> withFiles(Map<String, Object> draft, List<Map<String, Object>> files) {
        draft.put("attachments", files);
        return draft;
    }

    @Test
    void aRevisionKeepsTheContentItKeepsAndRemovesTheContentItDropped() {
        byte[] kept = randomBytes(3000, 1);
        byte[] dropped = randomBytes(3000, 2);
        String id = create("县应急〔2025〕106号", List.of(file("保留.pdf", "application/pdf", kept), file("删除.pdf", "application/pdf", dropped)));
        List<Document> before = stored(id).getList("attachments", Document.class);
        String keptId = before.get(0).getString("contentId");
        String droppedId = before.get(1).getString("contentId");

        Map<String, Object> revised = withFiles(draft("县应急〔2025〕106号", "PROACTIVE", null),
                List.of(file("保留（改名）.pdf", "application/pdf", kept)));
        assertThat(call(port, "safety1", "PUT", "/api/documents/" + id, revised).status()).isEqualTo(200);

        assertThat(stored(id).getList("attachments", Document.class)).extracting(a -> a.getString("contentId")).containsExactly(keptId);
        assertThat(gridFsFiles(keptId)).isEqualTo(1);
        assertThat(gridFsFiles(droppedId)).isZero();
        assertThat(download("safety1", id, 0).body()).isEqualTo(kept);
    }

    @Test
    void aDocumentStoredWithInlineContentIsStillDownloadableAndMovesItOutAtItsNextSave() {
        byte[] old = randomBytes(5000, 3);
        String id = create("县应急〔2025〕107号", List.of());
        mongo.getCollection("documents").updateOne(Filters.eq("_id", id), new Document("$set", new Document("attachments",
                List.of(new Document("name", "旧附件.pdf").append("mediaType", "application/pdf").append("size", 5000)
                        .append("contentBase64", Base64.getEncoder().encodeToString(old))))));

        JsonNode view = json.readTree(call(port, "safety1", "GET", "/api/documents/" + id, null).body());
        assertThat(view.get("attachments").get(0).get("name").asString()).isEqualTo("旧附件.pdf");
        assertThat(view.get("attachments").get(0).has("contentBase64")).isFalse();
        assertThat(download("safety1", id, 0).body()).isEqualTo(old);

        assertThat(call(port, "safety1", "POST", "/api/documents/" + id + "/submission", null).status()).isEqualTo(200);
        Document moved = stored(id).getList("attachments", Document.class).get(0);
        assertThat(moved).doesNotContainKey("contentBase64");
        assertThat(gridFsFiles(moved.getString("contentId"))).isEqualTo(1);
        assertThat(download("office", id, 0).body()).isEqualTo(old);
    }

    @Test
    void atStartUpDocumentsStoredWithInlineContentMoveItOut() {
        byte[] old = randomBytes(4000, 4);
        String id = create("县应急〔2025〕108号", List.of());
        mongo.getCollection("documents").updateOne(Filters.eq("_id", id), new Document("$set", new Document("attachments",
                List.of(new Document("name", "旧附件.pdf").append("mediaType", "application/pdf").append("size", 4000)
                        .append("contentBase64", Base64.getEncoder().encodeToString(old))))));

        assertThat(service.moveInlineAttachmentContentOut()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.getCollection("documents").countDocuments(Filters.exists("attachments.contentBase64"))).isZero();
        Document moved = stored(id).getList("attachments", Document.class).get(0);
        assertThat(gridFsFiles(moved.getString("contentId"))).isEqualTo(1);
        assertThat(download("safety1", id, 0).body()).isEqualTo(old);
        assertThat(service.moveInlineAttachmentContentOut()).isZero();
    }
}
