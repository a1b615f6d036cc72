package org.gongkai.consultation.comment;

import java.util.regex.Pattern;

import org.gongkai.support.domain.DomainException;

/**
 * How a citizen may be reached about a comment: a mobile number, a landline or an e-mail address. Private:
 * only staff see it; no public route and no event ever carries it.
 */
public record Contact(Kind kind, String value) {

    public enum Kind {
        MOBILE("手机"), LANDLINE("固定电话"), EMAIL("电子邮箱");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The Chinese label a reader sees beside the code. */
        public String label() {
            return label;
        }
    }

    /** The kind's Chinese label beside its code; shown, never stored. */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "kindLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String kindLabel() {
        return kind == null ? null : kind.label();
    }

    private static final Pattern MOBILE = Pattern.compile("^1\\d{10}$");
    /** Area code with trunk prefix 0, then 7–8 digits, optionally an extension: 0356-1234567, 03561234567-123. */
    private static final Pattern LANDLINE = Pattern.compile("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$");
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}$");
    private static final int MAX_LENGTH = 254;

    /** Parses what a citizen typed; blank means no contact, anything else must be a valid one. */
    public static Contact parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() <= MAX_LENGTH) {
            String digits = value.replace(" ", "");
            if (MOBILE.matcher(digits).matches()) {
                return new Contact(Kind.MOBILE, digits);
            }
            if (LANDLINE.matcher(digits).matches()) {
                return new Contact(Kind.LANDLINE, digits);
            }
            if (EMAIL.matcher(value).matches()) {
                return new Contact(Kind.EMAIL, value);
            }
        }
        throw DomainException.invalid("invalid-contact",
                "联系方式须为手机号码（以 1 开头的 11 位数字）、固定电话（如 0356-1234567）或电子邮箱地址。");
    }
}
