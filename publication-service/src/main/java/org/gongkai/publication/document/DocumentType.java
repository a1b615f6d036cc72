package org.gongkai.publication.document;

/**
 * The kind of document, chosen at drafting: the annual report (国办公开办函〔2021〕30号, table 二) counts 规章 and
 * 行政规范性文件 made, abolished and in force; everything else is OTHER. Stored records without a type are OTHER.
 */
public enum DocumentType {
    RULE("规章"),
    NORMATIVE("行政规范性文件"),
    OTHER("其他文件");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
