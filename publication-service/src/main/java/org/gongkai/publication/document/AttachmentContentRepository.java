package org.gongkai.publication.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Repository;

import com.mongodb.client.gridfs.model.GridFSFile;

/**
 * Attachment content in GridFS ({@code fs.files}, {@code fs.chunks}), by the content id the document refers to. Any
 * write of a document first stores the content it received (so a saved document never refers to content that is not
 * there), and after the write removes the content it released. Without transactions a failed write can leave stored
 * content that no document refers to; never the other way round.
 */
@Repository
class AttachmentContentRepository implements BeforeConvertCallback<PolicyDocument>, AfterSaveCallback<PolicyDocument> {

    /** Looked up when first used: the mapping converter that GridFS needs asks for this callback while it is built. */
    private final ObjectProvider<GridFsTemplate> gridFsTemplate;

    AttachmentContentRepository(ObjectProvider<GridFsTemplate> gridFsTemplate) {
        this.gridFsTemplate = gridFsTemplate;
    }

    @Override
    public PolicyDocument onBeforeConvert(PolicyDocument document, String collection) {
        Attachments attachments = document.attachmentFiles();
        Map<String, String> names = new java.util.HashMap<>();
        attachments.list().forEach(a -> names.put(a.contentId(), a.name()));
        attachments.unstoredContent().forEach((contentId, bytes) -> store(contentId, names.get(contentId), document.id(), bytes));
        attachments.contentStored();
        return document;
    }

    @Override
    public PolicyDocument onAfterSave(PolicyDocument document, Document saved, String collection) {
        Attachments attachments = document.attachmentFiles();
        delete(attachments.releasedContent());
        attachments.releasedContentRemoved();
        return document;
    }

    private void store(String contentId, String name, String documentId, byte[] bytes) {
        GridFsTemplate gridFs = gridFsTemplate.getObject();
        if (gridFs.findOne(byId(contentId)) != null) {
            return; // stored by an earlier write that did not complete, or by a concurrent one
        }
        gridFs.store(GridFsUpload.fromStream(new ByteArrayInputStream(bytes)).id(contentId).filename(name)
                .metadata(new Document("documentId", documentId)).build());
    }

    /** The stored bytes of one attachment, if the store has them. */
    Optional<byte[]> read(String contentId) {
        GridFsTemplate gridFs = gridFsTemplate.getObject();
        GridFSFile file = gridFs.findOne(byId(contentId));
        if (file == null) {
            return Optional.empty();
        }
        try (var in = gridFs.getResource(file).getInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Collection<String> contentIds) {
        if (!contentIds.isEmpty()) {
            gridFsTemplate.getObject().delete(Query.query(Criteria.where("_id").in(contentIds)));
        }
    }

    private static Query byId(String contentId) {
        return Query.query(Criteria.where("_id").is(contentId));
    }
}
