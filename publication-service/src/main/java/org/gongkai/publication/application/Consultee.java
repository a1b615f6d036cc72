package org.gongkai.publication.application;

/** Whom the bureau consults while the clock pauses: a third party (art. 32, 15 working days) or another agency. */
public enum Consultee {
    THIRD_PARTY("第三方"), AGENCY("其他机关");

    /** Art. 32: the third party answers within 15 working days of the request. */
    public static final int THIRD_PARTY_WORKING_DAYS = 15;

    private final String label;

    Consultee(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
