package org.gongkai.reporting.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.gongkai.reporting.facts.CatalogueVersionFacts;
import org.gongkai.reporting.facts.CommentFacts;
import org.gongkai.reporting.facts.ConcernFacts;
import org.gongkai.reporting.facts.ConsultationFacts;
import org.gongkai.reporting.facts.DocumentFacts;
import org.gongkai.reporting.facts.OpinionFacts;
import org.gongkai.reporting.facts.Period;

/**
 * Computes figures from facts; pure, so a rebuild from the event log gives exactly the live figures. Dates are
 * China Standard Time; "as of" is the end of the period, or today while the period is running.
 */
public final class FiguresCalculator {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Everything reporting knows, possibly narrowed to one section. */
    public record Facts(List<DocumentFacts> documents, List<ConcernFacts> concerns, List<ConsultationFacts> consultations,
            List<CommentFacts> comments, List<OpinionFacts> opinions, List<CatalogueVersionFacts> catalogueVersions) {

        public Facts ofSection(String section) {
            Predicate<String> mine = s -> Objects.equals(s, section);
            return new Facts(documents.stream().filter(d -> mine.test(d.section())).toList(),
                    concerns.stream().filter(c -> mine.test(c.section())).toList(),
                    consultations.stream().filter(c -> mine.test(c.section())).toList(),
                    comments.stream().filter(c -> mine.test(c.section())).toList(),
                    opinions.stream().filter(o -> mine.test(o.section())).toList(),
                    catalogueVersions);
        }

        public Set<String> sections() {
            Set<String> sections = new java.util.TreeSet<>();
            documents.forEach(d -> add(sections, d.section()));
            concerns.forEach(c -> add(sections, c.section()));
            consultations.forEach(c -> add(sections, c.section()));
            return sections;
        }

        private static void add(Set<String> set, String value) {
            if (value != null) {
                set.add(value);
            }
        }
    }

    private FiguresCalculator() {
    }

    public static SectionFigures figures(String section, Period period, Facts facts, LocalDate today) {
        LocalDate asOf = today.isBefore(period.end()) ? today : period.end();

        List<DocumentFacts> issued = facts.documents().stream().filter(d -> period.contains(d.issuedOn())).toList();
        List<DocumentFacts> published = facts.documents().stream().filter(d -> period.contains(d.publishedOn())).toList();
        long onTime = published.stream().filter(d -> Boolean.TRUE.equals(d.publishedOnTime())).count();
        long overdue = facts.documents().stream()
                .filter(d -> d.publicationDueOn() != null && !d.publicationDueOn().isAfter(period.end()))
                .filter(d -> d.overdueOn(asOf)).count();
        long attributeChanges = facts.documents().stream().filter(d -> period.contains(d.attributeChangedOn())).count();

        List<DocumentFacts> interpretations = facts.documents().stream().filter(d -> period.contains(d.interpretationPublishedOn())).toList();
        Map<String, Long> byForm = interpretations.stream().flatMap(d -> d.interpretationForms().stream())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long nonText = interpretations.stream().filter(d -> Boolean.TRUE.equals(d.interpretationNonText())).count();

        Instant asOfEnd = asOf.plusDays(1).atStartOfDay(CHINA).toInstant();
        List<ConcernFacts> concerns = facts.concerns().stream().filter(c -> period.contains(date(c.firstSeenAt()))).toList();
        long within48 = concerns.stream().filter(c -> Boolean.TRUE.equals(c.answeredOnTime())).count();
        long late = concerns.stream().filter(c -> Boolean.FALSE.equals(c.answeredOnTime())).count();
        long unansweredOverdue = concerns.stream().filter(c -> c.answeredAt() == null && c.responseDueAt() != null
                && c.responseDueAt().isBefore(asOfEnd)).count();
        long escalated = concerns.stream().filter(c -> Boolean.TRUE.equals(c.escalated())).count();
        long measurableConcerns = within48 + late + unansweredOverdue;

        List<OpinionFacts> decided = facts.opinions().stream().filter(o -> period.contains(date(o.decidedAt()))).toList();
        Map<String, Long> byDecision = decided.stream().collect(Collectors.groupingBy(OpinionFacts::decision, TreeMap::new, Collectors.counting()));
        long adopted = decided.stream().filter(o -> !"NOT_ADOPTED".equals(o.decision())).count();
        long concentratedNotAdopted = decided.stream().filter(o -> o.concentrated() && !"ADOPTED".equals(o.decision())).count();

        long versions = facts.catalogueVersions().stream().filter(v -> period.contains(date(v.publishedAt()))).count();
        Set<String> currentItems = currentCatalogueItems(facts.catalogueVersions(), period);
        Set<String> covered = new HashSet<>();
        published.stream().map(DocumentFacts::catalogueItemCode).filter(currentItems::contains).forEach(covered::add);

        return new SectionFigures(section, period.toString(), issued.size(), published.size(), onTime, published.size() - onTime,
                overdue, countBy(issued, DocumentFacts::disclosureAttribute), countBy(issued, DocumentFacts::legalBasisCode),
                attributeChanges, rate(onTime, published.size()),
                interpretations.size(), byForm, rate(nonText, interpretations.size()),
                concerns.size(), within48, late, unansweredOverdue, escalated, rate(within48, measurableConcerns),
                facts.consultations().stream().filter(c -> period.contains(date(c.openedAt()))).count(),
                facts.consultations().stream().filter(c -> period.contains(date(c.closedAt()))).count(),
                facts.comments().stream().filter(c -> period.contains(date(c.receivedAt()))).count(),
                byDecision, concentratedNotAdopted,
                facts.consultations().stream().filter(c -> period.contains(date(c.feedbackPublishedAt()))).count(),
                rate(adopted, decided.size()),
                versions, covered.size(), currentItems.size(), rate(covered.size(), currentItems.size()));
    }

    /** Items of each catalogue's latest version in force by the end of the period. */
    private static Set<String> currentCatalogueItems(List<CatalogueVersionFacts> versions, Period period) {
        Set<String> items = new HashSet<>();
        versions.stream().collect(Collectors.groupingBy(CatalogueVersionFacts::catalogue)).values().forEach(list -> list.stream()
                .filter(v -> v.effectiveFrom() == null || !v.effectiveFrom().isAfter(period.end()))
                .max(Comparator.comparingInt(CatalogueVersionFacts::version))
                .ifPresent(v -> items.addAll(v.itemCodes())));
        return items;
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(CHINA).toLocalDate();
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static <T> Map<String, Long> countBy(List<T> facts, Function<T, String> key) {
        return facts.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
