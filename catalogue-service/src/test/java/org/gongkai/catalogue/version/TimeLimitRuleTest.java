package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"WORKING_DAYS_AFTER_CHANGE(20)", "ON_PROGRESS", "DAYS_BEFORE_EVENT(7)", "PROMPTLY",
            "PROMPTLY_AFTER_EVENT(decision)", "WITH_RELATED(policy-document)", "PERIODIC(P6M)", "ANNUAL_BY(01-31)",
            "MIN_POSTING_DAYS(10)", "RETAIN(LONG_TERM)", "WORKING_DAYS_AFTER_CHANGE(20)+RETAIN(LONG_TERM)"})
    void vocabularyRulesParseAndPrintBack(String rule) {
        assertThat(TimeLimitRule.parse(rule).toString()).isEqualTo(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"信息形成或变更之日起20个工作日内", "WORKING_DAYS_AFTER_CHANGE", "WORKING_DAYS_AFTER_CHANGE(0)",
            "ON_PROGRESS(3)", "PERIODIC(6 months)", "ANNUAL_BY(13-01)", "SOON", "RETAIN(LONG_TERM)+RETAIN(LONG_TERM)", " "})
    void unknownWordingIsRejectedNotGuessed(String rule) {
        assertThatThrownBy(() -> TimeLimitRule.parse(rule))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).type()).isEqualTo("invalid-time-limit-rule");
    }

    @org.junit.jupiter.api.Test
    void workingDaysAreReadFromTheRule() {
        assertThat(TimeLimitRule.parse("WORKING_DAYS_AFTER_CHANGE(20)+RETAIN(LONG_TERM)").workingDaysAfterChange()).hasValue(20);
        assertThat(TimeLimitRule.parse("ON_PROGRESS").workingDaysAfterChange()).isEmpty();
    }
}
