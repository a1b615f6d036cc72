package org.gongkai.publication.document;

/** The disclosure attribute chosen at drafting (P1) and the marking line stamped after the date (P5). */
public enum DisclosureAttribute {
    PROACTIVE("主动公开", "此件公开发布"),
    ON_REQUEST("依申请公开", "此件依申请公开"),
    NOT_DISCLOSED("不予公开", "此件不公开");

    private final String label;
    private final String markingLine;

    DisclosureAttribute(String label, String markingLine) {
        this.label = label;
        this.markingLine = markingLine;
    }

    public String label() {
        return label;
    }

    public String markingLine() {
        return markingLine;
    }
}
