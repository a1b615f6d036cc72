package org.gongkai.publication.document;

/**
 * Why a document is not proactively disclosed, after the Regulations on Government Information Disclosure
 * (国务院令第711号); the codes let the annual report count documents by reason.
 */
public enum LegalBasis {
    STATE_SECRET("第十四条", "依法确定为国家秘密"),
    PROHIBITED_BY_LAW("第十四条", "法律、行政法规禁止公开"),
    THREE_SECURITIES_ONE_STABILITY("第十四条", "公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
    THIRD_PARTY_RIGHTS("第十五条", "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害"),
    INTERNAL_AFFAIRS("第十六条第一款", "人事管理、后勤管理、内部工作流程等内部事务信息"),
    PROCESS_INFORMATION("第十六条第二款", "讨论记录、过程稿、磋商信函、请示报告等过程性信息"),
    ENFORCEMENT_FILE("第十六条第二款", "行政执法案卷信息"),
    ADMINISTRATIVE_INQUIRY("第三十六条", "行政查询事项");

    private final String article;
    private final String description;

    LegalBasis(String article, String description) {
        this.article = article;
        this.description = description;
    }

    public String article() {
        return article;
    }

    public String description() {
        return description;
    }

    /** The Chinese label a reader sees beside the code: the ground as the Regulations word it. */
    public String label() {
        return description;
    }
}
