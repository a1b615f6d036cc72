package org.gongkai.publication.application;

/** Where an application stands; only {@code IN_PROGRESS} lets the 20-working-day clock run. */
public enum ApplicationState {
    AWAITING_RECEIPT("待确认收到"),
    IN_PROGRESS("办理中"),
    AWAITING_SUPPLEMENT("待补正"),
    CONSULTING("征求意见中"),
    AWAITING_FEE("待缴纳信息处理费"),
    ANSWERED("已答复"),
    CLOSED("已终止");

    private final String label;

    ApplicationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The clock stands still while the bureau waits for the applicant, a third party, another agency or a fee. */
    public boolean isPaused() {
        return this == AWAITING_SUPPLEMENT || this == CONSULTING || this == AWAITING_FEE;
    }

    public boolean isDone() {
        return this == ANSWERED || this == CLOSED;
    }
}
