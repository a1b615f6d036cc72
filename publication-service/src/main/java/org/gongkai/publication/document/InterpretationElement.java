package org.gongkai.publication.document;

/** The nine elements an interpretation covers (I4). */
public enum InterpretationElement {
    BACKGROUND_AND_BASIS, GOALS_AND_TASKS, MAIN_CONTENT, MEASURES, APPLICABLE_SUBJECTS, NOTES, KEY_TERMS,
    OLD_VS_NEW_DIFFERENCES, INTERPRETING_ORGAN
}
