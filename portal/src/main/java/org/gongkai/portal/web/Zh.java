package org.gongkai.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Simplified Chinese for what the APIs answer in codes: dates as 2026年12月1日, enum values and codes by their
 * official Chinese names. Used by the templates as {@code @zh}.
 */
@Component("zh")
public class Zh {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Map<String, Map<String, String>> LABELS = Map.ofEntries(
            Map.entry("documentStatus", Map.of("DRAFT", "草稿", "IN_REVIEW", "审查中", "APPROVED", "审查通过待印发",
                    "ISSUED", "已印发待公开", "PUBLISHED", "已公开")),
            Map.entry("attribute", Map.of("PROACTIVE", "主动公开", "ON_REQUEST", "依申请公开", "NOT_DISCLOSED", "不予公开")),
            Map.entry("legalBasis", Map.of(
                    "STATE_SECRET", "第十四条：依法确定为国家秘密",
                    "PROHIBITED_BY_LAW", "第十四条：法律、行政法规禁止公开",
                    "THREE_SECURITIES_ONE_STABILITY", "第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定",
                    "THIRD_PARTY_RIGHTS", "第十五条：涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害",
                    "INTERNAL_AFFAIRS", "第十六条第一款：内部事务信息",
                    "PROCESS_INFORMATION", "第十六条第二款：过程性信息",
                    "ENFORCEMENT_FILE", "第十六条第二款：行政执法案卷信息",
                    "ADMINISTRATIVE_INQUIRY", "第三十六条：行政查询事项")),
            Map.entry("reviewStage", Map.of("CONFIDENTIALITY", "保密审查", "ENTITLED_ORGAN", "有权机关确定",
                    "BUSINESS_DEPARTMENT", "业务主管部门意见", "DISCLOSURE_OFFICE", "政务公开办审查")),
            Map.entry("reviewDecision", Map.of("APPROVE", "通过", "RETURN", "退回修改", "ESCALATE", "提请上一级确定",
                    "REFER_TO_CONFIDENTIALITY", "转保密审查")),
            Map.entry("consultationStatus", Map.of("DRAFT", "草稿", "OPEN", "正在征求意见", "CLOSED", "已结束",
                    "FEEDBACK_PUBLISHED", "已反馈")),
            Map.entry("consultationChannel", Map.of("WEBSITE", "政府网站", "HEARING", "听证", "SYMPOSIUM", "座谈",
                    "EXPERT_CONSULTATION", "咨询协商", "ATTENDANCE", "列席会议", "MEDIA_BRIEFING", "媒体吹风")),
            Map.entry("commentStatus", Map.of("RECEIVED", "已收到，待归纳", "HIDDEN", "已屏蔽", "GROUPED", "已归纳为意见，待反馈",
                    "ANSWERED", "已反馈采纳情况")),
            Map.entry("adoption", Map.of("ADOPTED", "采纳", "PARTLY_ADOPTED", "部分采纳", "NOT_ADOPTED", "未予采纳")),
            Map.entry("channel", Map.ofEntries(Map.entry("gov-website", "政府网站"), Map.entry("gov-gazette", "政府公报"),
                    Map.entry("new-media", "两微一端"), Map.entry("press-conference", "发布会"), Map.entry("radio-tv", "广播电视"),
                    Map.entry("print-media", "纸质媒体"), Map.entry("reading-point", "公开查阅点"),
                    Map.entry("service-centre", "政务服务中心"), Map.entry("convenience-station", "便民服务站"),
                    Map.entry("door-to-door", "入户/现场"), Map.entry("notice-board", "社区/企事业单位、村公示栏（电子屏）"),
                    Map.entry("targeted-push", "精准推送"), Map.entry("other", "其他"))),
            Map.entry("audience", Map.of("all-society", "全社会", "specific-groups", "特定群体")),
            Map.entry("method", Map.of("proactive", "主动", "on-request", "依申请")),
            Map.entry("level", Map.of("county", "县级", "township", "乡级")),
            Map.entry("section", Map.of("safety-coordination", "安全生产综合协调股", "disaster-relief", "救灾和物资保障股",
                    "disclosure-office", "政务公开办公室", "confidentiality", "保密办公室", "leadership", "局领导",
                    "administration", "系统管理")),
            Map.entry("catalogue", Map.of("work-safety", "安全生产领域基层政务公开标准目录",
                    "disaster-relief", "救灾领域基层政务公开标准目录")),
            Map.entry("catalogueShort", Map.of("work-safety", "安全生产", "disaster-relief", "救灾")),
            Map.entry("role", Map.of("section-staff", "股室工作人员", "disclosure-office", "政务公开办", "confidentiality-officer",
                    "保密审查员", "leader", "局领导", "admin", "系统管理员")),
            Map.entry("indicator", Map.of("onTimePublication", "按时公开率", "nonTextInterpretationShare", "多元化解读占比",
                    "responseWithin48Hours", "48小时内回应率", "catalogueCoverage", "目录事项覆盖率", "adoptionRate", "意见采纳率")),
            Map.entry("interpretationForm", Map.of("TEXT", "文字解读", "PICTURE", "图片", "CHART", "图表", "INFOGRAPHIC", "图解",
                    "ANIMATION", "动漫", "AUDIO", "音频", "VIDEO", "视频", "PRESS_CONFERENCE", "新闻发布会", "MEDIA_INTERVIEW", "媒体访谈",
                    "ONLINE_INTERVIEW", "在线访谈")),
            Map.entry("interpretationElement", Map.of("BACKGROUND_AND_BASIS", "出台背景和依据", "GOALS_AND_TASKS", "目标任务",
                    "MAIN_CONTENT", "主要内容", "MEASURES", "政策措施", "APPLICABLE_SUBJECTS", "适用对象", "NOTES", "注意事项",
                    "KEY_TERMS", "关键词诠释", "OLD_VS_NEW_DIFFERENCES", "新旧政策差异", "INTERPRETING_ORGAN", "解读机关及联系方式")),
            Map.entry("proposalKind", Map.of("ADD_ITEM", "新增二级事项", "REFINE_ITEM", "细化完善事项", "TAKE_RESPONSIBILITY",
                    "本股室承担该事项", "MARK_NOT_APPLICABLE", "县级不适用")),
            Map.entry("proposalStatus", Map.of("PENDING", "待决定", "APPROVED", "已同意", "REJECTED", "不予采纳")),
            Map.entry("applicationAction", Map.ofEntries(Map.entry("submitted-online", "网上提交申请"),
                    Map.entry("entered-offline", "录入线下申请"), Map.entry("routed", "分办"), Map.entry("receipt-confirmed", "确认收到申请"),
                    Map.entry("supplement-requested", "告知补正"), Map.entry("supplement-received", "收到补正"),
                    Map.entry("supplement-overdue", "逾期不补正，终止办理"), Map.entry("consultation-started", "开始征求意见"),
                    Map.entry("consultation-ended", "结束征求意见"), Map.entry("extended", "延长答复期限"),
                    Map.entry("reasonable-period-set", "确定延长的合理期限"),
                    Map.entry("reasons-requested", "要求申请人说明理由"), Map.entry("reasons-recorded", "登记申请人的说明"), Map.entry("fee-charged", "发出收费通知"),
                    Map.entry("fee-paid", "登记缴费"), Map.entry("fee-overdue", "逾期未缴费，终止办理"),
                    Map.entry("confidentiality-clearance-opened", "提请保密审查"),
                    Map.entry("confidentiality-clearance-cleared", "保密审查同意"), Map.entry("confidentiality-clearance-refused", "保密审查不同意"),
                    Map.entry("answered", "答复"), Map.entry("answer-overdue", "答复逾期"), Map.entry("closed", "终止办理"))),
            Map.entry("clearanceOutcome", Map.of("PENDING", "待保密审查", "CLEARED", "保密审查通过", "REFUSED", "保密审查不同意公开")),
            Map.entry("pauseCause", Map.of("fee", "待缴纳信息处理费",
                    "consultation-THIRD_PARTY", "征求第三方意见", "consultation-AGENCY", "征求其他机关意见")),
            Map.entry("reportStatus", Map.of("DRAFT", "草稿", "SUBMITTED", "已报送", "ACCEPTED", "已通过", "RETURNED", "已退回")));

