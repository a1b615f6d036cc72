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

    private CodeLabels() {
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
