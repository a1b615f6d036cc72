package org.gongkai.publication.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.publication.calendar.CalendarHolder;
import org.gongkai.publication.calendar.CalendarNoticeService.DeadlineChange;
import org.gongkai.publication.calendar.OpenDeadlines;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.support.catalogue.CatalogueSnapshots;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Use cases of the document lifecycle; the rules themselves live in {@link PolicyDocument}. */
@Service
public class DocumentService implements OpenDeadlines {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentService.class);

    private final DocumentRepository documents;
    private final CatalogueSnapshots catalogue;
    private final CalendarHolder calendar;
    private final Clock clock;
    private final AttachmentContentRepository attachmentContents;

    /** Staff lists: by document number (unique, so pages never overlap). */
    public static final Sort BY_DOCUMENT_NUMBER = Sort.by("documentNumber");
    /** Public lists: the latest published first, then by id. */
    public static final Sort NEWEST_PUBLISHED_FIRST = Sort.by(Sort.Order.desc("publishedOn"), Sort.Order.asc("_id"));
    /** The deadline board: the earliest publication deadline first, then by id. */
    public static final Sort EARLIEST_DUE_FIRST = Sort.by(Sort.Order.asc("publicationDueOn"), Sort.Order.asc("_id"));

    DocumentService(DocumentRepository documents, CatalogueSnapshots catalogue, CalendarHolder calendar, Clock clock,
            AttachmentContentRepository attachmentContents) {
        this.documents = documents;
        this.attachmentContents = attachmentContents;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    public PolicyDocument draft(PolicyDocument.Draft draft, Actor actor) {
        CatalogueVersionPublished.Item item = catalogue.item(draft.catalogueItemCode())
                .orElseThrow(() -> DomainException.invalid("unknown-catalogue-item",
                        "目录事项“" + draft.catalogueItemCode() + "”不在现行公布的目录中。"));
        PolicyDocument document = PolicyDocument.draft(UUID.randomUUID().toString(), draft, item.channels(), actor, now());
        try {
            return documents.insert(document);
        } catch (DuplicateKeyException e) {
            // the content was stored for this new document only (its content ids carry the document's id)
            attachmentContents.delete(document.attachmentFiles().contentIds());
            throw DomainException.conflict("duplicate-document-number",
                    "文号“" + draft.documentNumber() + "”已被使用。");
        }
    }

    public PolicyDocument get(String id, Actor actor) {
        return documents.findById(id).filter(d -> d.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("document-not-found", "没有找到该文件（" + id + "）。"));
    }

    /** An attachment with its content, as downloaded. */
    public record AttachmentDownload(Attachment attachment, byte[] content) {
    }

    /**
     * The attachment at a position of a document the actor sees, with its bytes: from the content store, or for a
     * document stored before content moved out and not saved since, from the document itself.
     */
    public AttachmentDownload attachment(String id, int position, Actor actor) {
        Attachments attachments = get(id, actor).attachmentFiles();
        Attachment attachment = attachments.at(position).orElseThrow(() -> DomainException.notFound("attachment-not-found",
                "该文件没有第 " + (position + 1) + " 个附件。"));
        byte[] content = attachments.unstoredContent(attachment.contentId())
                .or(() -> attachment.contentId() == null ? java.util.Optional.empty() : attachmentContents.read(attachment.contentId()))
                .orElseThrow(() -> DomainException.notFound("attachment-content-missing",
                        "附件“" + attachment.name() + "”的内容不存在。"));
        return new AttachmentDownload(attachment, content);
    }

    /**
     * Documents stored before attachment content moved to GridFS carry it inline. Loading one moves the content out and
     * saving it stores it, so this saves each such document once at start-up; lists then no longer load the bytes. A
     * document changed meanwhile, or moved by another instance, is left to that change or to the next start.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int moveInlineAttachmentContentOut() {
        int moved = 0;
        for (String id : documents.idsWithInlineAttachmentContent()) {
            try {
                documents.findById(id).ifPresent(documents::save);
                moved++;
            } catch (RuntimeException concurrentChange) {
                log.info("Attachment content of document {} not moved out now: {}", id, concurrentChange.toString());
            }
        }
        return moved;
    }

    /** One page of the documents the actor sees, by document number; paged in the database. */
    public Page<PolicyDocument> list(Actor actor, int page, int size) {
        PageRequest request = PageRequest.of(page, size, BY_DOCUMENT_NUMBER);
        return actor.overseesAllSections() ? documents.findAll(request) : documents.findBySection(actor.section(), request);
    }

    public PolicyDocument revise(String id, PolicyDocument.Draft revised, Actor actor) {
        return change(id, actor, d -> d.revise(revised, actor, now()));
    }

    public PolicyDocument submit(String id, Actor actor) {
        return change(id, actor, d -> d.submitForReview(actor, now()));
    }

    /** A review step before issuance, or the confidentiality decision on an issued document's widening. */
    public PolicyDocument review(String id, ReviewDecision decision, String note, AuthorityRuling ruling, String responsibleHead,
            Actor actor) {
        return change(id, actor, d -> {
            if (d.status() == PolicyDocument.Status.ISSUED) {
                d.decideWidening(actor, decision, note, ruling, today(), calendar.current(), now());
            } else {
                d.review(actor, decision, note, ruling, responsibleHead, today(), now());
            }
        });
    }

    public PolicyDocument draftInterpretation(String id, Interpretation interpretation, Actor actor) {
        return change(id, actor, d -> d.draftInterpretation(interpretation, actor, now()));
    }

    public PolicyDocument reviewInterpretation(String id, Actor actor) {
        return change(id, actor, d -> d.reviewInterpretation(actor, now()));
    }

    public PolicyDocument recordCoordination(String id, Coordination coordination, Actor actor) {
        return change(id, actor, d -> d.recordCoordination(coordination, actor, today(), now()));
    }

    public PolicyDocument issue(String id, LocalDate issuedOn, Actor actor) {
        return change(id, actor, d -> d.issue(actor, issuedOn == null ? today() : issuedOn, today(), calendar.current(), now()));
    }

    public PolicyDocument publish(String id, LocalDate publishedOn, List<String> channels, Actor actor) {
        return change(id, actor, d -> d.publish(actor, publishedOn == null ? today() : publishedOn, today(), channels, now()));
    }

    public PolicyDocument transferToReadingRoom(String id, LocalDate on, Actor actor) {
        return change(id, actor, d -> d.transferToReadingRoom(actor, on == null ? today() : on, today(), now()));
    }

    public PolicyDocument abolish(String id, LocalDate abolishedOn, String reason, Actor actor) {
        return change(id, actor, d -> d.abolish(actor, abolishedOn, reason, today(), now()));
    }

    /**
     * For the annual review (P4): the change to proactive waits for the confidentiality officer. Safe to repeat: a
     * document already proactive or already waiting is left as it is.
     */
    public PolicyDocument proposeProactive(String id, int reviewYear, String reason, Actor actor) {
        PolicyDocument document = get(id, actor);
        if (document.attribute() == DisclosureAttribute.PROACTIVE) {
            return document;
        }
        document.proposeProactive(reviewYear, actor, reason, now());
        return documents.save(document);
    }

    public List<PolicyDocument> nonPublicIssuedDocuments() {
        return documents.findByStatus(PolicyDocument.Status.ISSUED).stream()
                .filter(d -> d.attribute() != DisclosureAttribute.PROACTIVE)
                .sorted(Comparator.comparing(PolicyDocument::documentNumber))
                .toList();
    }

    /**
     * One page of the proactively published documents, latest first; a keyword is looked for (ignoring case) in the
     * document number, title, body and interpretation, as {@link PolicyDocument#searchableText()} does. Paged in the database.
     */
    public Page<PolicyDocument> published(String query, boolean onlyInterpreted, int page, int size) {
        String needle = query == null ? "" : query.strip();
        if (needle.indexOf('\0') >= 0) {
            // a database pattern cannot hold NUL, and no stored text has one
            return Page.empty(PageRequest.of(page, size));
        }
        return documents.publishedProactively(onlyInterpreted, needle, PageRequest.of(page, size, NEWEST_PUBLISHED_FIRST));
    }

    public PolicyDocument publishedDocument(String id) {
        return documents.findById(id).filter(PolicyDocument::isPublic)
                .orElseThrow(() -> DomainException.notFound("document-not-found", "没有找到该公开文件（" + id + "）。"));
    }

    /** The deadline board: issued proactive documents not yet published, earliest due first. */
    /** One page of {@link #awaitingPublication()}, paged in the database. */
    public Page<PolicyDocument> awaitingPublication(int page, int size) {
        return documents.awaitingPublication(PageRequest.of(page, size, EARLIEST_DUE_FIRST));
    }

    public List<PolicyDocument> awaitingPublication() {
        return documents.findByStatus(PolicyDocument.Status.ISSUED).stream()
                .filter(d -> d.publicationDueOn() != null && !d.isAbolished())
                .sorted(Comparator.comparing(PolicyDocument::publicationDueOn))
                .toList();
    }

    /** Announces, once each, the documents whose publication deadline has passed; returns how many. */
    public int announceOverdue() {
        int announced = 0;
        for (PolicyDocument document : awaitingPublication()) {
            if (document.announceOverdue(today(), now())) {
                documents.save(document);
                announced++;
            }
        }
        return announced;
    }

    /**
     * Reloads the working-day calendar and recomputes every open publication deadline against it. A deadline that
     * already agrees is left alone, so running this on every watch also catches up deadlines an interrupted run or
     * an older rule left behind; a document changed by someone at the same moment is taken up by the next run.
     */
    @Override
    public List<DeadlineChange> previewAgainst(WorkingCalendar candidate, Instant now) {
        List<DeadlineChange> changes = new java.util.ArrayList<>();
        for (PolicyDocument document : awaitingPublication()) {
            LocalDate due = document.publicationDueOn();
            boolean confirmed = document.publicationDueOnConfirmed();
            // the same rule as the real recomputation, applied to a copy just loaded and never saved
            if (document.recomputeDeadline(candidate, now)) {
                changes.add(new DeadlineChange(document.id(), document.documentNumber(), document.section(), due, confirmed,
                        document.publicationDueOn(), document.publicationDueOnConfirmed(),
                        !document.publicationDueOn().equals(due)));
            }
        }
        return changes;
    }

    @Override
    public int reloadCalendarAndRecompute() {
        calendar.reload();
        int changed = 0;
        for (PolicyDocument document : awaitingPublication()) {
            try {
                if (document.recomputeDeadline(calendar.current(), now())) {
                    documents.save(document);
                    changed++;
                }
            } catch (org.springframework.dao.OptimisticLockingFailureException concurrentChange) {
                // recomputed on the next run, against the document as it then is
            }
        }
        return changed;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
    }

    private PolicyDocument change(String id, Actor actor, Consumer<PolicyDocument> action) {
        PolicyDocument document = get(id, actor);
        action.accept(document);
        return documents.save(document);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
