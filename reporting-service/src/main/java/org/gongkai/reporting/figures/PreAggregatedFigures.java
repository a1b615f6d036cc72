package org.gongkai.reporting.figures;

import static org.gongkai.reporting.facts.FigureCounters.*;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.gongkai.reporting.facts.FigureCounters;
import org.gongkai.reporting.facts.Period;

/**
 * Figures read from the pre-aggregated {@link FigureCounters} documents instead of the facts: the same figures as
 * {@link FiguresCalculator} computes from all facts (the test oracle), from a handful of documents looked up by id.
 */
final class PreAggregatedFigures {

    private final Map<String, Document> counters;
    private final LocalDate today;

    private PreAggregatedFigures(Map<String, Document> counters, LocalDate today) {
        this.counters = counters;
        this.today = today;
    }

    /** The counter documents the figures of {@code periods} need, as of {@code today}. */
    static Set<String> idsFor(Collection<Period> periods, LocalDate today) {
        Set<String> ids = new LinkedHashSet<>(List.of(CATALOGUES, OVERDUE_YEARS));
        for (Period period : periods) {
            ids.addAll(halfIds(period));
            ids.add(overdueYearId(asOf(period, today).getYear()));
        }
        return ids;
    }

    static PreAggregatedFigures of(Map<String, Document> counters, LocalDate today) {
        return new PreAggregatedFigures(counters, today);
    }

    private static LocalDate asOf(Period period, LocalDate today) {
        return today.isBefore(period.end()) ? today : period.end();
    }

    /** A section's figures, or the county's for {@code section} {@code null}. */
    SectionFigures figures(String section, Period period) {
        LocalDate asOf = asOf(period, today);
        Map<String, Long> c = new HashMap<>();
        for (String half : halfIds(period)) {
            flatten(scopeOf(counters.get(half), section), "", c);
        }
        long published = n(c, DOCUMENTS_PUBLISHED);
        long onTime = n(c, PUBLISHED_ON_TIME);
        long interpretations = n(c, INTERPRETATIONS);
        long within48 = n(c, CONCERNS_WITHIN_48_HOURS);
        long late = n(c, CONCERNS_LATE);
        long unansweredOverdue = c.entrySet().stream()
                .filter(e -> e.getKey().startsWith(CONCERNS_UNANSWERED_DUE_ON + "."))
                .filter(e -> !LocalDate.parse(e.getKey().substring(CONCERNS_UNANSWERED_DUE_ON.length() + 1)).isAfter(asOf))
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> byDecision = byCode(c, OPINIONS_BY_DECISION);
        long decided = byDecision.values().stream().mapToLong(Long::longValue).sum();

        Catalogues catalogues = catalogues(period);
        long covered = catalogues.currentItems().stream().filter(code -> n(c, PUBLISHED_BY_ITEM + "." + key(code)) > 0).count();

        return new SectionFigures(section, period.toString(), n(c, DOCUMENTS_ISSUED), published, onTime, published - onTime,
                stillOverdue(section, asOf), byCode(c, ISSUED_BY_ATTRIBUTE), byCode(c, ISSUED_BY_LEGAL_BASIS),
                n(c, ATTRIBUTES_CHANGED), FiguresCalculator.rate(onTime, published),
                interpretations, byCode(c, INTERPRETATIONS_BY_FORM), FiguresCalculator.rate(n(c, INTERPRETATIONS_NON_TEXT), interpretations),
                n(c, CONCERNS), within48, late, unansweredOverdue, n(c, CONCERNS_ESCALATED),
                FiguresCalculator.rate(within48, within48 + late + unansweredOverdue),
                n(c, CONSULTATIONS_OPENED), n(c, CONSULTATIONS_CLOSED), n(c, COMMENTS),
                byDecision, n(c, CONCENTRATED_NOT_ADOPTED), n(c, FEEDBACK_PUBLISHED),
                FiguresCalculator.rate(n(c, OPINIONS_ADOPTED), decided),
                catalogues.versionsPublished(), covered, catalogues.currentItems().size(),
                FiguresCalculator.rate(covered, catalogues.currentItems().size()));
    }

