package org.gongkai.publication.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.publication.DocumentAbolished;
import org.gongkai.contracts.publication.DocumentAttributeChanged;
import org.gongkai.contracts.publication.DocumentDeadlineChanged;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.Changes;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.KnownChannels;
import org.gongkai.support.domain.RecordedDates;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A policy document through its disclosure lifecycle: drafted by a section with its disclosure attribute (P1, P3),
 * reviewed along the paths of O4 (P2), issued with its marking line (P5), published within 20 working days when
 * proactive (P6) on the website and the catalogue item's channels, its paper copy moved to the reading room (P7).
 * Its interpretation lives inside it, so both are reviewed and released together (I1–I6). The review path
 * ({@link ReviewPath}), the publication clock ({@link PublicationClock}), the attachments ({@link Attachments}) and the
 * audit trail with the outbox ({@link Changes}) are values embedded with {@code @Unwrapped.Empty}: their fields stay at
 * the top level of the stored document.
 */
@Document("documents")
@CompoundIndex(name = "section_list", def = "{'section': 1, 'documentNumber': 1}")
@CompoundIndex(name = "public_list", def = "{'status': 1, 'attribute': 1, 'publishedOn': -1, '_id': 1}")
@CompoundIndex(name = "deadline_board", def = "{'status': 1, 'publicationDueOn': 1, '_id': 1}")
public class PolicyDocument implements RecordsChanges {

