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
import org.gongkai.support.domain.RecordsChanges;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.KnownChannels;
import org.gongkai.support.domain.RecordedDates;
import org.gongkai.support.security.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A policy document through its disclosure lifecycle: drafted by a section with its disclosure attribute (P1, P3),
 * reviewed along the paths of O4 (P2), issued with its marking line (P5), published within 20 working days when
 * proactive (P6) on the website and the catalogue item's channels, its paper copy moved to the reading room (P7).
 * Its interpretation lives inside it, so both are reviewed and released together (I1–I6).
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
    private DocumentType documentType;
    private DisclosureAttribute attribute;
    private LegalBasis legalBasis;
    private boolean mayInvolveStateSecrets;
    private ConfidentialityClearance clearance;
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
    private Abolition abolition;
    @Unwrapped.Empty
    private final Changes changes;
    @Version
    private Long revision;

    @PersistenceCreator
    PolicyDocument(String id, String documentNumber, String title, String body, String section, String drafter,
            String catalogueItemCode, List<String> catalogueChannels, Boolean issuedInCountyName, DocumentType documentType,
            DisclosureAttribute attribute, LegalBasis legalBasis, Boolean mayInvolveStateSecrets,
            ConfidentialityClearance clearance, InterpretationNeed interpretationNeed, List<Attachment> attachments, Status status, ReviewStage pendingStage,
            List<ReviewStep> reviews, Interpretation interpretation, Coordination coordination, LocalDate issuedOn,
            String markingLine, LocalDate clockStartedOn, LocalDate publicationDueOn, Boolean publicationDueOnConfirmed,
            Boolean overdueAnnounced, LocalDate publishedOn, List<String> publishedChannels, LocalDate readingRoomTransferredOn,
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
        this.abolition = abolition;
        this.changes = changes == null ? Changes.none() : changes;
        this.revision = revision;
    }

    /** What a section submits when drafting or revising; no document type means OTHER. */
    public record Draft(String documentNumber, String title, String body, String catalogueItemCode,
            boolean issuedInCountyName, DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed, List<Attachment> attachments, DocumentType documentType) {

        public Draft(String documentNumber, String title, String body, String catalogueItemCode, boolean issuedInCountyName,
                DisclosureAttribute attribute, LegalBasis legalBasis, boolean mayInvolveStateSecrets,
                InterpretationNeed interpretationNeed, List<Attachment> attachments) {
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
                checkedAttachments(draft.attachments()), Status.DRAFT, null, List.of(), null, null, null, null, null, null,
                false, false, null, null, null, null, Changes.none(), null);
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

    private static List<Attachment> checkedAttachments(List<Attachment> attachments) {
        List<Attachment> list = attachments == null ? List.of() : attachments;
        if (list.size() > MAX_ATTACHMENTS) {
            throw DomainException.invalid("too-many-attachments", "附件最多 " + MAX_ATTACHMENTS + " 个。");
        }
        List<Attachment> checked = new ArrayList<>();
        for (Attachment a : list) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(a.contentBase64() == null ? "" : a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("invalid-attachment", "附件“" + a.name() + "”不是有效的 base64 编码。");
            }
            if (bytes.length == 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
                throw DomainException.invalid("attachment-too-large",
                        "附件“" + a.name() + "”不能为空，且不能超过 " + MAX_ATTACHMENT_BYTES / 1024 / 1024 + " MB。");
            }
            checked.add(new Attachment(a.name(), a.mediaType(), bytes.length, a.contentBase64()));
        }
        return checked;
    }

    /** The drafting section revises a draft, e.g. after a review returned it. */
    public void revise(Draft revised, Actor actor, Instant now) {
        requireDraftingSection(actor);
        requireStatus(Status.DRAFT, "修改");
        requireConsistentAttribute(revised.attribute(), revised.legalBasis());
        boolean disclosureEditedAfterReview = !reviews.isEmpty()
                && (revised.attribute() != attribute || revised.legalBasis() != legalBasis);
        title = revised.title().strip();
        body = revised.body();
        documentType = revised.typeOrOther();
        attribute = revised.attribute();
        legalBasis = revised.legalBasis();
        mayInvolveStateSecrets = revised.mayInvolveStateSecrets();
        interpretationNeed = revised.interpretationNeed() == null ? InterpretationNeed.NONE : revised.interpretationNeed();
        attachments = checkedAttachments(revised.attachments());
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
        pendingStage = hasPendingClearance() ? ReviewStage.CONFIDENTIALITY : ReviewStage.DISCLOSURE_OFFICE;
        record(actor, now, "submitted-for-review", pendingStage.name());
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
        ReviewStage stage = pendingStage;
        requireReviewer(actor, stage, decision, note);
        ReviewStage next = switch (decision) {
            case RETURN -> null;
            case APPROVE -> stage == ReviewStage.DISCLOSURE_OFFICE ? null : ReviewStage.DISCLOSURE_OFFICE;
            case REFER_TO_CONFIDENTIALITY -> {
                if (stage != ReviewStage.DISCLOSURE_OFFICE) {
                    throw DomainException.conflict("cannot-refer", "只有政务公开办可将文件转保密审查。");
                }
                yield ReviewStage.CONFIDENTIALITY;
            }
            case ESCALATE -> escalationFrom(stage);
        };
        AuthorityRuling checkedRuling = checkedRuling(stage, decision, ruling, today);
        String head = null;
        if (stage == ReviewStage.DISCLOSURE_OFFICE && decision == ReviewDecision.APPROVE) {
            if (responsibleHead == null || responsibleHead.isBlank()) {
                throw DomainException.invalid("responsible-head-required",
                        "审核通过须记录签批的单位负责人（谁审查谁负责）。");
            }
            head = responsibleHead.strip();
        }
        reviews.add(new ReviewStep(stage, actor.username(), actor.section(), decision, note, now, checkedRuling, head));
        record(actor, now, "reviewed-" + stage.name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        if (stage.isConfidentialityBody() && decision == ReviewDecision.APPROVE) {
            decideClearance(ConfidentialityClearance.Outcome.CLEARED, actor, now, checkedRuling);
        }
        if (decision == ReviewDecision.REFER_TO_CONFIDENTIALITY) {
            openClearance("政务公开办认为可能涉密，转保密审查", actor, now);
        }
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
        ReviewStage stage = pendingStage;
        requireReviewer(actor, stage, decision, note);
        AuthorityRuling checkedRuling = checkedRuling(stage, decision, ruling, today);
        reviews.add(new ReviewStep(stage, actor.username(), actor.section(), decision, note, now, checkedRuling, null));
        record(actor, now, "widening-" + stage.name().toLowerCase() + "-" + decision.name().toLowerCase(), note);
        switch (decision) {
            case ESCALATE -> pendingStage = escalationFrom(stage);
            case RETURN -> {
                decideClearance(ConfidentialityClearance.Outcome.REFUSED, actor, now, checkedRuling);
                pendingStage = null;
            }
            case APPROVE -> {
                ConfidentialityClearance widening = clearance;
                decideClearance(ConfidentialityClearance.Outcome.CLEARED, actor, now, checkedRuling);
                pendingStage = null;
                DisclosureAttribute previous = attribute;
                attribute = widening.widenTo();
                legalBasis = null;
                markingLine = attribute.markingLine();
                startPublicationClock(today, calendar);
                record(actor, now, "attribute-changed-to-proactive", widening.widenReason());
                changes.announce(new DocumentAttributeChanged(id, documentNumber, section, widening.reviewYear(),
                        previous.name(), attribute.name(), today, publicationDueOn, now), now);
            }
            default -> throw DomainException.invalid("decision-not-applicable", "保密审查只能同意、不同意或报有权机关确定。");
        }
    }

    private void requireReviewer(Actor actor, ReviewStage stage, ReviewDecision decision, String note) {
        String role = stage.isConfidentialityBody() ? Actor.CONFIDENTIALITY_OFFICER : Actor.DISCLOSURE_OFFICE;
        if (!actor.hasRole(role)) {
            throw DomainException.forbidden("wrong-reviewer", "“" + stage.label() + "”环节由"
                    + (stage.isConfidentialityBody() ? "保密审查员" : "政务公开办") + "办理。");
        }
        if (decision != ReviewDecision.APPROVE && (note == null || note.isBlank())) {
            throw DomainException.invalid("reason-required", "“" + decision.label() + "”须说明理由。");
        }
    }

    private static ReviewStage escalationFrom(ReviewStage stage) {
        return switch (stage) {
            case CONFIDENTIALITY -> ReviewStage.ENTITLED_ORGAN;
            case DISCLOSURE_OFFICE -> ReviewStage.BUSINESS_DEPARTMENT;
            default -> throw DomainException.conflict("cannot-escalate", "“" + stage.label() + "”已是最后一级。");
        };
    }

    /** At the entitled organ the officer records the competent authority's decision; elsewhere no ruling is taken. */
    private static AuthorityRuling checkedRuling(ReviewStage stage, ReviewDecision decision, AuthorityRuling ruling, LocalDate today) {
        if (stage != ReviewStage.ENTITLED_ORGAN || decision == ReviewDecision.ESCALATE) {
            return null;
        }
        if (ruling == null || ruling.authority() == null || ruling.authority().isBlank() || ruling.decidedOn() == null
                || ruling.reference() == null || ruling.reference().isBlank()) {
            throw DomainException.invalid("authority-ruling-required",
                    "请记录有权确定的保密或政务公开主管部门名称、决定日期和文号。");
        }
        if (ruling.decidedOn().isAfter(today) || ruling.decidedOn().getYear() < 2000) {
            throw DomainException.invalid("implausible-date", "主管部门决定日期 " + ruling.decidedOn() + " 不合理：不能早于2000年，也不能晚于今天。");
        }
        return new AuthorityRuling(ruling.authority().strip(), ruling.decidedOn(), ruling.reference().strip());
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

    /** I4: the drafting section interprets, covering all nine elements, in one or more forms. */
    public void draftInterpretation(Interpretation draft, Actor actor, Instant now) {
        requireDraftingSection(actor);
        if (status == Status.ISSUED || status == Status.PUBLISHED) {
            throw DomainException.conflict("document-already-issued", "政策解读须在文件印发前与文件同步起草。");
        }
        if (draft.forms() == null || draft.forms().isEmpty()) {
            throw DomainException.invalid("interpretation-form-required", "请至少选择一种解读形式。");
        }
        Set<InterpretationElement> missing = EnumSet.allOf(InterpretationElement.class);
        missing.removeAll(draft.elementsCovered() == null ? Set.of() : draft.elementsCovered());
        if (!missing.isEmpty()) {
            throw DomainException.invalid("interpretation-elements-missing", "政策解读还须涵盖以下要素：" + missing.stream().map(InterpretationElement::label).collect(java.util.stream.Collectors.joining("、")) + "。");
        }
        if (draft.forms().contains(InterpretationForm.TEXT) && !draft.textUsesCasesDataOrQa()) {
            throw DomainException.invalid("text-interpretation-needs-cases", "文字解读须运用案例、数据或问答等方式。");
        }
        List<InterpretationForm> forms = List.copyOf(new LinkedHashSet<>(draft.forms()));
        interpretation = new Interpretation(draft.content(), forms, draft.textUsesCasesDataOrQa(), Set.copyOf(draft.elementsCovered()),
                actor.username(), now, null, null, checkedMedia(draft.media(), forms));
        record(actor, now, "interpretation-drafted", draft.forms().toString());
    }

    private List<InterpretationMedia> checkedMedia(List<InterpretationMedia> media, List<InterpretationForm> forms) {
        List<InterpretationMedia> checked = new ArrayList<>();
        for (InterpretationMedia m : media == null ? List.<InterpretationMedia>of() : media) {
            if (m.form() == null || !m.form().isNonText() || !forms.contains(m.form())) {
                throw DomainException.invalid("media-form-mismatch", "解读材料须对应已选择的非文字解读形式。");
            }
            String location = m.location() == null ? "" : m.location().strip();
            InterpretationMedia candidate = new InterpretationMedia(m.form(), m.title() == null ? "" : m.title().strip(), location);
            String attachment = candidate.attachmentName();
            boolean attached = attachment != null && attachments.stream().anyMatch(a -> a.name().equals(attachment));
            if (!candidate.isLink() && !attached) {
                throw DomainException.invalid("media-location-invalid",
                        "解读材料须为已发布的网址（http:// 或 https://）或本文件的附件（attachment:附件名）：" + location);
            }
            checked.add(candidate);
        }
        return checked;
    }

    public void reviewInterpretation(Actor actor, Instant now) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("wrong-reviewer", "政策解读由政务公开办公室审核。");
        }
        if (interpretation == null) {
            throw DomainException.conflict("no-interpretation", "该文件没有待审核的政策解读。");
        }
        interpretation = interpretation.reviewed(actor.username(), now);
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
        if (requiresInterpretation() && (interpretation == null || !interpretation.isReviewed())) {
            throw DomainException.conflict("interpretation-required",
                    "该文件须进行政策解读；请在印发前起草解读并经审核。");
        }
        issuedOn = date;
        markingLine = attribute.markingLine();
        status = Status.ISSUED;
        if (attribute == DisclosureAttribute.PROACTIVE) {
            startPublicationClock(date, calendar);
        }
        record(actor, now, "issued", markingLine);
        changes.announce(new DocumentIssued(id, documentNumber, title, section, catalogueItemCode, attribute.name(),
                legalBasis == null ? null : legalBasis.name(), issuedOn, publicationDueOn, publicationDueOnConfirmed,
                documentType.name(), now), now);
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
            changes.announce(new DocumentDeadlineChanged(id, documentNumber, section, publicationDueOn,
                    publicationDueOnConfirmed, now), now);
        }
        return changed;
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
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("published-before-issued", "公开日期不能早于印发日期。");
        }
        if (interpretation != null && !interpretation.isReviewed()) {
            throw DomainException.conflict("interpretation-not-reviewed",
                    "政策解读须经审核后才能与文件同步发布。");
        }
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
        publishedOn = date;
        publishedChannels = List.copyOf(channels);
        status = Status.PUBLISHED;
        record(actor, now, "published", String.join(",", publishedChannels));
        changes.announce(new DocumentPublished(id, documentNumber, title, section, catalogueItemCode, issuedOn,
                publicationDueOn, publishedOn, isPublishedOnTime(), publishedChannels, now), now);
        if (interpretation != null) {
            changes.announce(new InterpretationPublished(id, documentNumber, section,
                    interpretation.forms().stream().map(Enum::name).toList(), interpretation.hasNonTextForm(), publishedOn, now), now);
        }
    }

    /** P7: the paper copy goes to the government-information reading room, recorded separately from publication. */
    public void transferToReadingRoom(Actor actor, LocalDate date, LocalDate today, Instant now) {
        requireDraftingSectionOrOffice(actor);
        if (status != Status.ISSUED && status != Status.PUBLISHED) {
            throw DomainException.conflict("not-issued", "只有已印发的文件才能移交查阅场所。");
        }
        RecordedDates.require(date, today, "移交查阅场所");
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("transferred-before-issued", "移交日期（" + date + "）不能早于印发日期（" + issuedOn + "）。");
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
        if (date.isBefore(issuedOn)) {
            throw DomainException.invalid("abolished-before-issued", "废止日期（" + date + "）不能早于印发日期（" + issuedOn + "）。");
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
        if (!isOverdueOn(today) || overdueAnnounced) {
            return false;
        }
        overdueAnnounced = true;
        record(Actor.system("deadline-watch"), now, "publication-overdue", "due " + publicationDueOn);
        changes.announce(new DocumentPublicationOverdue(id, documentNumber, section, issuedOn, publicationDueOn, today, now), now);
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
        pendingStage = ReviewStage.CONFIDENTIALITY;
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
        return publishedOn != null && publicationDueOn != null && !publishedOn.isAfter(publicationDueOn);
    }

    /** Overdue: proactive, issued, not yet published, and the due date has passed. */
    public boolean isOverdueOn(LocalDate today) {
        return status == Status.ISSUED && attribute == DisclosureAttribute.PROACTIVE && publicationDueOn != null
                && abolition == null && today.isAfter(publicationDueOn);
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
    public List<AuditEntry> audit() { return changes.auditTrail(); }
    @Override public Changes changes() { return changes; }
}
