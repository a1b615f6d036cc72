package org.gongkai.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-aggregated figures (issue 16): counters kept per half-year in a few documents of {@code figure_counters},
 * looked up by {@code _id} only, so the leadership report reads a handful of documents instead of every fact.
 * <ul>
 * <li>{@code <year>-H<half>} (e.g. {@code 2026-H1}): per scope — {@code county} (every fact, a section or not) and
 * {@code sections.<section>} — the counts of the facts whose date falls in that half; a year is the sum of its halves.</li>
 * <li>{@code overdue|<year>} and {@code overdue|years}: when documents become overdue ({@code starts}) and stop being
 * overdue by being published ({@code ends}), per day and per year, so "still overdue as of a day" is a prefix sum.</li>
 * <li>{@code catalogues}: every published catalogue version (few), for coverage and versions published.</li>
 * </ul>
 * Which counters one fact adds to is its <em>contribution</em>, a list of {@code <counter document>\t<field path>}
 * entries, each counting one; {@link FigureCountersRepository} moves the counters from a fact's counted contribution to its
 * current one.
 */
public final class FigureCounters {

    /** Same zone as the figures: dates are China Standard Time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final String COLLECTION = "figure_counters";
    public static final String COUNTY = "county";
    public static final String SECTIONS = "sections";
    public static final String CATALOGUES = "catalogues";
    public static final String OVERDUE_YEARS = "overdue|years";
    /** Present when the counters hold every fact of their generation (filled from the start, or by a rebuild). */
    public static final String COMPLETE = "complete";
    /** Per-transition markers inside a counter document (see {@link FigureCountersRepository}); not a figure. */
    public static final String APPLIED = "applied";

    public static final String DOCUMENTS_ISSUED = "documentsIssued";
    public static final String ISSUED_BY_ATTRIBUTE = "issuedByAttribute";
    public static final String ISSUED_BY_LEGAL_BASIS = "issuedByLegalBasis";
    public static final String DOCUMENTS_PUBLISHED = "documentsPublished";
    public static final String PUBLISHED_ON_TIME = "publishedOnTime";
    public static final String PUBLISHED_BY_ITEM = "publishedByItem";
    public static final String ATTRIBUTES_CHANGED = "attributesChangedInReview";
    public static final String INTERPRETATIONS = "interpretationsPublished";
    public static final String INTERPRETATIONS_BY_FORM = "interpretationsByForm";
    public static final String INTERPRETATIONS_NON_TEXT = "interpretationsNonText";
    public static final String CONCERNS = "concernsReceived";
    public static final String CONCERNS_WITHIN_48_HOURS = "concernsAnsweredWithin48Hours";
    public static final String CONCERNS_LATE = "concernsAnsweredLate";
    /** Unanswered concerns by the China date their response falls due: overdue as of a day = those due on or before it. */
    public static final String CONCERNS_UNANSWERED_DUE_ON = "concernsUnansweredDueOn";
    public static final String CONCERNS_ESCALATED = "concernsEscalated";
    public static final String CONSULTATIONS_OPENED = "consultationsOpened";
    public static final String CONSULTATIONS_CLOSED = "consultationsClosed";
    public static final String FEEDBACK_PUBLISHED = "feedbackReportsPublished";
    public static final String COMMENTS = "commentsReceived";
    public static final String OPINIONS_BY_DECISION = "opinionsByDecision";
    /** Decided opinions not {@code NOT_ADOPTED} (adopted fully or in part), the numerator of the adoption rate. */
    public static final String OPINIONS_ADOPTED = "opinionsAdopted";
    public static final String CONCENTRATED_NOT_ADOPTED = "concentratedOpinionsNotAdopted";
    public static final String OVERDUE_STARTS = "starts";
    public static final String OVERDUE_ENDS = "ends";

    private FigureCounters() {
    }

    public static String halfId(LocalDate date) {
        return Period.halfOf(date).toString();
    }

    public static String overdueYearId(int year) {
        return "overdue|" + year;
    }

    /** The counter documents' ids holding {@code period}: its half, or both halves of a year. */
    public static List<String> halfIds(Period period) {
        return period.half() != null ? List.of(period.toString())
                : List.of(new Period(period.year(), 1).toString(), new Period(period.year(), 2).toString());
    }

    /** The path of a scope inside a counter document: {@code county}, or {@code sections.<section>}. */
    public static String scope(String section) {
        return section == null ? COUNTY : SECTIONS + "." + key(section);
    }

