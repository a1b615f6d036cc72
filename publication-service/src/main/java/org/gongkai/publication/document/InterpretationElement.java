package org.gongkai.publication.document;

/** The nine elements an interpretation covers (I4). */
public enum InterpretationElement {
    BACKGROUND_AND_BASIS("背景依据"), GOALS_AND_TASKS("目标任务"), MAIN_CONTENT("主要内容"), MEASURES("政策措施"),
    APPLICABLE_SUBJECTS("适用范围"), NOTES("注意事项"), KEY_TERMS("关键词诠释"), OLD_VS_NEW_DIFFERENCES("新旧政策差异"),
    INTERPRETING_ORGAN("解读机关");

    private final String label;

    InterpretationElement(String label) {
        this.label = label;
    }

    /** The Chinese label a reader sees beside the code. */
    public String label() {
        return label;
    }
}
