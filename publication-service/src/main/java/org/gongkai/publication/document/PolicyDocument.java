package org.gongkai.publication.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.publication.DocumentAttributeChanged;
import org.gongkai.contracts.publication.DocumentDeadlineChanged;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.publication.document.ReviewStep.ReviewStage;
import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.events.OutboxEntry;
import org.gongkai.support.security.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A policy document through its disclosure lifecycle: drafted by a section with its disclosure attribute (P1, P3),
 * reviewed along the paths of O4 (P2), issued with its marking line (P5), published within 20 working days when
 * proactive (P6) on the website and the catalogue item's channels, its paper copy moved to the reading room (P7).
 * Its interpretation lives inside it, so both are reviewed and released together (I1–I6).
 */
@Document("documents")
public class PolicyDocument {

    public enum Status { DRAFT, IN_REVIEW, APPROVED, ISSUED, PUBLISHED }

    /** P6: proactive documents go public within this many working days of issuance. */
    public static final int PUBLICATION_WORKING_DAYS = 20;
    public static final String WEBSITE = "gov-website";
    public static final int MAX_ATTACHMENTS = 10;
    public static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

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
    private DisclosureAttribute attribute;
    private LegalBasis legalBasis;
    private boolean mayInvolveStateSecrets;
    private InterpretationNeed interpretationNeed;
    private List<Attachment> attachments;
    private Status status;
    private ReviewStage pendingStage;
    private final List<ReviewStep> reviews;
    private Interpretation interpretation;
    private Coordination coordination;
    private LocalDate issuedOn;
    private String markingLine;
    private LocalDate clockStartedOn;
    private LocalDate publicationDueOn;
    private boolean publicationDueOnConfirmed;
    private boolean overdueAnnounced;
    private LocalDate publishedOn;
    private List<String> publishedChannels;
    private LocalDate readingRoomTransferredOn;
    private final List<AuditEntry> audit;
    private final List<OutboxEntry> outbox;
    @Version
    private Long revision;

    @PersistenceCreator
    PolicyDocument(String id, String documentNumber, String title, String body, String section, String drafter,
            String catalogueItemCode, List<String> catalogueChannels, Boolean issuedInCountyName,
            DisclosureAttribute attribute, LegalBasis legalBasis, Boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed, List<Attachment> attachments, Status status, ReviewStage pendingStage,
            List<ReviewStep> reviews, Interpretation interpretation, Coordination coordination, LocalDate issuedOn,
            String markingLine, LocalDate clockStartedOn, LocalDate publicationDueOn, Boolean publicationDueOnConfirmed,
            Boolean overdueAnnounced, LocalDate publishedOn, List<String> publishedChannels, LocalDate readingRoomTransferredOn,
            List<AuditEntry> audit, List<OutboxEntry> outbox, Long revision) {
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
        this.attribute = attribute;
        this.legalBasis = legalBasis;
        this.mayInvolveStateSecrets = Boolean.TRUE.equals(mayInvolveStateSecrets);
        this.interpretationNeed = interpretationNeed == null ? InterpretationNeed.NONE : interpretationNeed;
        this.attachments = List.copyOf(attachments == null ? List.of() : attachments);
        this.status = status;
        this.pendingStage = pendingStage;
        this.reviews = new ArrayList<>(reviews == null ? List.of() : reviews);
        this.interpretation = interpretation;
        this.coordination = coordination;
        this.issuedOn = issuedOn;
        this.markingLine = markingLine;
        this.clockStartedOn = clockStartedOn;
        this.publicationDueOn = publicationDueOn;
        this.publicationDueOnConfirmed = Boolean.TRUE.equals(publicationDueOnConfirmed);
        this.overdueAnnounced = Boolean.TRUE.equals(overdueAnnounced);
        this.publishedOn = publishedOn;
        this.publishedChannels = publishedChannels;
        this.readingRoomTransferredOn = readingRoomTransferredOn;
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.revision = revision;
    }

    /** What a section submits when drafting or revising. */
    public record Draft(String documentNumber, String title, String body, String catalogueItemCode,
            boolean issuedInCountyName, DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed, List<Attachment> attachments) {
    }