    /** Documents due and not published as of {@code asOf}: those that started being overdue by then, less those that ended. */
    private long stillOverdue(String section, LocalDate asOf) {
        Map<String, Long> years = new HashMap<>();
        flatten(scopeOf(counters.get(OVERDUE_YEARS), section), "", years);
        Map<String, Long> days = new HashMap<>();
        flatten(scopeOf(counters.get(overdueYearId(asOf.getYear())), section), "", days);
        String day = dayKey(asOf);
        long overdue = 0;
        for (Map.Entry<String, Long> e : years.entrySet()) {
            String y = e.getKey().substring(e.getKey().indexOf('.') + 1);
            if (Integer.parseInt(y) < asOf.getYear()) {
                overdue += e.getKey().startsWith(OVERDUE_STARTS + ".") ? e.getValue() : -e.getValue();
            }
        }
        for (Map.Entry<String, Long> e : days.entrySet()) {
            String d = e.getKey().substring(e.getKey().indexOf('.') + 1);
            if (d.compareTo(day) <= 0) {
                overdue += e.getKey().startsWith(OVERDUE_STARTS + ".") ? e.getValue() : -e.getValue();
            }
        }
        return overdue;
    }

    private record Catalogues(long versionsPublished, Set<String> currentItems) {
    }

    /** Versions published in the period, and the items of each catalogue's latest version in force by its end. */
    private Catalogues catalogues(Period period) {
        Document all = counters.get(CATALOGUES);
        Document versions = all == null ? null : all.get("versions", Document.class);
        if (versions == null) {
            return new Catalogues(0, Set.of());
        }
        long published = 0;
        Map<String, Document> latestInForce = new HashMap<>();
        for (Object value : versions.values()) {
            Document v = (Document) value;
            java.util.Date publishedAt = v.getDate("publishedAt");
            if (publishedAt != null && period.contains(FiguresCalculator.date(publishedAt.toInstant()))) {
                published++;
            }
            String effectiveFrom = v.getString("effectiveFrom");
            if (effectiveFrom == null || !LocalDate.parse(effectiveFrom).isAfter(period.end())) {
                latestInForce.merge(v.getString("catalogue"), v,
                        (a, b) -> Comparator.comparingInt((Document d) -> d.getInteger("version")).compare(a, b) >= 0 ? a : b);
            }
        }
        Set<String> items = new HashSet<>();
        latestInForce.values().forEach(v -> items.addAll(v.getList("itemCodes", String.class)));
        return new Catalogues(published, items);
    }

    private static Document scopeOf(Document counters, String section) {
        if (counters == null) {
            return null;
        }
        if (section == null) {
            return counters.get(COUNTY, Document.class);
        }
        Document sections = counters.get(SECTIONS, Document.class);
        return sections == null ? null : sections.get(key(section), Document.class);
    }

    /** Adds every counter under {@code scope} to {@code into}, by its path (keys still encoded). */
    private static void flatten(Document scope, String prefix, Map<String, Long> into) {
        if (scope == null) {
            return;
        }
        scope.forEach((k, value) -> {
            if (value instanceof Document nested) {
                flatten(nested, prefix + k + ".", into);
            } else if (value instanceof Number number) {
                into.merge(prefix + k, number.longValue(), Long::sum);
            }
        });
    }

    private static long n(Map<String, Long> counts, String path) {
        return counts.getOrDefault(path, 0L);
    }

    /** The codes counted under {@code field} (decoded), leaving out those whose count went back to zero. */
    private static Map<String, Long> byCode(Map<String, Long> counts, String field) {
        Map<String, Long> byCode = new TreeMap<>();
        counts.forEach((path, count) -> {
            if (path.startsWith(field + ".") && count != 0) {
                byCode.put(code(path.substring(field.length() + 1)), count);
            }
        });
        return byCode;
    }
}
