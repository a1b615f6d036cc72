package org.gongkai.publication.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.calendar.Deadline;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublished;
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
 * A policy document through its disclosure lifecycle: drafted by a section with its disclosure attribute (P1),
 * reviewed (P2, O4), issued with its marking line (P5), published within 20 working days when proactive (P6)
 * on the website and the catalogue item's channels, its paper copy moved to the reading room (P7).
 */
@Document("documents")
public class PolicyDocument {

    public enum Status { DRAFT, IN_REVIEW, APPROVED, ISSUED, PUBLISHED }

    /** P6: proactive documents go public within this many working days of issuance. */
    public static final int PUBLICATION_WORKING_DAYS = 20;
    public static final String WEBSITE = "gov-website";

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String documentNumber;
    private final String title;
    private final String body;
    private final String section;
    private final String drafter;
    private final String catalogueItemCode;
    private final List<String> catalogueChannels;
    private final boolean issuedInCountyName;
    private final DisclosureAttribute attribute;
    private final LegalBasis legalBasis;
    private final boolean mayInvolveStateSecrets;
    private Status status;
    private ReviewStage pendingStage;
    private final List<ReviewStep> reviews;
    private LocalDate issuedOn;
    private String markingLine;
    private LocalDate publicationDueOn;
    private boolean publicationDueOnConfirmed;
    private LocalDate publishedOn;
    private List<String> publishedChannels;
    private LocalDate readingRoomTransferredOn;
    private final List<AuditEntry> audit;
    private final List<OutboxEntry> outbox;
    @Version
    private Long revision;

    @PersistenceCreator
    PolicyDocument(String id, String documentNumber, String title, String body, String section, String drafter,
            String catalogueItemCode, List<String> catalogueChannels, boolean issuedInCountyName,
            DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets, Status status,
            ReviewStage pendingStage, List<ReviewStep> reviews, LocalDate issuedOn, String markingLine,
            LocalDate publicationDueOn, boolean publicationDueOnConfirmed, LocalDate publishedOn,
            List<String> publishedChannels, LocalDate readingRoomTransferredOn, List<AuditEntry> audit,
            List<OutboxEntry> outbox, Long revision) {
        this.id = id;
        this.documentNumber = documentNumber;
        this.title = title;
        this.body = body;
        this.section = section;
        this.drafter = drafter;
        this.catalogueItemCode = catalogueItemCode;
        this.catalogueChannels = List.copyOf(catalogueChannels == null ? List.of() : catalogueChannels);
        this.issuedInCountyName = issuedInCountyName;
        this.attribute = attribute;
        this.legalBasis = legalBasis;
        this.mayInvolveStateSecrets = mayInvolveStateSecrets;
        this.status = status;
        this.pendingStage = pendingStage;
        this.reviews = new ArrayList<>(reviews == null ? List.of() : reviews);
        this.issuedOn = issuedOn;
        this.markingLine = markingLine;
        this.publicationDueOn = publicationDueOn;
        this.publicationDueOnConfirmed = publicationDueOnConfirmed;
        this.publishedOn = publishedOn;
        this.publishedChannels = publishedChannels;
        this.readingRoomTransferredOn = readingRoomTransferredOn;
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.revision = revision;
    }

    /** What a section submits when drafting. */
    public record Draft(String documentNumber, String title, String body, String catalogueItemCode,
            boolean issuedInCountyName, DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets) {
    }

