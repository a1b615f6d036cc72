package org.gongkai.catalogue.proposal;

/** What a section may propose when refining the template (细化补充完善). National template items are never deleted. */
public enum ProposalKind {
    /** A new second-level item under an existing first-level item. */
    ADD_ITEM("新增事项"),
    /** Refine content, basis, time limit, body, channels, audience or method of an item. */
    REFINE_ITEM("细化事项"),
    /** The proposing section takes responsibility for producing an item. */
    TAKE_RESPONSIBILITY("认领责任"),
    /** The item does not apply at county level; needs a reason. */
    MARK_NOT_APPLICABLE("标为县级不适用");

    private final String label;

    ProposalKind(String label) {
        this.label = label;
    }

    /** The Chinese label a reader sees beside the code. */
    public String label() {
        return label;
    }
}