    /** 2026年12月1日; an empty string for no date. */
    public String date(Object value) {
        LocalDate date = value instanceof LocalDate d ? d : value instanceof String s && !s.isBlank() && !"null".equals(s)
                ? LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s) : null;
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2026年12月1日 14:05, China time. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = instant.atZone(CHINA);
        return date(t.toLocalDate()) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
    }

    public String label(String kind, Object code) {
        if (code == null) {
            return "";
        }
        String key = code instanceof Enum<?> e ? e.name() : String.valueOf(code);
        return LABELS.getOrDefault(kind, Map.of()).getOrDefault(key, key);
    }

    public String labels(String kind, Collection<?> codes) {
        return codes == null ? "" : codes.stream().map(c -> label(kind, c)).collect(Collectors.joining("、"));
    }

    public List<String> codes(String kind) {
        return LABELS.getOrDefault(kind, Map.of()).keySet().stream().sorted().toList();
    }

    /** 85.0%, or a dash when there was nothing to measure. */
    public String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }

    public String number(Double value) {
        return value == null ? "—" : String.format("%.1f", value);
    }

    /** 2026-H1 as 2026年上半年, 2026 as 2026年. */
    public String period(String period) {
        if (period == null) {
            return "";
        }
        if (period.endsWith("-H1")) {
            return period.substring(0, 4) + "年上半年";
        }
        if (period.endsWith("-H2")) {
            return period.substring(0, 4) + "年下半年";
        }
        return period + "年";
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** Calendar days from today to {@code end}, end included (0 on the last day). */
    public long daysLeft(LocalDate end) {
        return end == null ? 0 : ChronoUnit.DAYS.between(today(), end);
    }
}
