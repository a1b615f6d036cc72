package org.gongkai.publication.concern;

/** How serious a public concern is; MAJOR concerns are escalated (R4). */
public enum Severity {
    LOW("较低"), MEDIUM("一般"), HIGH("较大"), MAJOR("重大");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The Chinese label a reader sees beside the code. */
    public String label() {
        return label;
    }
}
