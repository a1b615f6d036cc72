package org.gongkai.catalogue.version;

import java.util.List;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.support.domain.DomainException;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One second-level item with every official column. {@code provenance} says how far the row is backed by
 * sources ({@code verified}, {@code partial}, {@code reconstructed}, or {@code office} once the disclosure
 * office has set it), so the office knows which rows to confirm first.
 */
public record CatalogueItem(
        String code,
        int seq,
        String level1,
        String level2,
        String content,
        List<String> basis,
        String timeLimit,
        String timeLimitRule,
        String body,
        List<String> channels,
        List<String> audience,
        List<String> method,
        List<String> level,
        List<String> sections,
        String provenance,
        boolean applicable,
        String notApplicableReason) {

    /** Provenances of seeded rows that no public copy fully confirms: shown as 待核实 until the office confirms them. */
    public static final List<String> UNVERIFIED = List.of("reconstructed", "partial");
    public static final String OFFICE_CONFIRMED = "office-confirmed";
    public static final String UNVERIFIED_MARK = "待核实";

    public static final List<String> AUDIENCES = List.of("all-society", "specific-groups");
    public static final List<String> METHODS = List.of("proactive", "on-request");
    public static final List<String> LEVELS = List.of("county", "township");

    private static final java.util.Map<String, String> COLUMN_NAMES = java.util.Map.of(
            "audience", "公开对象", "method", "公开方式", "level", "公开层级");

    public CatalogueItem {
        if (code == null || !code.matches("[A-Z]{2}-\\d{2,3}")) {
            throw DomainException.invalid("invalid-item-code", "事项编码“" + code + "”格式不正确，应形如 WS-07。");
        }
        if (level2 == null || level2.isBlank()) {
            throw DomainException.invalid("invalid-item", "事项 " + code + " 缺少二级事项名称。");
        }
        timeLimitRule = TimeLimitRule.parse(timeLimitRule).toString();
        basis = List.copyOf(basis == null ? List.of() : basis);
        channels = List.copyOf(channels == null ? List.of() : channels);
        for (String channel : channels) {
            if (Channel.byCode(channel).isEmpty()) {
                throw DomainException.invalid("unknown-channel", "事项 " + code + " 的公开渠道“" + channel + "”不在渠道目录中。");
            }
        }
        audience = checked(audience, AUDIENCES, "audience", code);
        method = checked(method, METHODS, "method", code);
        level = checked(level, LEVELS, "level", code);
        sections = List.copyOf(sections == null ? List.of() : sections);
        if (!applicable && (notApplicableReason == null || notApplicableReason.isBlank())) {
            throw DomainException.invalid("not-applicable-without-reason",
                    "事项 " + code + " 标为县级不适用时，须说明理由。");
        }
    }

    private static List<String> checked(List<String> values, List<String> allowed, String column, String code) {
        List<String> copy = List.copyOf(values == null ? List.of() : values);
        if (copy.isEmpty() || !allowed.containsAll(copy)) {
            throw DomainException.invalid("invalid-" + column, "事项 " + code + " 的" + COLUMN_NAMES.get(column) + "取值 " + copy
                    + " 无效，可选值为：" + String.join("、", allowed) + "。");
        }
        return copy;
    }

    public boolean needsVerification() {
        return UNVERIFIED.contains(provenance);
    }

    /** What every view and export shows of the row's standing: 待核实 or 已核实. */
    @JsonProperty("verificationStatus")
    public String verificationStatus() {
        return needsVerification() ? UNVERIFIED_MARK : "已核实";
    }

    private static final java.util.Map<String, String> VALUE_LABELS = java.util.Map.of(
            "all-society", "全社会", "specific-groups", "特定群体", "proactive", "主动", "on-request", "依申请",
            "county", "县级", "township", "乡级");

    /** The channels' Chinese names beside their codes, in the order of the row. */
    @JsonProperty(value = "channelLabels", access = JsonProperty.Access.READ_ONLY)
    public List<String> channelLabels() {
        return channels.stream().map(c -> Channel.byCode(c).map(Channel::label).orElse(c)).toList();
    }

    /** 全社会 / 特定群体 beside the audience codes. */
    @JsonProperty(value = "audienceLabels", access = JsonProperty.Access.READ_ONLY)
    public List<String> audienceLabels() {
        return labels(audience);
    }

    /** 主动 / 依申请 beside the method codes. */
    @JsonProperty(value = "methodLabels", access = JsonProperty.Access.READ_ONLY)
    public List<String> methodLabels() {
        return labels(method);
    }

    /** 县级 / 乡级 beside the level codes. */
    @JsonProperty(value = "levelLabels", access = JsonProperty.Access.READ_ONLY)
    public List<String> levelLabels() {
        return labels(level);
    }

    private static List<String> labels(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(c -> VALUE_LABELS.getOrDefault(c, c)).toList();
    }

    public CatalogueItem withProvenance(String newProvenance) {
        return new CatalogueItem(code, seq, level1, level2, content, basis, timeLimit, timeLimitRule, body, channels, audience,
                method, level, sections, newProvenance, applicable, notApplicableReason);
    }

    CatalogueItem withSections(List<String> newSections) {
        return new CatalogueItem(code, seq, level1, level2, content, basis, timeLimit, timeLimitRule, body, channels, audience,
                method, level, newSections, provenance, applicable, notApplicableReason);
    }

    /** National template items are never deleted; they can be marked not applicable at county level, with a reason. */
    CatalogueItem notApplicable(String reason) {
        return new CatalogueItem(code, seq, level1, level2, content, basis, timeLimit, timeLimitRule, body, channels, audience,
                method, level, sections, provenance, false, reason);
    }

    CatalogueVersionPublished.Item toEvent() {
        return new CatalogueVersionPublished.Item(code, level1, level2, timeLimit, timeLimitRule, channels, audience,
                method, level, sections, applicable);
    }
}