    public static PolicyDocument draft(String id, Draft draft, List<String> catalogueChannels, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || actor.section() == null) {
            throw DomainException.forbidden("drafting-requires-section", "Only section staff with a section draft documents.");
        }
        requireConsistentAttribute(draft.attribute(), draft.legalBasis());
        PolicyDocument document = new PolicyDocument(id, draft.documentNumber().strip(), draft.title().strip(), draft.body(),
                actor.section(), actor.username(), draft.catalogueItemCode(), catalogueChannels, draft.issuedInCountyName(),
                draft.attribute(), draft.legalBasis(), draft.mayInvolveStateSecrets(), draft.interpretationNeed(),
                checkedAttachments(draft.attachments()), Status.DRAFT, null, List.of(), null, null, null, null, null, null,
                false, false, null, null, null, List.of(), List.of(), null);
        document.record(actor, now, "drafted", draft.attribute().label());
        return document;
    }

    /** P1, P3: the attribute is chosen at drafting; anything but proactive disclosure states its legal basis. */
    private static void requireConsistentAttribute(DisclosureAttribute attribute, LegalBasis basis) {
        if (attribute == null) {
            throw DomainException.invalid("disclosure-attribute-required",
                    "Choose the disclosure attribute at drafting: PROACTIVE, ON_REQUEST or NOT_DISCLOSED.");
        }
        if (attribute != DisclosureAttribute.PROACTIVE && basis == null) {
            throw DomainException.invalid("legal-basis-required",
                    attribute.label() + " needs a legal basis from the Regulations on Government Information Disclosure.");
        }
        if (attribute == DisclosureAttribute.PROACTIVE && basis != null) {
            throw DomainException.invalid("legal-basis-not-applicable", "A proactive document takes no legal basis for non-disclosure.");
        }
    }

    private static List<Attachment> checkedAttachments(List<Attachment> attachments) {
        List<Attachment> list = attachments == null ? List.of() : attachments;
        if (list.size() > MAX_ATTACHMENTS) {
            throw DomainException.invalid("too-many-attachments", "At most " + MAX_ATTACHMENTS + " attachments.");
        }
        List<Attachment> checked = new ArrayList<>();
        for (Attachment a : list) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(a.contentBase64() == null ? "" : a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("invalid-attachment", "Attachment '" + a.name() + "' is not valid base64.");
            }
            if (bytes.length == 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
                throw DomainException.invalid("attachment-too-large",
                        "Attachment '" + a.name() + "' must hold 1 byte to " + MAX_ATTACHMENT_BYTES / 1024 / 1024 + " MB.");
            }
            checked.add(new Attachment(a.name(), a.mediaType(), bytes.length, a.contentBase64()));
        }
        return checked;
    }

    /** The drafting section revises a draft, e.g. after a review returned it. */
    public void revise(Draft revised, Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "revise");
        requireConsistentAttribute(revised.attribute(), revised.legalBasis());
        title = revised.title().strip();
        body = revised.body();
        attribute = revised.attribute();
        legalBasis = revised.legalBasis();
        mayInvolveStateSecrets = revised.mayInvolveStateSecrets();
        interpretationNeed = revised.interpretationNeed() == null ? InterpretationNeed.NONE : revised.interpretationNeed();
        attachments = checkedAttachments(revised.attachments());
        record(actor, now, "revised", attribute.label());
    }

    public void submitForReview(Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "submit");
        status = Status.IN_REVIEW;
        pendingStage = mayInvolveStateSecrets ? ReviewStage.CONFIDENTIALITY : ReviewStage.DISCLOSURE_OFFICE;
        record(actor, now, "submitted-for-review", pendingStage.name());
    }

    /**
     * One review step along O4: the confidentiality officer decides CONFIDENTIALITY and records the entitled
     * organ's ruling; the disclosure office decides DISCLOSURE_OFFICE and records the business department's opinion.
     */
    public void review(Actor actor, ReviewDecision decision, String note, Instant now) {
        requireStatus(Status.IN_REVIEW, "review");
        boolean confidentialityBody = pendingStage == ReviewStage.CONFIDENTIALITY || pendingStage == ReviewStage.ENTITLED_ORGAN;
        String role = confidentialityBody ? Actor.CONFIDENTIALITY_OFFICER : Actor.DISCLOSURE_OFFICE;
        if (!actor.hasRole(role)) {
            throw DomainException.forbidden("wrong-reviewer", "The " + pendingStage + " step is for the " + role + ".");
        }
        if (decision != ReviewDecision.APPROVE && (note == null || note.isBlank())) {
            throw DomainException.invalid("reason-required", decision + " needs a reason.");
        }
        ReviewStage stage = pendingStage;
        ReviewStage next = switch (decision) {
            case RETURN -> null;
            case APPROVE -> stage == ReviewStage.DISCLOSURE_OFFICE ? null : ReviewStage.DISCLOSURE_OFFICE;
            case REFER_TO_CONFIDENTIALITY -> {
                if (stage != ReviewStage.DISCLOSURE_OFFICE) {
                    throw DomainException.conflict("cannot-refer", "Only the disclosure office refers a document to the confidentiality officer.");
                }
                yield ReviewStage.CONFIDENTIALITY;
            }
            case ESCALATE -> switch (stage) {
                case CONFIDENTIALITY -> ReviewStage.ENTITLED_ORGAN;
                case DISCLOSURE_OFFICE -> ReviewStage.BUSINESS_DEPARTMENT;
                default -> throw DomainException.conflict("cannot-escalate", "The " + stage + " step is the last body to ask.");
            };
        };
        reviews.add(new ReviewStep(stage, actor.username(), actor.section(), decision, note, now));
        record(actor, now, "reviewed-" + stage.name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        if (decision == ReviewDecision.RETURN) {
            status = Status.DRAFT;
            pendingStage = null;
        } else if (decision == ReviewDecision.APPROVE && stage == ReviewStage.DISCLOSURE_OFFICE) {
            status = Status.APPROVED;
            pendingStage = null;
        } else {
            pendingStage = next;
        }
    }

    /** I4: the drafting section interprets, covering all nine elements, in one or more forms. */
    public void draftInterpretation(Interpretation draft, Actor actor, Instant now) {
        requireDraftingSection(actor);
        if (status == Status.ISSUED || status == Status.PUBLISHED) {
            throw DomainException.conflict("document-already-issued", "Document and interpretation are drafted together, before issuance.");
        }
        if (draft.forms() == null || draft.forms().isEmpty()) {
            throw DomainException.invalid("interpretation-form-required", "Choose at least one form of interpretation.");
        }
        Set<InterpretationElement> missing = EnumSet.allOf(InterpretationElement.class);
        missing.removeAll(draft.elementsCovered() == null ? Set.of() : draft.elementsCovered());
        if (!missing.isEmpty()) {
            throw DomainException.invalid("interpretation-elements-missing", "The interpretation must cover " + missing + ".");
        }
        if (draft.forms().contains(InterpretationForm.TEXT) && !draft.textUsesCasesDataOrQa()) {
            throw DomainException.invalid("text-interpretation-needs-cases", "A text interpretation uses cases, data or Q&A.");
        }
        interpretation = new Interpretation(draft.content(), List.copyOf(new LinkedHashSet<>(draft.forms())),
                draft.textUsesCasesDataOrQa(), Set.copyOf(draft.elementsCovered()), actor.username(), now, null, null);
        record(actor, now, "interpretation-drafted", draft.forms().toString());
    }

    public void reviewInterpretation(Actor actor, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("wrong-reviewer", "The disclosure office reviews interpretations.");
        }
        if (interpretation == null) {
            throw DomainException.conflict("no-interpretation", "There is no interpretation to review.");
        }
        interpretation = interpretation.reviewed(actor.username(), now);
        record(actor, now, "interpretation-reviewed", null);
    }

    /** I2: a major document is coordinated with the propaganda and cyberspace departments before release. */
    public void recordCoordination(Coordination record, Actor actor, Instant now) {
        requireDraftingSectionOrOffice(actor);
        if (record.propagandaContact() == null || record.propagandaContact().isBlank()
                || record.cyberspaceContact() == null || record.cyberspaceContact().isBlank()) {
            throw DomainException.invalid("coordination-incomplete", "Record both the propaganda and the cyberspace department.");
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
        requireStatus(Status.APPROVED, "issue");
        requireNotInFuture(date, today, "issued");
        if (requiresInterpretation() && (interpretation == null || !interpretation.isReviewed())) {
            throw DomainException.conflict("interpretation-required",
                    "This document must be interpreted; draft the interpretation and have it reviewed before issuance.");
        }
        issuedOn = date;
        markingLine = attribute.markingLine();
        status = Status.ISSUED;
        if (attribute == DisclosureAttribute.PROACTIVE) {
            startPublicationClock(date, calendar);
        }
        record(actor, now, "issued", markingLine);
        outbox.add(OutboxEntry.of(new DocumentIssued(id, documentNumber, title, section, catalogueItemCode, attribute.name(),
                legalBasis == null ? null : legalBasis.name(), issuedOn, publicationDueOn, publicationDueOnConfirmed, now), now));
    }

    private void startPublicationClock(LocalDate from, WorkingCalendar calendar) {
        Deadline due = calendar.addWorkingDays(from, PUBLICATION_WORKING_DAYS);
        clockStartedOn = from;
        publicationDueOn = due.due();
        publicationDueOnConfirmed = due.confirmed();
        overdueAnnounced = false;
    }

    /** New calendar data may move an open deadline (e.g. next year's holidays became known). */
    public boolean recomputeDeadline(WorkingCalendar calendar, Instant now) {
        if (status != Status.ISSUED || clockStartedOn == null) {
            return false;
        }
        Deadline due = calendar.addWorkingDays(clockStartedOn, PUBLICATION_WORKING_DAYS);
        boolean changed = !due.due().equals(publicationDueOn) || due.confirmed() != publicationDueOnConfirmed;
        if (changed) {
            record(Actor.system("calendar-reload"), now, "deadline-recomputed", publicationDueOn + " -> " + due.due());
            publicationDueOn = due.due();
            publicationDueOnConfirmed = due.confirmed();
            outbox.add(OutboxEntry.of(new DocumentDeadlineChanged(id, documentNumber, section, publicationDueOn,
                    publicationDueOnConfirmed, now), now));
        }
        return changed;
    }

    /** Publishes a proactive, issued document, and its interpretation with it, on the website and the item's channels. */
    public void publish(Actor actor, LocalDate date, LocalDate today, List<String> extraChannels, Instant now) {
        requireDraftingSectionOrOffice(actor);
        requireStatus(Status.ISSUED, "publish");
        requireNotInFuture(date, today, "published");
        // the on-time measure must not be a matter of choice: only the office records a publication after the fact
        if (date.isBefore(today) && !actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("backdating-requires-office",
                    "A publication dated before today is recorded by the disclosure office only.");
        }
        if (attribute != DisclosureAttribute.PROACTIVE) {
            throw DomainException.conflict("not-proactive", "Only proactive documents are published; this one is " + attribute.label() + ".");
        }
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("published-before-issued", "A document cannot be published before it was issued.");
        }
        if (interpretation != null && !interpretation.isReviewed()) {
            throw DomainException.conflict("interpretation-not-reviewed",
                    "The interpretation is reviewed before it is released together with its document.");
        }
        if (interpretationNeed.major() && coordination == null) {
            throw DomainException.conflict("coordination-required",
                    "A major document is coordinated with the propaganda and cyberspace departments before release.");
        }
        Set<String> channels = new LinkedHashSet<>();
        channels.add(WEBSITE);
        channels.addAll(catalogueChannels);
        channels.addAll(extraChannels == null ? List.of() : extraChannels);
        publishedOn = date;
        publishedChannels = List.copyOf(channels);
        status = Status.PUBLISHED;
        record(actor, now, "published", String.join(",", publishedChannels));
        outbox.add(OutboxEntry.of(new DocumentPublished(id, documentNumber, title, section, catalogueItemCode, issuedOn,
                publicationDueOn, publishedOn, isPublishedOnTime(), publishedChannels, now), now));
        if (interpretation != null) {
            outbox.add(OutboxEntry.of(new InterpretationPublished(id, documentNumber, section,
                    interpretation.forms().stream().map(Enum::name).toList(), interpretation.hasNonTextForm(), publishedOn, now), now));
        }
    }

    /** P7: the paper copy goes to the government-information reading room, recorded separately from publication. */
    public void transferToReadingRoom(Actor actor, LocalDate date, Instant now) {
        requireDraftingSectionOrOffice(actor);
        if (status != Status.ISSUED && status != Status.PUBLISHED) {
            throw DomainException.conflict("not-issued", "Only an issued document can be transferred to the reading room.");
        }
        if (readingRoomTransferredOn != null) {
            throw DomainException.conflict("already-transferred", "The paper copy was already transferred on " + readingRoomTransferredOn + ".");
        }
        readingRoomTransferredOn = date;
        record(actor, now, "transferred-to-reading-room", String.valueOf(date));
    }

    /** Announces, once, that the publication deadline has passed. Returns whether it announced now. */
    public boolean announceOverdue(LocalDate today, Instant now) {
        if (!isOverdueOn(today) || overdueAnnounced) {
            return false;
        }
        overdueAnnounced = true;
        record(Actor.system("deadline-watch"), now, "publication-overdue", "due " + publicationDueOn);
        outbox.add(OutboxEntry.of(new DocumentPublicationOverdue(id, documentNumber, section, issuedOn, publicationDueOn, today, now), now));
        return true;
    }

    /**
     * P4: after the annual review, an on-request or not-disclosed document becomes proactive; the marking line changes
     * and the 20-working-day clock restarts from the change date.
     */
    public void changeToProactive(int reviewYear, LocalDate changedOn, WorkingCalendar calendar, Actor actor, String reason, Instant now) {
        if (attribute == DisclosureAttribute.PROACTIVE) {
            throw DomainException.conflict("already-proactive", "Document " + documentNumber + " is already proactive.");
        }
        if (status != Status.ISSUED) {
            throw DomainException.conflict("not-issued", "Only an issued document changes its attribute in the annual review.");
        }
        DisclosureAttribute previous = attribute;
        attribute = DisclosureAttribute.PROACTIVE;
        legalBasis = null;
        markingLine = attribute.markingLine();
        startPublicationClock(changedOn, calendar);
        record(actor, now, "attribute-changed-to-proactive", reason);
        outbox.add(OutboxEntry.of(new DocumentAttributeChanged(id, documentNumber, section, reviewYear, previous.name(),
                attribute.name(), changedOn, publicationDueOn, now), now));
    }

    public boolean isPublishedOnTime() {
        return publishedOn != null && publicationDueOn != null && !publishedOn.isAfter(publicationDueOn);
    }

    /** Overdue: proactive, issued, not yet published, and the due date has passed. */
    public boolean isOverdueOn(LocalDate today) {
        return status == Status.ISSUED && attribute == DisclosureAttribute.PROACTIVE && publicationDueOn != null
                && today.isAfter(publicationDueOn);
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
            throw DomainException.invalid("date-in-future", "A document cannot be " + what + " on a future date (" + date + ").");
        }
    }

    private void requireDraftingSection(Actor actor) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "Only staff of section " + section + " may do this.");
        }
    }

    private void requireDraftingSectionOrOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            requireDraftingSection(actor);
        }
    }

    private void requireStatus(Status expected, String action) {
        if (status != expected) {
            throw DomainException.conflict("invalid-state", "Cannot " + action + " a document that is " + status + "; it must be " + expected + ".");
        }
    }

    private void record(Actor actor, Instant now, String action, String reason) {
        audit.add(AuditEntry.of(actor, now, action, reason));
    }

    public String id() { return id; }
    public String documentNumber() { return documentNumber; }
    public String title() { return title; }
    public String body() { return body; }
    public String section() { return section; }
    public String drafter() { return drafter; }
    public String catalogueItemCode() { return catalogueItemCode; }
    public boolean issuedInCountyName() { return issuedInCountyName; }
    public DisclosureAttribute attribute() { return attribute; }
    public LegalBasis legalBasis() { return legalBasis; }
    public boolean mayInvolveStateSecrets() { return mayInvolveStateSecrets; }
    public InterpretationNeed interpretationNeed() { return interpretationNeed; }
    public List<Attachment> attachments() { return attachments; }
    public Status status() { return status; }
    public ReviewStage pendingStage() { return pendingStage; }
    public List<ReviewStep> reviews() { return List.copyOf(reviews); }
    public Interpretation interpretation() { return interpretation; }
    public Coordination coordination() { return coordination; }
    public LocalDate issuedOn() { return issuedOn; }
    public String markingLine() { return markingLine; }
    public LocalDate publicationDueOn() { return publicationDueOn; }
    public boolean publicationDueOnConfirmed() { return publicationDueOnConfirmed; }
    public LocalDate publishedOn() { return publishedOn; }
    public List<String> publishedChannels() { return publishedChannels; }
    public LocalDate readingRoomTransferredOn() { return readingRoomTransferredOn; }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
