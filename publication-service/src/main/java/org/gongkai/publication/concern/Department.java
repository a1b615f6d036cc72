package org.gongkai.publication.concern;

/** The departments a major or cross-department concern is reported to (R1, R4). */
public enum Department {
    PROPAGANDA("宣传部门"), CYBERSPACE("网信部门"), EMERGENCY("应急管理部门"), DISCLOSURE("政务公开部门");

    private final String label;

    Department(String label) {
        this.label = label;
    }

    /** The Chinese label a reader sees beside the code. */
    public String label() {
        return label;
    }
}
