package org.gongkai.publication.document;

/** Forms of a policy interpretation (I4). Everything but TEXT counts towards the non-text share once its media exists. */
public enum InterpretationForm {
    TEXT("文字解读"), PICTURE("图片解读"), CHART("图表解读"), INFOGRAPHIC("一图读懂"), ANIMATION("动漫解读"), AUDIO("音频解读"),
    VIDEO("视频解读"), PRESS_CONFERENCE("新闻发布会"), MEDIA_INTERVIEW("媒体访谈"), ONLINE_INTERVIEW("在线访谈");

    private final String label;

    InterpretationForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isNonText() {
        return this != TEXT;
    }
}
