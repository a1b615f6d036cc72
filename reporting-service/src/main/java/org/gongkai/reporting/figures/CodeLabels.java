package org.gongkai.reporting.figures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese labels of the codes that reach reporting through events (disclosure attributes, legal bases,
 * interpretation forms, adoption decisions) and of reporting's own codes, so that every view shows a reader the words
 * of the office beside the stable code. An unknown code keeps the code itself as its label.
 */
public final class CodeLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            // disclosure attributes (publication-service DisclosureAttribute)
            Map.entry("PROACTIVE", "主动公开"),
            Map.entry("ON_REQUEST", "依申请公开"),
            Map.entry("NOT_DISCLOSED", "不予公开"),
            // legal bases for not disclosing proactively (publication-service LegalBasis)
            Map.entry("STATE_SECRET", "依法确定为国家秘密"),
            Map.entry("PROHIBITED_BY_LAW", "法律、行政法规禁止公开"),
            Map.entry("THREE_SECURITIES_ONE_STABILITY", "公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
            Map.entry("THIRD_PARTY_RIGHTS", "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害"),
            Map.entry("INTERNAL_AFFAIRS", "人事管理、后勤管理、内部工作流程等内部事务信息"),
            Map.entry("PROCESS_INFORMATION", "讨论记录、过程稿、磋商信函、请示报告等过程性信息"),
            Map.entry("ENFORCEMENT_FILE", "行政执法案卷信息"),
            Map.entry("ADMINISTRATIVE_INQUIRY", "行政查询事项"),
            // interpretation forms (publication-service InterpretationForm)
            Map.entry("TEXT", "文字解读"),
            Map.entry("PICTURE", "图片解读"),
            Map.entry("CHART", "图表解读"),
            Map.entry("INFOGRAPHIC", "一图读懂"),
            Map.entry("ANIMATION", "动漫解读"),
            Map.entry("AUDIO", "音频解读"),
            Map.entry("VIDEO", "视频解读"),
            Map.entry("PRESS_CONFERENCE", "新闻发布会"),
            Map.entry("MEDIA_INTERVIEW", "媒体访谈"),
            Map.entry("ONLINE_INTERVIEW", "在线访谈"),
            // adoption decisions (consultation-service AdoptionDecision)
            Map.entry("ADOPTED", "采纳"),
            Map.entry("PARTLY_ADOPTED", "部分采纳"),
            Map.entry("NOT_ADOPTED", "未予采纳"),
            // section reports
            Map.entry("NOT_STARTED", "未开始"),
            Map.entry("DRAFT", "草稿"),
            Map.entry("SUBMITTED", "已报送"),
            Map.entry("ACCEPTED", "已审核通过"),
            Map.entry("RETURNED", "已退回"),
            // indicators
            Map.entry("onTimePublication", "按时公开率"),
            Map.entry("nonTextInterpretationShare", "多元化解读占比"),
            Map.entry("responseWithin48Hours", "48小时内回应率"),
            Map.entry("catalogueCoverage", "目录事项覆盖率"),
            Map.entry("adoptionRate", "意见采纳率"));

    /** The Chinese names of the figures, as export headers show them. */
    private static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("section", "股室"), Map.entry("period", "期间"), Map.entry("status", "状态"), Map.entry("dueOn", "报送期限"),
            Map.entry("submittedLate", "是否逾期报送"), Map.entry("score", "综合得分"),
            Map.entry("documentsIssued", "印发文件数"), Map.entry("documentsPublished", "主动公开文件数"),
            Map.entry("publishedOnTime", "按时公开数"), Map.entry("publishedLate", "逾期公开数"),
            Map.entry("stillOverdue", "已逾期尚未公开数"), Map.entry("issuedByAttribute", "按公开属性"),
            Map.entry("issuedByLegalBasis", "按不公开依据"), Map.entry("attributesChangedInReview", "年度审查转为主动公开数"),
            Map.entry("onTimePublicationRate", "按时公开率"), Map.entry("interpretationsPublished", "发布解读数"),
            Map.entry("interpretationsByForm", "按解读形式"), Map.entry("nonTextInterpretationShare", "多元化解读占比"),
            Map.entry("concernsReceived", "受理舆情数"), Map.entry("concernsAnsweredWithin48Hours", "48小时内回应数"),
            Map.entry("concernsAnsweredLate", "超时回应数"), Map.entry("concernsUnansweredOverdue", "超时未回应数"),
            Map.entry("concernsEscalated", "报请相关部门数"), Map.entry("responseWithin48HoursRate", "48小时内回应率"),
            Map.entry("consultationsOpened", "开展意见征集数"), Map.entry("consultationsClosed", "结束意见征集数"),
            Map.entry("commentsReceived", "收到意见数"), Map.entry("opinionsByDecision", "按采纳情况"),
            Map.entry("concentratedOpinionsNotAdopted", "未采纳的集中意见数"), Map.entry("feedbackReportsPublished", "发布反馈报告数"),
            Map.entry("adoptionRate", "意见采纳率"), Map.entry("catalogueVersionsPublished", "发布目录版本数"),
            Map.entry("catalogueItemsCovered", "已覆盖目录事项数"), Map.entry("catalogueItems", "目录事项数"),
            Map.entry("catalogueCoverage", "目录事项覆盖率"), Map.entry("codeLabels", "代码释义"), Map.entry("indicator", "指标"));

    private CodeLabels() {
    }

    /** The Chinese name of an exported figure: {@code issuedByAttribute.PROACTIVE} → 按公开属性：主动公开. */
    public static String figure(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return FIGURES.getOrDefault(name, of(name));
        }
        String head = name.substring(0, dot);
        return FIGURES.getOrDefault(head, head) + "：" + of(name.substring(dot + 1));
    }

    /** The Chinese label of a code; the code itself when unknown, null for null. */
    public static String of(String code) {
        return code == null ? null : LABELS.getOrDefault(code, code);
    }

    /** Code → label for every key of the given maps, in their order. */
    @SafeVarargs
    public static Map<String, String> ofKeys(Map<String, ?>... maps) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map<String, ?> map : maps) {
            if (map != null) {
                map.keySet().forEach(code -> labels.put(code, of(code)));
            }
        }
        return labels;
    }
}
