package org.gongkai.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gongkai.portal.api.ApiProblem;

/**
 * A form's errors in Chinese, by field (shown beside the field) and for the error summary at the top. Problems the
 * services answer are translated here: by the field they name, or by their stable type when they name none.
 */
public final class FormErrors implements java.io.Serializable {

    /** Problem types that concern one field of a form, with the Chinese message. */
    private static final Map<String, String[]> BY_TYPE = Map.ofEntries(
            Map.entry("invalid-contact", new String[] {"contact", "联系方式格式不正确：请填写11位手机号（以1开头）、固定电话（如0356-1234567）或电子邮箱。"}),
            Map.entry("content-required", new String[] {"content", "请填写意见内容。"}),
            Map.entry("content-too-long", new String[] {"content", "意见内容最多2000字。"}),
            Map.entry("name-too-long", new String[] {"name", "姓名最多50字。"}),
            Map.entry("idempotency-key-reused", new String[] {"content", "同一次提交的内容被改动过，请刷新页面后重新提交。"}),
            Map.entry("disclosure-attribute-required", new String[] {"disclosureAttribute", "请选择公开属性。"}),
            Map.entry("legal-basis-required", new String[] {"legalBasis", "依申请公开或不予公开的文件须选择法律依据。"}),
            Map.entry("legal-basis-not-applicable", new String[] {"legalBasis", "主动公开的文件不填写不予公开的法律依据。"}),
            Map.entry("unknown-catalogue-item", new String[] {"catalogueItemCode", "目录事项不存在或尚未同步，请重新选择。"}),
            Map.entry("duplicate", new String[] {"documentNumber", "该文号已被使用。"}),
            Map.entry("duplicate-document-number", new String[] {"documentNumber", "该文号已被使用。"}),
            Map.entry("reason-required", new String[] {"note", "退回、提请或转审须填写理由。"}),
            Map.entry("responsible-head-required", new String[] {"responsibleHead", "审核通过须记录签批的单位负责人（谁审查谁负责）。"}),
            Map.entry("comment-period-too-short", new String[] {"shortPeriodReason", "征求意见期限少于30日的，须说明理由。"}),
            Map.entry("comment-period-ends-before-start", new String[] {"periodEnd", "截止日期须晚于开始日期。"}),
            Map.entry("comment-period-required", new String[] {"periodStart", "请填写征求意见期间。"}),
            Map.entry("channels-required", new String[] {"channels", "请至少选择一种征求渠道。"}),
            Map.entry("invalid-period", new String[] {"period", "期间格式应为 2026、2026-H1 或 2026-H2。"}));

