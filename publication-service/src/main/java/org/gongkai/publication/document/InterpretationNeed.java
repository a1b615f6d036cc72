package org.gongkai.publication.document;

/**
 * Why a document must be interpreted (I1, I3) and whether it is major (I2): proactive documents that are broad,
 * close to livelihood, of high public concern or specialised; always when submitted to the county executive meeting.
 */
public record InterpretationNeed(boolean broadImpact, boolean closeToLivelihood, boolean highPublicConcern,
        boolean specialised, boolean submittedToExecutiveMeeting, boolean major) {

    public static final InterpretationNeed NONE = new InterpretationNeed(false, false, false, false, false, false);

    public boolean requiresInterpretation(DisclosureAttribute attribute) {
        return submittedToExecutiveMeeting
                || (attribute == DisclosureAttribute.PROACTIVE && (broadImpact || closeToLivelihood || highPublicConcern || specialised));
    }
}
