package org.gongkai.publication.document;

/** Forms of a policy interpretation (I4). Everything but TEXT counts towards the non-text share. */
public enum InterpretationForm {
    TEXT, PICTURE, CHART, INFOGRAPHIC, ANIMATION, AUDIO, VIDEO, PRESS_CONFERENCE, MEDIA_INTERVIEW, ONLINE_INTERVIEW;

    public boolean isNonText() {
        return this != TEXT;
    }
}