    /** Problem types without a field, in Chinese. */
    private static final Map<String, String> GENERAL = Map.ofEntries(
            Map.entry("comment-period-ended", "该征求意见已截止，不能再提交意见。"),
            Map.entry("consultation-closed", "该征求意见已结束，不能再提交意见。"),
            Map.entry("consultation-not-yet-open", "该征求意见尚未开始，暂不能提交意见。"),
            Map.entry("consultation-not-found", "没有找到该征求意见。"),
            Map.entry("rate-limited", "提交过于频繁，请稍后再试。"),
            Map.entry("invalid-state", "该事项当前状态不允许此操作，请刷新页面查看最新状态。"),
            Map.entry("wrong-reviewer", "此审查环节不由您办理。"),
            Map.entry("not-your-section", "只能办理本股室的事项。"),
            Map.entry("forbidden", "您的角色无权进行此操作。"),
            Map.entry("interpretation-required", "该文件须先起草政策解读并经审核后才能印发。"),
            Map.entry("interpretation-not-reviewed", "政策解读须经政务公开办审核后才能与文件同步发布。"),
            Map.entry("coordination-required", "重大文件发布前须与宣传、网信部门会商。"),
            Map.entry("not-proactive", "只有主动公开的文件才能公开发布。"),
            Map.entry("date-in-future", "日期不能晚于今天。"),
            Map.entry("cannot-escalate", "此环节已无上一级可提请。"),
            Map.entry("cannot-refer", "只有政务公开办可以转保密审查。"),
            Map.entry("concurrent-modification", "他人同时修改了该记录，请刷新后重试。"),
            Map.entry("interpretation-form-required", "请至少选择一种解读形式。"),
            Map.entry("interpretation-elements-missing", "政策解读须涵盖全部九项要素。"),
            Map.entry("text-interpretation-needs-cases", "文字解读须运用案例、数据或问答等方式。"),
            Map.entry("document-already-issued", "文件印发后不能再起草或修改解读。"),
            Map.entry("no-interpretation", "该文件尚无政策解读。"),
            Map.entry("report-already-started", "本期报告已开始填写。"),
            Map.entry("report-already-submitted", "报告已报送，统计数据已固定，不能再修改。"),
            Map.entry("report-not-submitted", "只有已报送的报告才能通过或退回。"),
            Map.entry("narrative-required", "报送前请填写本期工作开展情况。"),
            Map.entry("not-a-reporting-period", "股室报告按上半年或全年填报（2021年起）。"),
            Map.entry("office-only", "只有政务公开办可以办理此事项。"),
            Map.entry("comment-already-grouped", "其中有意见已归纳到其他意见项中，请刷新后重试。"),
            Map.entry("comment-hidden", "已屏蔽的意见不参与归纳。"),
            Map.entry("opinion-undecided", "还有意见项未确定采纳情况，不能发布反馈。"),
            Map.entry("concentrated-opinion-reason-required", "集中意见未完全采纳的，须说明理由。"),
            Map.entry("decision-required", "请选择采纳情况。"),
            Map.entry("final-decision-changes-required", "请填写决策修改情况。"),
            Map.entry("feedback-published", "反馈已发布，不能再修改。"),
            Map.entry("empty-proposal", "细化完善须至少修改一项内容。"),
            Map.entry("unknown-first-level-item", "一级事项不存在，请从目录中已有的一级事项里选择。"),
            Map.entry("incomplete-item", "新增事项须填写二级事项名称、公开内容、公开时限和时限规则。"),
            Map.entry("unknown-item", "目录中没有该事项编号。"),
            Map.entry("invalid-time-limit-rule", "时限规则格式不正确，例如 WORKING_DAYS_AFTER_CHANGE(20)。"),
            Map.entry("proposal-already-decided", "该建议已经作出决定。"),
            Map.entry("draft-has-approved-changes", "草稿版本中已有同意的变更。"),
            Map.entry("empty-version", "空目录版本不能发布。"),
            Map.entry("version-already-published", "该版本已经发布。"),
            Map.entry("receipt-not-found", "没有找到该回执码对应的意见，请核对后重新输入。"),
            Map.entry("validation-failed", "提交的内容有误，请按提示修改。"));

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String general;

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors field(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    public FormErrors general(String message) {
        this.general = message;
        return this;
    }

    /** Translates a service's problem into errors beside the fields it names (or a general message). */
    public static FormErrors of(ApiProblem problem) {
        FormErrors errors = new FormErrors();
        String[] byType = BY_TYPE.get(problem.slug());
        if (byType != null) {
            errors.field(byType[0], byType[1]);
        }
        for (ApiProblem.FieldError e : problem.errors()) {
            errors.field(e.field(), chinese(e.message()) ? e.message() : fieldMessage(e.message()));
        }
        if (errors.fields.isEmpty()) {
            errors.general(message(problem));
        }
        return errors;
    }

    /** Whether a service's text is already Chinese (the services answer in Chinese unless asked for English). */
    static boolean chinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** A problem in Chinese, for a page that has no field to put it beside. */
    public static String message(ApiProblem problem) {
        String[] byType = BY_TYPE.get(problem.slug());
        if (byType != null) {
            return byType[1];
        }
        String known = GENERAL.get(problem.slug());
        if (known != null) {
            return known;
        }
        if (problem.status() < 500 && chinese(problem.detail())) {
            return problem.detail();
        }
        return switch (problem.status()) {
            case 400, 422 -> "提交的内容有误，请检查后重试。";
            case 403 -> "您的角色无权进行此操作。";
            case 404 -> "没有找到该事项。";
            case 409 -> "该事项当前状态不允许此操作，请刷新页面查看最新状态。";
            case 429 -> "提交过于频繁，请稍后再试。";
            default -> "系统暂时无法处理，请稍后再试。";
        };
    }

    /** A problem in Chinese preferring the service's own words, for desks whose problem types the table above does not know. */
    public static String detailFirst(ApiProblem problem) {
        if (problem.status() < 500 && chinese(problem.detail())) {
            return problem.detail();
        }
        return message(problem);
    }

    /** Bean-validation messages of the services, in Chinese. */
    static String fieldMessage(String english) {
        String m = english == null ? "" : english;
        if (m.contains("must not be blank") || m.contains("must not be null") || m.contains("must not be empty")) {
            return "此项为必填项。";
        }
        if (m.startsWith("size must be between")) {
            String max = m.replaceAll(".*and (\\d+).*", "$1");
            return "长度超出限制（最多" + max + "字）。";
        }
        if (m.contains("unknown field")) {
            return "不支持的字段。";
        }
        if (m.contains("invalid value")) {
            return "填写的值无效。";
        }
        return "填写有误，请检查。";
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return fields;
    }

    public String general() {
        return general;
    }

    public boolean any() {
        return general != null || !fields.isEmpty();
    }
}