    /** A code as a field name: MongoDB field names may not contain '.' nor start with '$'. */
    public static String key(String code) {
        if (code.isEmpty()) {
            return "%e";
        }
        return code.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String code(String key) {
        if (key.equals("%e")) {
            return "";
        }
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(CHINA).toLocalDate();
    }

    /** What one fact adds to the counters, one entry per count; empty when it counts nowhere yet. */
    static List<String> contribution(Object fact) {
        Contribution c = new Contribution();
        if (fact instanceof DocumentFacts d) {
            c.add(d.section(), d.issuedOn(), DOCUMENTS_ISSUED);
            c.add(d.section(), d.issuedOn(), d.disclosureAttribute() == null ? null : ISSUED_BY_ATTRIBUTE + "." + key(d.disclosureAttribute()));
            c.add(d.section(), d.issuedOn(), d.legalBasisCode() == null ? null : ISSUED_BY_LEGAL_BASIS + "." + key(d.legalBasisCode()));
            c.add(d.section(), d.publishedOn(), DOCUMENTS_PUBLISHED);
            c.add(d.section(), d.publishedOn(), Boolean.TRUE.equals(d.publishedOnTime()) ? PUBLISHED_ON_TIME : null);
            c.add(d.section(), d.publishedOn(), d.catalogueItemCode() == null ? null : PUBLISHED_BY_ITEM + "." + key(d.catalogueItemCode()));
            c.add(d.section(), d.attributeChangedOn(), ATTRIBUTES_CHANGED);
            c.add(d.section(), d.interpretationPublishedOn(), INTERPRETATIONS);
            if (d.interpretationForms() != null) {
                d.interpretationForms().forEach(form -> c.add(d.section(), d.interpretationPublishedOn(),
                        form == null ? null : INTERPRETATIONS_BY_FORM + "." + key(form)));
            }
            c.add(d.section(), d.interpretationPublishedOn(), Boolean.TRUE.equals(d.interpretationNonText()) ? INTERPRETATIONS_NON_TEXT : null);
            overdue(c, d);
        } else if (fact instanceof ConcernFacts f) {
            LocalDate seen = date(f.firstSeenAt());
            c.add(f.section(), seen, CONCERNS);
            c.add(f.section(), seen, Boolean.TRUE.equals(f.answeredOnTime()) ? CONCERNS_WITHIN_48_HOURS
                    : Boolean.FALSE.equals(f.answeredOnTime()) ? CONCERNS_LATE : null);
            c.add(f.section(), seen, f.answeredAt() == null && f.responseDueAt() != null
                    ? CONCERNS_UNANSWERED_DUE_ON + "." + date(f.responseDueAt()) : null);
            c.add(f.section(), seen, Boolean.TRUE.equals(f.escalated()) ? CONCERNS_ESCALATED : null);
        } else if (fact instanceof ConsultationFacts f) {
            c.add(f.section(), date(f.openedAt()), CONSULTATIONS_OPENED);
            c.add(f.section(), date(f.closedAt()), CONSULTATIONS_CLOSED);
            c.add(f.section(), date(f.feedbackPublishedAt()), FEEDBACK_PUBLISHED);
        } else if (fact instanceof CommentFacts f) {
            c.add(f.section(), date(f.receivedAt()), COMMENTS);
        } else if (fact instanceof OpinionFacts f) {
            LocalDate decided = date(f.decidedAt());
            if (f.decision() != null) {
                c.add(f.section(), decided, OPINIONS_BY_DECISION + "." + key(f.decision()));
            }
            c.add(f.section(), decided, !"NOT_ADOPTED".equals(f.decision()) ? OPINIONS_ADOPTED : null);
            c.add(f.section(), decided, f.concentrated() && !"ADOPTED".equals(f.decision()) ? CONCENTRATED_NOT_ADOPTED : null);
        } else {
            throw new IllegalArgumentException("no counters for " + fact.getClass().getSimpleName());
        }
        return c.entries();
    }

    /**
     * A document is overdue as of a day after its due date and before its publication (FiguresCalculator's
     * {@code overdueOn}): it starts counting the day after it falls due and ends on the day it is published.
     */
    private static void overdue(Contribution c, DocumentFacts d) {
        LocalDate due = d.publicationDueOn();
        if (due == null) {
            return;
        }
        LocalDate start = due.plusDays(1);
        LocalDate end = d.publishedOn();
        if (end != null && !end.isAfter(start)) {
            return; // published by the day after it fell due: never overdue as of any day
        }
        c.timeline(d.section(), start, OVERDUE_STARTS);
        if (end != null) {
            c.timeline(d.section(), end, OVERDUE_ENDS);
        }
    }

    public static String dayKey(LocalDate day) {
        return String.format("%02d%02d", day.getMonthValue(), day.getDayOfMonth());
    }

    private static final class Contribution {

        private final List<String> entries = new ArrayList<>();

        /** One count of {@code field} in the half of {@code date}, county-wide and for the section (if any). */
        void add(String section, LocalDate date, String field) {
            if (date == null || field == null) {
                return;
            }
            String half = halfId(date);
            entries.add(half + "\t" + scope(null) + "." + field);
            if (section != null) {
                entries.add(half + "\t" + scope(section) + "." + field);
            }
        }

        void timeline(String section, LocalDate day, String kind) {
            for (String scope : section == null ? List.of(scope(null)) : List.of(scope(null), scope(section))) {
                entries.add(overdueYearId(day.getYear()) + "\t" + scope + "." + kind + "." + dayKey(day));
                entries.add(OVERDUE_YEARS + "\t" + scope + "." + kind + "." + day.getYear());
            }
        }

        List<String> entries() {
            List<String> sorted = new ArrayList<>(entries);
            java.util.Collections.sort(sorted);
            return sorted;
        }
    }
}
