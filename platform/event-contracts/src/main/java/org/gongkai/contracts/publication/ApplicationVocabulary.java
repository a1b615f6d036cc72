package org.gongkai.contracts.publication;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codes that on-request disclosure (依申请公开) events carry, with their Chinese names, in the order of table 三
 * of the annual report (国办公开办函〔2021〕30号). The annual report's matrix is built from these codes alone, so
 * producer and report cannot drift apart.
 */
public final class ApplicationVocabulary {

    /** Columns of table 三: the natural person, then the five kinds of legal person or other organisation. */
    public static final Map<String, String> APPLICANT_TYPES = ordered(
            "NATURAL_PERSON", "自然人",
            "COMMERCIAL_ENTERPRISE", "商业企业",
            "RESEARCH_INSTITUTION", "科研机构",
            "SOCIAL_WELFARE_ORGANISATION", "社会公益组织",
            "LEGAL_SERVICE_INSTITUTION", "法律服务机构",
            "OTHER_ORGANISATION", "其他");

    /** How the application arrived (art. 29, 31); online is the public form, the rest are entered by staff. */
    public static final Map<String, String> CHANNELS = ordered(
            "ONLINE", "网上申请",
            "LETTER", "信函申请",
            "IN_PERSON", "当面申请",
            "FAX", "传真申请");

    /** The outcome groups of table 三 (三、本年度办理结果 (一)–(六)). */
    public static final Map<String, String> OUTCOMES = ordered(
            "DISCLOSED", "予以公开",
            "PARTLY_DISCLOSED", "部分公开",
            "NOT_DISCLOSED", "不予公开",
            "CANNOT_PROVIDE", "无法提供",
            "NOT_HANDLED", "不予处理",
            "OTHER", "其他处理");

    /**
     * Reasons within an outcome, keyed {@code OUTCOME/REASON}. {@code DISCLOSED/ALREADY_DISCLOSED} is the reply that
     * tells the applicant where the information is already public; the report counts it as 予以公开.
     */
    public static final Map<String, String> REASONS = ordered(
            "DISCLOSED/ALREADY_DISCLOSED", "已主动公开，告知获取方式和途径",
            "NOT_DISCLOSED/STATE_SECRET", "属于国家秘密",
            "NOT_DISCLOSED/PROHIBITED_BY_LAW", "其他法律行政法规禁止公开",
            "NOT_DISCLOSED/ENDANGERS_SAFETY_STABILITY", "危及“三安全一稳定”",
            "NOT_DISCLOSED/THIRD_PARTY_RIGHTS", "保护第三方合法权益",
            "NOT_DISCLOSED/INTERNAL_AFFAIRS", "属于三类内部事务信息",
            "NOT_DISCLOSED/PROCESS_INFORMATION", "属于四类过程性信息",
            "NOT_DISCLOSED/ENFORCEMENT_FILE", "属于行政执法案卷",
            "NOT_DISCLOSED/ADMINISTRATIVE_QUERY", "属于行政查询事项",
            "CANNOT_PROVIDE/NOT_HELD", "本机关不掌握相关政府信息",
            "CANNOT_PROVIDE/WOULD_NEED_CREATING", "没有现成信息需要另行制作",
            "CANNOT_PROVIDE/STILL_UNCLEAR", "补正后申请内容仍不明确",
            "NOT_HANDLED/PETITION_OR_COMPLAINT", "信访举报投诉类申请",
            "NOT_HANDLED/REPEATED", "重复申请",
            "NOT_HANDLED/PUBLICATION_REQUESTED", "要求提供公开出版物",
            "NOT_HANDLED/UNREASONABLE_VOLUME", "无正当理由大量反复申请",
            "NOT_HANDLED/CONFIRMATION_REQUESTED", "要求行政机关确认或重新出具已获取信息",
            "OTHER/SUPPLEMENT_OVERDUE", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "OTHER/FEE_UNPAID", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "OTHER/OTHER", "其他");

    private ApplicationVocabulary() {
    }

    public static boolean isApplicantType(String code) {
        return code != null && APPLICANT_TYPES.containsKey(code);
    }

    /** True when the outcome is known and the reason (null where the outcome needs none) belongs to it. */
    public static boolean isOutcome(String outcome, String reason) {
        if (outcome == null || !OUTCOMES.containsKey(outcome)) {
            return false;
        }
        boolean needsReason = switch (outcome) {
            case "DISCLOSED", "PARTLY_DISCLOSED" -> false;
            default -> true;
        };
        if (reason == null) {
            return !needsReason;
        }
        return REASONS.containsKey(outcome + "/" + reason);
    }

    private static Map<String, String> ordered(String... codesAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            map.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