    public static PolicyDocument draft(String id, Draft draft, List<String> catalogueChannels, Actor actor, Instant now) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || actor.section() == null) {
            throw DomainException.forbidden("drafting-requires-section", "Only section staff with a section draft documents.");
        }
        if (draft.attribute() == null) {
            throw DomainException.invalid("disclosure-attribute-required",
                    "Choose the disclosure attribute at drafting: PROACTIVE, ON_REQUEST or NOT_DISCLOSED.");
        }
        if (draft.attribute() != DisclosureAttribute.PROACTIVE && draft.legalBasis() == null) {
            throw DomainException.invalid("legal-basis-required",
                    draft.attribute().label() + " needs a legal basis from the Regulations on Government Information Disclosure.");
        }
        if (draft.attribute() == DisclosureAttribute.PROACTIVE && draft.legalBasis() != null) {
            throw DomainException.invalid("legal-basis-not-applicable", "A proactive document takes no legal basis for non-disclosure.");
        }
        PolicyDocument document = new PolicyDocument(id, draft.documentNumber().strip(), draft.title().strip(), draft.body(),
                actor.section(), actor.username(), draft.catalogueItemCode(), catalogueChannels, draft.issuedInCountyName(),
                draft.attribute(), draft.legalBasis(), draft.mayInvolveStateSecrets(), Status.DRAFT, null, List.of(),
                null, null, null, false, null, null, null, List.of(), List.of(), null);
        document.record(actor, now, "drafted", draft.attribute().label());
        return document;
    }

    public void submitForReview(Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "submit");
        status = Status.IN_REVIEW;
        pendingStage = mayInvolveStateSecrets ? ReviewStage.CONFIDENTIALITY : ReviewStage.DISCLOSURE_OFFICE;
        record(actor, now, "submitted-for-review", pendingStage.name());
    }

    public void review(Actor actor, ReviewDecision decision, String note, Instant now) {
        requireStatus(Status.IN_REVIEW, "review");
        String role = pendingStage == ReviewStage.CONFIDENTIALITY ? Actor.CONFIDENTIALITY_OFFICER : Actor.DISCLOSURE_OFFICE;
        if (!actor.hasRole(role)) {
            throw DomainException.forbidden("wrong-reviewer", "The " + pendingStage + " review is for the " + role + ".");
        }
        if (decision == ReviewDecision.RETURN && (note == null || note.isBlank())) {
            throw DomainException.invalid("reason-required", "Returning a document needs a reason.");
        }
        reviews.add(new ReviewStep(pendingStage, actor.username(), actor.section(), decision, note, now));
        record(actor, now, "reviewed-" + pendingStage.name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        if (decision == ReviewDecision.RETURN) {
            status = Status.DRAFT;
            pendingStage = null;
        } else if (pendingStage == ReviewStage.CONFIDENTIALITY) {
            pendingStage = ReviewStage.DISCLOSURE_OFFICE;
        } else {
            status = Status.APPROVED;
            pendingStage = null;
        }
    }

    /** Issues the document, stamps the marking line and, when proactive, starts the 20-working-day clock. */
    public void issue(Actor actor, LocalDate date, WorkingCalendar calendar, Instant now) {
        requireDraftingSectionOrOffice(actor);
        requireStatus(Status.APPROVED, "issue");
        issuedOn = date;
        markingLine = attribute.markingLine();
        if (attribute == DisclosureAttribute.PROACTIVE) {
            Deadline due = calendar.addWorkingDays(date, PUBLICATION_WORKING_DAYS);
            publicationDueOn = due.due();
            publicationDueOnConfirmed = due.confirmed();
        }
        status = Status.ISSUED;
        record(actor, now, "issued", markingLine);
        outbox.add(OutboxEntry.of(new DocumentIssued(id, documentNumber, title, section, catalogueItemCode, attribute.name(),
                legalBasis == null ? null : legalBasis.name(), issuedOn, publicationDueOn, publicationDueOnConfirmed, now), now));
    }

    /** Publishes a proactive, issued document on the website (always) plus the catalogue item's and any named channels. */
    public void publish(Actor actor, LocalDate date, List<String> extraChannels, Instant now) {
        requireDraftingSectionOrOffice(actor);
        requireStatus(Status.ISSUED, "publish");
        if (attribute != DisclosureAttribute.PROACTIVE) {
            throw DomainException.conflict("not-proactive", "Only proactive documents are published; this one is " + attribute.label() + ".");
        }
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("published-before-issued", "A document cannot be published before it was issued.");
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

    public boolean isPublishedOnTime() {
        return publishedOn != null && publicationDueOn != null && !publishedOn.isAfter(publicationDueOn);
    }

    /** Overdue: proactive, issued, not yet published, and the due date has passed. */
    public boolean isOverdueOn(LocalDate today) {
        return status == Status.ISSUED && publicationDueOn != null && today.isAfter(publicationDueOn);
    }

    /** Only the public may see a proactive document once it is published. */
    public boolean isPublic() {
        return status == Status.PUBLISHED && attribute == DisclosureAttribute.PROACTIVE;
    }

    /** Sections see their own documents; the office, confidentiality officer and leadership see all. */
    public boolean isVisibleTo(Actor actor) {
        return actor.overseesAllSections() || actor.belongsTo(section);
    }

    private void requireDraftingSection(Actor actor) {
        if (!actor.hasRole(Actor.SECTION_STAFF) || !actor.belongsTo(section)) {
            throw DomainException.forbidden("not-your-section", "Only staff of section " + section + " may change this document.");
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
    public Status status() { return status; }
    public ReviewStage pendingStage() { return pendingStage; }
    public List<ReviewStep> reviews() { return List.copyOf(reviews); }
    public LocalDate issuedOn() { return issuedOn; }
    public String markingLine() { return markingLine; }
    public LocalDate publicationDueOn() { return publicationDueOn; }
    public boolean publicationDueOnConfirmed() { return publicationDueOnConfirmed; }
    public LocalDate publishedOn() { return publishedOn; }
    public List<String> publishedChannels() { return publishedChannels; }
    public LocalDate readingRoomTransferredOn() { return readingRoomTransferredOn; }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