    public enum Status {
        DRAFT("草稿"), IN_REVIEW("审核中"), APPROVED("已审核"), ISSUED("已印发"), PUBLISHED("已公开");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    /** P6: proactive documents go public within this many working days of issuance. */
    public static final int PUBLICATION_WORKING_DAYS = PublicationClock.WORKING_DAYS;
    public static final String WEBSITE = "gov-website";
    public static final int MAX_ATTACHMENTS = Attachments.MAX_COUNT;
    public static final int MAX_ATTACHMENT_BYTES = Attachments.MAX_BYTES;

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String documentNumber;
    private String title;
    private String body;
    private final String section;
    private final String drafter;
    private final String catalogueItemCode;
    private final List<String> catalogueChannels;
    private final boolean issuedInCountyName;
    private DocumentType documentType;
    private DisclosureAttribute attribute;
    private LegalBasis legalBasis;
    private boolean mayInvolveStateSecrets;
    private ConfidentialityClearance clearance;
    private InterpretationNeed interpretationNeed;
    @Unwrapped.Empty
    private Attachments attachmentFiles;
    private Status status;
    @Unwrapped.Empty
    private ReviewPath reviewPath;
    private Interpretation interpretation;
    private Coordination coordination;
    private String markingLine;
    @Unwrapped.Empty
    private PublicationClock clock;
    private List<String> publishedChannels;
    private LocalDate readingRoomTransferredOn;
    private Abolition abolition;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    PolicyDocument(String id, String documentNumber, String title, String body, String section, String drafter,
            String catalogueItemCode, List<String> catalogueChannels, Boolean issuedInCountyName, DocumentType documentType,
            DisclosureAttribute attribute, LegalBasis legalBasis, Boolean mayInvolveStateSecrets,
            ConfidentialityClearance clearance, InterpretationNeed interpretationNeed, Attachments attachmentFiles, Status status,
            ReviewPath reviewPath, Interpretation interpretation, Coordination coordination, String markingLine,
            PublicationClock clock, List<String> publishedChannels, LocalDate readingRoomTransferredOn,
            Abolition abolition, Changes changes, Long revision) {
        this.id = id;
        this.documentNumber = documentNumber;
        this.title = title;
        this.body = body;
        this.section = section;
        this.drafter = drafter;
        this.catalogueItemCode = catalogueItemCode;
        this.catalogueChannels = List.copyOf(catalogueChannels == null ? List.of() : catalogueChannels);
        // flags are boxed here so that records stored before a flag existed still load (absent = false)
        this.issuedInCountyName = Boolean.TRUE.equals(issuedInCountyName);
        // documents stored before types existed are neither 规章 nor 行政规范性文件 unless someone says so
        this.documentType = documentType == null ? DocumentType.OTHER : documentType;
        this.attribute = attribute;
        this.legalBasis = legalBasis;
        this.mayInvolveStateSecrets = Boolean.TRUE.equals(mayInvolveStateSecrets);
        this.clearance = clearance;
        this.interpretationNeed = interpretationNeed == null ? InterpretationNeed.NONE : interpretationNeed;
        // documents stored with attachment content inline hand it to the content store at their next save
        this.attachmentFiles = (attachmentFiles == null ? Attachments.none() : attachmentFiles).movingInlineContentOut(id);
        this.status = status;
        this.reviewPath = reviewPath == null ? ReviewPath.notStarted() : reviewPath;
        this.interpretation = interpretation;
        this.coordination = coordination;
        this.markingLine = markingLine;
        this.clock = clock == null ? PublicationClock.notIssued() : clock;
        this.publishedChannels = publishedChannels;
        this.readingRoomTransferredOn = readingRoomTransferredOn;
        this.abolition = abolition;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** What a section submits when drafting or revising; no document type means OTHER. */
    public record Draft(String documentNumber, String title, String body, String catalogueItemCode,
            boolean issuedInCountyName, DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed, List<AttachmentUpload> attachments, DocumentType documentType) {

        public Draft(String documentNumber, String title, String body, String catalogueItemCode, boolean issuedInCountyName,
                DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets,
                InterpretationNeed interpretationNeed, List<AttachmentUpload> attachments) {
            this(documentNumber, title, body, catalogueItemCode, issuedInCountyName, attribute, legalBasis, mayInvolveStateSecrets,
                    interpretationNeed, attachments, DocumentType.OTHER);
        }

        DocumentType typeOrOther() {
            return documentType == null ? DocumentType.OTHER : documentType;
        }
    }

    public static PolicyDocument draft(String id, Draft draft, List<String> catalogueChannels, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || actor.section() == null) {
            throw DomainException.forbidden("drafting-requires-section", "只有所属股室的工作人员可以起草文件。");
        }
        requireConsistentAttribute(draft.attribute(), draft.legalBasis());
        PolicyDocument document = new PolicyDocument(id, draft.documentNumber().strip(), draft.title().strip(), draft.body(),
                actor.section(), actor.username(), draft.catalogueItemCode(), catalogueChannels, draft.issuedInCountyName(),
                draft.typeOrOther(), draft.attribute(), draft.legalBasis(), draft.mayInvolveStateSecrets(), null, draft.interpretationNeed(),
                Attachments.uploaded(id, draft.attachments(), Attachments.none()), Status.DRAFT, ReviewPath.notStarted(), null, null,
                null, PublicationClock.notIssued(), null, null, null, Changes.none(), null);
        document.record(actor, now, "drafted", draft.attribute().label());
        if (document.possiblySecret()) {
            document.openClearance("起草时标注可能涉密或以国家秘密为不公开依据", actor, now);
        }
        return document;
    }

    /** P1, P3: the attribute is chosen at drafting; anything but proactive disclosure states its legal basis. */
    private static void requireConsistentAttribute(DisclosureAttribute attribute, LegalBasis basis) {
        if (attribute == null) {
            throw DomainException.invalid("disclosure-attribute-required",
                    "起草时须确定公开属性：主动公开（PROACTIVE）、依申请公开（ON_REQUEST）或不予公开（NOT_DISCLOSED）。");
        }
        if (attribute != DisclosureAttribute.PROACTIVE && basis == null) {
            throw DomainException.invalid("legal-basis-required",
                    "公开属性为“" + attribute.label() + "”的文件，须注明《中华人民共和国政府信息公开条例》规定的依据。");
        }
        if (attribute == DisclosureAttribute.PROACTIVE && basis != null) {
            throw DomainException.invalid("legal-basis-not-applicable", "主动公开的文件不需要填写不予公开的依据。");
        }
    }

