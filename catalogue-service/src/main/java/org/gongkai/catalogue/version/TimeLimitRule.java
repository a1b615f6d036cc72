package org.gongkai.catalogue.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.support.domain.DomainException;

/**
 * The machine-readable form of a 公开时限, from a small vocabulary. Unknown wording is rejected, never guessed:
 * {@code WORKING_DAYS_AFTER_CHANGE(n)}, {@code ON_PROGRESS}, {@code DAYS_BEFORE_EVENT(n)},
 * {@code PROMPTLY_AFTER_EVENT(e)}, {@code PROMPTLY}, {@code WITH_RELATED(doc)}, {@code PERIODIC(P6M)},
 * {@code ANNUAL_BY(MM-DD)}, {@code MIN_POSTING_DAYS(n)}, {@code RETAIN(LONG_TERM)}; any of them may end
 * in {@code +RETAIN(LONG_TERM)} (长期公开).
 */
public record TimeLimitRule(String name, String argument, boolean retainLongTerm) {

    private static final Pattern SHAPE = Pattern.compile("([A-Z_]+)(?:\\(([^()]*)\\))?");
    private static final String RETAIN_SUFFIX = "+RETAIN(LONG_TERM)";

    public static TimeLimitRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text);
        }
        String rule = text.strip();
        boolean retain = rule.endsWith(RETAIN_SUFFIX);
        if (retain) {
            rule = rule.substring(0, rule.length() - RETAIN_SUFFIX.length());
        }
        Matcher m = SHAPE.matcher(rule);
        if (!m.matches()) {
            throw invalid(text);
        }
        String name = m.group(1);
        String argument = m.group(2);
        boolean valid = switch (name) {
            case "WORKING_DAYS_AFTER_CHANGE", "DAYS_BEFORE_EVENT", "MIN_POSTING_DAYS" ->
                    argument != null && argument.matches("[1-9]\\d{0,2}");
            case "PROMPTLY_AFTER_EVENT", "WITH_RELATED" -> argument != null && argument.matches("[a-z][a-z-]{0,40}");
            case "PERIODIC" -> argument != null && argument.matches("P[1-9]\\d?[DWMY]");
            case "ANNUAL_BY" -> argument != null && argument.matches("(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
            case "ON_PROGRESS", "PROMPTLY" -> argument == null;
            case "RETAIN" -> "LONG_TERM".equals(argument) && !retain;
            default -> false;
        };
        if (!valid) {
            throw invalid(text);
        }
        return new TimeLimitRule(name, argument, retain || "RETAIN".equals(name));
    }

    /** Working days allowed after the information is formed or changed, when the rule says so. */
    public java.util.OptionalInt workingDaysAfterChange() {
        return "WORKING_DAYS_AFTER_CHANGE".equals(name)
                ? java.util.OptionalInt.of(Integer.parseInt(argument)) : java.util.OptionalInt.empty();
    }

    private static DomainException invalid(String text) {
        return DomainException.invalid("invalid-time-limit-rule",
                "无法识别的公开时限规则“" + text + "”。可用规则：WORKING_DAYS_AFTER_CHANGE(n)、ON_PROGRESS、"
                        + "DAYS_BEFORE_EVENT(n)、PROMPTLY_AFTER_EVENT(event)、PROMPTLY、WITH_RELATED(doc)、PERIODIC(P6M)、"
                        + "ANNUAL_BY(MM-DD)、MIN_POSTING_DAYS(n)、RETAIN(LONG_TERM)，其后可加 +RETAIN(LONG_TERM)。");
    }

    @Override
    public String toString() {
        String core = argument == null ? name : name + "(" + argument + ")";
        return retainLongTerm && !"RETAIN".equals(name) ? core + RETAIN_SUFFIX : core;
    }
}
