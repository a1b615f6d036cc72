package org.gongkai.consultation.consultation;

/** What became of an opinion in the final decision (Q2). */
public enum AdoptionDecision {
    ADOPTED("采纳"),
    PARTLY_ADOPTED("部分采纳"),
    NOT_ADOPTED("未予采纳");

    private final String label;

    AdoptionDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a decision, or null while undecided. */
    public static String labelOf(AdoptionDecision decision) {
        return decision == null ? null : decision.label();
    }
}