    /** The drafting section revises a draft, e.g. after a review returned it. */
    public void revise(Draft revised, Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "修改");
        requireConsistentAttribute(revised.attribute(), revised.legalBasis());
        boolean disclosureEditedAfterReview = reviewPath.hasSteps()
                && (revised.attribute() != attribute || revised.legalBasis() != legalBasis);
        title = revised.title().strip();
        body = revised.body();
        documentType = revised.typeOrOther();
        attribute = revised.attribute();
        legalBasis = revised.legalBasis();
        mayInvolveStateSecrets = revised.mayInvolveStateSecrets();
        interpretationNeed = revised.interpretationNeed() == null ? InterpretationNeed.NONE : revised.interpretationNeed();
        attachmentFiles = Attachments.uploaded(id, revised.attachments(), attachmentFiles);
        record(actor, now, "revised", attribute.label());
        if (possiblySecret() && !hasPendingClearance()) {
            openClearance("修改后标注可能涉密或以国家秘密为不公开依据", actor, now);
        } else if (disclosureEditedAfterReview && !hasPendingClearance()) {
            openClearance("审查后修改了公开属性或不公开依据", actor, now);
        }
    }

    public void submitForReview(Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "提交审核");
        status = Status.IN_REVIEW;
        reviewPath = reviewPath.submitted(hasPendingClearance());
        record(actor, now, "submitted-for-review", reviewPath.pendingStage().name());
    }

    /**
     * One review step along O4 before issuance: the confidentiality officer decides CONFIDENTIALITY and records the
     * competent authority's ruling at ENTITLED_ORGAN; the disclosure office decides DISCLOSURE_OFFICE, records the
     * business department's opinion and, when it finally approves, the unit head who signed off as responsible.
     */
    public void review(Actor actor, ReviewDecision decision, String note, AuthorityRuling ruling, String responsibleHead,
            LocalDate today, Instant now) {
        if (status == Status.ISSUED && clearance != null && clearance.isPendingWidening()) {
            throw DomainException.conflict("widening-review-pending",
                    "该文件的公开属性变更正待保密审查，请按已发文件的保密审查办理。");
        }
        requireStatus(Status.IN_REVIEW, "审核");
        reviewPath = reviewPath.decidedBeforeIssuance(actor, decision, note, ruling, responsibleHead, today, now);
        ReviewStep step = reviewPath.latest();
        ReviewStage stage = step.stage();
        record(actor, now, "reviewed-" + stage.name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        if (stage.isConfidentialityBody() && decision == ReviewDecision.APPROVE) {
            decideClearance(ConfidentialityClearance.Outcome.CLEARED, actor, now, step.ruling());
        }
        if (decision == ReviewDecision.REFER_TO_CONFIDENTIALITY) {
            openClearance("政务公开办认为可能涉密，转保密审查", actor, now);
        }
        if (decision == ReviewDecision.RETURN) {
            status = Status.DRAFT;
        } else if (decision == ReviewDecision.APPROVE && stage == ReviewStage.DISCLOSURE_OFFICE) {
            status = Status.APPROVED;
        }
    }

    /**
     * The confidentiality officer decides on an issued document whose attribute the annual review would make
     * proactive: APPROVE applies the change (marking line, and the 20-working-day clock from today), RETURN refuses it
     * and the document keeps its attribute, ESCALATE asks the competent authority, whose ruling is then recorded.
     */
    public void decideWidening(Actor actor, ReviewDecision decision, String note, AuthorityRuling ruling, LocalDate today,
            WorkingCalendar calendar, Instant now) {
        if (status != Status.ISSUED || clearance == null || !clearance.isPendingWidening()) {
            throw DomainException.conflict("no-widening-pending", "该文件没有待保密审查的公开属性变更。");
        }
        reviewPath = reviewPath.decidedOnWidening(actor, decision, note, ruling, today, now);
        ReviewStep step = reviewPath.latest();
        record(actor, now, "widening-" + step.stage().name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        if (decision == ReviewDecision.RETURN) {
            decideClearance(ConfidentialityClearance.Outcome.REFUSED, actor, now, step.ruling());
        } else if (decision == ReviewDecision.APPROVE) {
            ConfidentialityClearance widening = clearance;
            decideClearance(ConfidentialityClearance.Outcome.CLEARED, actor, now, step.ruling());
            DisclosureAttribute previous = attribute;
            attribute = widening.widenTo();
            legalBasis = null;
            markingLine = attribute.markingLine();
            clock = clock.startedOn(today, calendar);
            record(actor, now, "attribute-changed-to-proactive", widening.widenReason());
            changes.announce(new DocumentAttributeChanged(id, documentNumber, section, widening.reviewYear(),
                    previous.name(), attribute.name(), today, clock.publicationDueOn(), now), now);
        }
    }

    /** Flagged as possibly secret, or kept back as a state secret: the confidentiality officer must decide. */
    private boolean possiblySecret() {
        return mayInvolveStateSecrets || legalBasis == LegalBasis.STATE_SECRET;
    }

    public boolean hasPendingClearance() {
        return clearance != null && clearance.isPending();
    }

    private void openClearance(String because, Actor actor, Instant now) {
        clearance = ConfidentialityClearance.opened(because, now);
        record(actor, now, "confidentiality-clearance-opened", because);
    }

    private void decideClearance(ConfidentialityClearance.Outcome outcome, Actor actor, Instant now, AuthorityRuling ruling) {
        if (clearance != null && clearance.isPending()) {
            clearance = clearance.decided(outcome, actor.username(), now, ruling);
            record(actor, now, "confidentiality-clearance-" + outcome.name().toLowerCase(), null);
        }
    }

    /** I4: the drafting section interprets, with the document and before it is issued ({@link Interpretation#drafted}). */
    public void draftInterpretation(Interpretation draft, Actor actor, Instant now) {
        requireDraftingSection(actor);
        interpretation = Interpretation.drafted(draft, status, attachmentFiles, actor.username(), now);
        record(actor, now, "interpretation-drafted", draft.forms().toString());
    }

    public void reviewInterpretation(Actor actor, Instant now) {
        interpretation = Interpretation.reviewed(interpretation, actor, now);
        record(actor, now, "interpretation-reviewed", null);
    }

    /** I2: a major document is coordinated with the propaganda and cyberspace departments before release. */
    public void recordCoordination(Coordination record, Actor actor, LocalDate today, Instant now) {
        requireDraftingSectionOrOffice(actor);
        if (status == Status.PUBLISHED) {
            throw DomainException.conflict("already-released", "文件已发布，会商应在发布之前进行。");
        }
        if (record.on() == null) {
            throw DomainException.invalid("coordination-date-required", "请填写会商日期。");
        }
        RecordedDates.require(record.on(), today, "会商");
        if (record.propagandaContact() == null || record.propagandaContact().isBlank()
                || record.cyberspaceContact() == null || record.cyberspaceContact().isBlank()) {
            throw DomainException.invalid("coordination-incomplete", "须同时记录宣传部门和网信部门的会商情况。");
        }
        coordination = new Coordination(record.on(), record.propagandaContact(), record.cyberspaceContact(), record.note(), actor.username());
        record(actor, now, "coordinated-before-release", record.note());
    }

    public boolean requiresInterpretation() {
        return interpretationNeed.requiresInterpretation(attribute);
    }

    /** Issues the document, stamps the marking line and, when proactive, starts the 20-working-day clock. */
    public void issue(Actor actor, LocalDate date, LocalDate today, WorkingCalendar calendar, Instant now) {
        requireDraftingSectionOrOffice(actor);
        requireStatus(Status.APPROVED, "印发");
        requireNotInFuture(date, today, "印发");
        RecordedDates.require(date, today, "印发");
        requireConfidentialityCleared();
        Interpretation.requireReviewedBeforeIssuance(interpretation, requiresInterpretation());
        markingLine = attribute.markingLine();
        status = Status.ISSUED;
        clock = clock.issued(date, attribute == DisclosureAttribute.PROACTIVE, calendar);
        record(actor, now, "issued", markingLine);
        changes.announce(new DocumentIssued(id, documentNumber, title, section, catalogueItemCode, attribute.name(),
                legalBasis == null ? null : legalBasis.name(), clock.issuedOn(), clock.publicationDueOn(),
                clock.publicationDueOnConfirmed(), documentType.name(), now), now);
    }

    /** New calendar data may move an open deadline (e.g. next year's holidays became known). */
    public boolean recomputeDeadline(WorkingCalendar calendar, Instant now) {
        if (status != Status.ISSUED) {
            return false;
        }
        return clock.movedBy(calendar).map(moved -> {
            record(Actor.system("calendar-reload"), now, "deadline-recomputed", moved.from() + " -> " + moved.to().due());
            clock = clock.recomputed(moved);
            changes.announce(new DocumentDeadlineChanged(id, documentNumber, section, clock.publicationDueOn(),
                    clock.publicationDueOnConfirmed(), now), now);
            return true;
        }).orElse(false);
    }

    /** Publishes a proactive, issued document, and its interpretation with it, on the website and the item's channels. */
    public void publish(Actor actor, LocalDate date, LocalDate today, List<String> extraChannels, Instant now) {
        requireDraftingSectionOrOffice(actor);
        requireStatus(Status.ISSUED, "公开");
        requireNotAbolished("公开");
        requireNotInFuture(date, today, "公开");
        RecordedDates.require(date, today, "公开");
        // the on-time measure must not be a matter of choice: only the office records a publication after the fact
        if (date.isBefore(today) && !actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("backdating-requires-office",
                    "补录今天以前的公开日期，只能由政务公开办公室办理。");
        }
        requireConfidentialityCleared();
        if (attribute != DisclosureAttribute.PROACTIVE) {
            throw DomainException.conflict("not-proactive", "只有主动公开的文件才能公开发布；该文件为“" + attribute.label() + "”。");
        }
        clock.requirePublishableOn(date);
        Interpretation.requireReviewedBeforeRelease(interpretation);
        if (interpretationNeed.major() && coordination == null) {
            throw DomainException.conflict("coordination-required",
                    "重要文件须在发布前与宣传、网信部门会商。");
        }
        if (coordination != null && coordination.on().isAfter(date)) {
            throw DomainException.invalid("coordination-after-release",
                    "与宣传、网信部门的会商日期（" + coordination.on() + "）须在发布之前。");
        }
        (extraChannels == null ? List.<String>of() : extraChannels).forEach(KnownChannels::require);
        Set<String> channels = new LinkedHashSet<>();
        channels.add(WEBSITE);
        channels.addAll(catalogueChannels);
        channels.addAll(extraChannels == null ? List.of() : extraChannels);
        clock = clock.publishedOn(date);
        publishedChannels = List.copyOf(channels);
        status = Status.PUBLISHED;
        record(actor, now, "published", String.join(",", publishedChannels));
        changes.announce(new DocumentPublished(id, documentNumber, title, section, catalogueItemCode, clock.issuedOn(),
                clock.publicationDueOn(), clock.publishedOn(), isPublishedOnTime(), publishedChannels, now), now);
        if (interpretation != null) {
            changes.announce(new InterpretationPublished(id, documentNumber, section,
                    interpretation.forms().stream().map(Enum::name).toList(), interpretation.hasNonTextForm(), clock.publishedOn(),
                    now), now);
        }
    }

    /** P7: the paper copy goes to the government-information reading room, recorded separately from publication. */
    public void transferToReadingRoom(Actor actor, LocalDate date, LocalDate today, Instant now) {
        requireDraftingSectionOrOffice(actor);
        if (status != Status.ISSUED && status != Status.PUBLISHED) {
            throw DomainException.conflict("not-issued", "只有已印发的文件才能移交查阅场所。");
        }
        RecordedDates.require(date, today, "移交查阅场所");
        if (date.isBefore(issuedOn())) {
            throw DomainException.invalid("transferred-before-issued", "移交日期（" + date + "）不能早于印发日期（" + issuedOn() + "）。");
        }
        if (readingRoomTransferredOn != null) {
            throw DomainException.conflict("already-transferred", "纸质文件已于 " + readingRoomTransferredOn + " 移交查阅场所。");
        }
        readingRoomTransferredOn = date;
        record(actor, now, "transferred-to-reading-room", String.valueOf(date));
    }

    /**
     * The office abolishes (废止) an issued document, once, with the day and the reason; it leaves the documents in force
     * (annual report, table 二). A published document stays readable, marked 已废止; an unpublished one is no longer due.
     */
    public void abolish(Actor actor, LocalDate date, String reason, LocalDate today, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("abolition-requires-office", "文件废止由政务公开办公室登记。");
        }
        if (status != Status.ISSUED && status != Status.PUBLISHED) {
            throw DomainException.conflict("not-issued", "只有已印发的文件才能废止；该文件当前状态为“" + status.label() + "”。");
        }
        requireNotAbolished("废止");
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("abolition-reason-required", "废止文件须写明废止理由（如：被新文件替代、上位法修改）。");
        }
        RecordedDates.require(date, today, "废止");
        if (date.isBefore(issuedOn())) {
            throw DomainException.invalid("abolished-before-issued", "废止日期（" + date + "）不能早于印发日期（" + issuedOn() + "）。");
        }
        abolition = new Abolition(date, reason.strip(), actor.username(), now);
        record(actor, now, "abolished", date + " " + reason.strip());
        changes.announce(new DocumentAbolished(id, documentNumber, section, documentType.name(), date, now), now);
    }

    public boolean isAbolished() {
        return abolition != null;
    }

    private void requireNotAbolished(String action) {
        if (abolition != null) {
            throw DomainException.conflict("document-abolished", "文件 " + documentNumber + " 已于 " + abolition.on() + " 废止，不能" + action + "。");
        }
    }

    /** Announces, once, that the publication deadline has passed. Returns whether it announced now. */
    public boolean announceOverdue(LocalDate today, Instant now) {
        if (!isOverdueOn(today) || clock.overdueAnnounced()) {
            return false;
        }
        clock = clock.overdueAnnouncedNow();
        record(Actor.system("deadline-watch"), now, "publication-overdue", "due " + clock.publicationDueOn());
        changes.announce(new DocumentPublicationOverdue(id, documentNumber, section, clock.issuedOn(), clock.publicationDueOn(),
                today, now), now);
        return true;
    }

    /**
     * P4 with O4: the annual review decided that an on-request or not-disclosed document should become proactive. The
     * change widens disclosure, so it waits for the confidentiality officer ({@link #decideWidening}); until then the
     * document keeps its attribute and cannot be published.
     */
    public void proposeProactive(int reviewYear, Actor actor, String reason, Instant now) {
        if (attribute == DisclosureAttribute.PROACTIVE) {
            throw DomainException.conflict("already-proactive", "文件 " + documentNumber + " 已是主动公开。");
        }
        if (status != Status.ISSUED) {
            throw DomainException.conflict("not-issued", "年度属性审查只调整已印发的文件。");
        }
        if (clearance != null && clearance.isPendingWidening()) {
            return;
        }
        clearance = ConfidentialityClearance.widening(DisclosureAttribute.PROACTIVE, reviewYear, reason, now);
        reviewPath = reviewPath.awaitingConfidentiality();
        record(actor, now, "attribute-change-awaits-confidentiality-clearance", reason);
    }

    /** 谁公开谁审查谁负责: nothing is issued or published while a confidentiality decision is outstanding or missing. */
    private void requireConfidentialityCleared() {
        if (hasPendingClearance() || (possiblySecret() && (clearance == null || !clearance.isCleared()))) {
            throw DomainException.conflict("confidentiality-clearance-required",
                    "该文件须经保密审查员审查同意后方可印发或公开。");
        }
    }

    /** What a public keyword search looks in: number, title, body and the interpretation released with them. */
    public String searchableText() {
        return documentNumber + " " + title + " " + body + (interpretation == null ? "" : " " + interpretation.content());
    }

    public boolean isPublishedOnTime() {
        return clock.isPublishedOnTime();
    }

    /** Overdue: proactive, issued, not yet published, and the due date has passed. */
    public boolean isOverdueOn(LocalDate today) {
        return status == Status.ISSUED && attribute == DisclosureAttribute.PROACTIVE && abolition == null
                && clock.isPastDueOn(today);
    }

    /** Only the public may see a proactive document once it is published. */
    public boolean isPublic() {
        return status == Status.PUBLISHED && attribute == DisclosureAttribute.PROACTIVE;
    }

    /** Sections see their own documents; the office, confidentiality officer and leadership see all. */
    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    private static void requireNotInFuture(LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw DomainException.invalid("date-in-future", "文件的" + what + "日期（" + date + "）不能晚于今天。");
        }
    }

    private void requireDraftingSection(Actor actor) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "只有股室“" + section + "”的工作人员可以办理此事项。");
        }
    }

    private void requireDraftingSectionOrOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            requireDraftingSection(actor);
        }
    }

    private void requireStatus(Status expected, String action) {
        if (status != expected) {
            throw DomainException.conflict("invalid-state", "文件当前状态为“" + status.label() + "”，不能" + action + "；须处于“" + expected.label() + "”状态。");
        }
    }

    private void record(Actor actor, Instant now, String action, String reason) {
        changes.audit(actor, now, action, reason);
    }

    public String id() { return id; }
    public String documentNumber() { return documentNumber; }
    public String title() { return title; }
    public String body() { return body; }
    public String section() { return section; }
    public String drafter() { return drafter; }
    public String catalogueItemCode() { return catalogueItemCode; }
    public boolean issuedInCountyName() { return issuedInCountyName; }
    public DocumentType documentType() { return documentType; }
    public Abolition abolition() { return abolition; }
    public DisclosureAttribute attribute() { return attribute; }
    public LegalBasis legalBasis() { return legalBasis; }
    public boolean mayInvolveStateSecrets() { return mayInvolveStateSecrets; }
    public ConfidentialityClearance clearance() { return clearance; }
    public InterpretationNeed interpretationNeed() { return interpretationNeed; }
    public List<Attachment> attachments() { return attachmentFiles.list(); }
    public Attachments attachmentFiles() { return attachmentFiles; }
    public Status status() { return status; }
    public ReviewPath reviewPath() { return reviewPath; }
    public ReviewStage pendingStage() { return reviewPath.pendingStage(); }
    public List<ReviewStep> reviews() { return reviewPath.reviews(); }
    public Interpretation interpretation() { return interpretation; }
    public Coordination coordination() { return coordination; }
    public PublicationClock clock() { return clock; }
    public LocalDate issuedOn() { return clock.issuedOn(); }
    public String markingLine() { return markingLine; }
    public LocalDate publicationDueOn() { return clock.publicationDueOn(); }
    public boolean publicationDueOnConfirmed() { return clock.publicationDueOnConfirmed(); }
    public LocalDate publishedOn() { return clock.publishedOn(); }
    public List<String> publishedChannels() { return publishedChannels; }
    public LocalDate readingRoomTransferredOn() { return readingRoomTransferredOn; }
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
