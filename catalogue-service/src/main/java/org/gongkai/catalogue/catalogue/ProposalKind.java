package org.gongkai.catalogue.catalogue;

/** What a section may propose when refining the template (细化补充完善). National template items are never deleted. */
public enum ProposalKind {
    /** A new second-level item under an existing first-level item. */
    ADD_ITEM,
    /** Refine content, basis, time limit, body, channels, audience or method of an item. */
    REFINE_ITEM,
    /** The proposing section takes responsibility for producing an item. */
    TAKE_RESPONSIBILITY,
    /** The item does not apply at county level; needs a reason. */
    MARK_NOT_APPLICABLE
}
