package org.gongkai.publication.attributereview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.support.domain.AuditEntry;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The annual review of non-public attributes (P4): the disclosure office lists every on-request and not-disclosed
 * document; each is kept or changed to proactive, the latter only after the drafting section's opinion is recorded.
 */
@Document("attribute_reviews")
public class AttributeReview {

    public enum Decision {
        KEEP("维持原属性"), CHANGE_TO_PROACTIVE("调整为主动公开");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    /** The first year whose disclosure work Gongkai records (its official calendar begins then). */
    public static final int FIRST_REPORTING_YEAR = 2020;

    public record Entry(String documentId, String documentNumber, String title, String section, String attribute,
            String legalBasis, String sectionOpinion, String opinionBy, Decision decision, String decidedBy, String reason,
            Instant decidedAt) {

        /** The attribute's Chinese label beside its code; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "attributeLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String attributeLabel() {
            if (attribute == null) {
                return null;
            }
            try {
                return org.gongkai.publication.document.DisclosureAttribute.valueOf(attribute).label();
            } catch (IllegalArgumentException unknown) {
                return attribute;
            }
        }

        /** The legal basis's Chinese label beside its code; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "legalBasisLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String legalBasisLabel() {
            if (legalBasis == null) {
                return null;
            }
            try {
                return org.gongkai.publication.document.LegalBasis.valueOf(legalBasis).label();
            } catch (IllegalArgumentException unknown) {
                return legalBasis;
            }
        }

        /** The decision's Chinese label beside its code; shown, never stored. */
        @com.fasterxml.jackson.annotation.JsonProperty(value = "decisionLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String decisionLabel() {
            return decision == null ? null : decision.label();
        }

        Entry withOpinion(String opinion, String by) {
            return new Entry(documentId, documentNumber, title, section, attribute, legalBasis, opinion, by, decision, decidedBy,
                    reason, decidedAt);
        }

        Entry decided(Decision d, String by, String why, Instant at) {
            return new Entry(documentId, documentNumber, title, section, attribute, legalBasis, sectionOpinion, opinionBy, d, by,
                    why, at);
        }
    }

    @Id
    private final String id;
    private final int year;
    private final List<Entry> entries;
    private final List<AuditEntry> audit;
    @Version
    private Long revision;

    @PersistenceCreator
    AttributeReview(String id, int year, List<Entry> entries, List<AuditEntry> audit, Long revision) {
        this.id = id;
        this.year = year;
        this.entries = new ArrayList<>(entries);
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
        this.revision = revision;
    }

    public static AttributeReview open(int year, int currentYear, List<Entry> nonPublicDocuments, Actor actor, Instant now) {
        requireOffice(actor);
        if (year < FIRST_REPORTING_YEAR || year > currentYear) {
            throw DomainException.invalid("review-year-out-of-range", "年度属性审查的年份须在" + FIRST_REPORTING_YEAR + "年至"
                    + currentYear + "年之间，收到的是" + year + "年。");
        }
        AttributeReview review = new AttributeReview(String.valueOf(year), year, nonPublicDocuments, List.of(), null);
        review.audit.add(AuditEntry.of(actor, now, "opened", nonPublicDocuments.size() + " documents"));
        return review;
    }

    /** The drafting section's opinion, asked before any change (征求起草单位意见). */
    public void recordOpinion(String documentId, String opinion, Actor actor, Instant now) {
        Entry entry = entry(documentId);
        if (!actor.hasRole(Actor.SECTION_STAFF) || !actor.belongsTo(entry.section())) {
            throw DomainException.forbidden("not-your-section", "只有起草股室可以提出意见。");
        }
        if (opinion == null || opinion.isBlank()) {
            throw DomainException.invalid("opinion-required", "意见不能为空。");
        }
        replace(entry, entry.withOpinion(opinion, actor.username()));
        audit.add(AuditEntry.of(actor, now, "section-opinion", opinion));
    }

    /** Returns the entry as decided; the caller changes the document when the decision is CHANGE_TO_PROACTIVE. */
    public Entry decide(String documentId, Decision decision, String reason, Actor actor, Instant now) {
        requireOffice(actor);
        Entry entry = entry(documentId);
        if (entry.decision() != null) {
            throw DomainException.conflict("already-decided", "文件 " + entry.documentNumber() + " 已有审查决定：" + entry.decision().label() + "。");
        }
        if (decision == Decision.CHANGE_TO_PROACTIVE && entry.sectionOpinion() == null) {
            throw DomainException.conflict("section-opinion-required",
                    "调整文件 " + entry.documentNumber() + " 的公开属性前，须先记录起草股室的意见。");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "年度属性审查的决定须说明理由。");
        }
        Entry decided = entry.decided(decision, actor.username(), reason, now);
        replace(entry, decided);
        audit.add(AuditEntry.of(actor, now, "decided-" + decision.name().toLowerCase(), reason));
        return decided;
    }

    private Entry entry(String documentId) {
        return entries.stream().filter(e -> e.documentId().equals(documentId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("not-under-review", "该文件（" + documentId + "）不在 " + year + " 年度的公开属性审查范围内。"));
    }

    private void replace(Entry before, Entry after) {
        entries.set(entries.indexOf(before), after);
    }

    private static void requireOffice(Actor actor) {
        if (!actor.hasRole(Actor.DISCLOSURE_OFFICE)) {
            throw DomainException.forbidden("office-only", "年度公开属性审查由政务公开办公室办理。");
        }
    }

    /** Sections see only their own documents in the review; the office and leadership see all. */
    public List<Entry> entriesVisibleTo(Actor actor) {
        return entries.stream().filter(e -> actor.overseesAllSections() || actor.belongsTo(e.section())).toList();
    }

    public String id() { return id; }
    public int year() { return year; }
    public List<Entry> entries() { return List.copyOf(entries); }
    public List<AuditEntry> audit() { return List.copyOf(audit); }
}
