package org.gongkai.edge.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc-1234", "system-test-0f8e1c2a-5b7d-4e11-9a3c-2d6f0b9e8a71"})
    void aWellFormedIdIsKept(String id) {
        assertThat(CorrelationIds.acceptedOrNew(id)).isEqualTo(id);
    }

    /** Whatever a caller sends ends up in log lines: only short runs of letters, digits and hyphens are taken over. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "a\u0001b-12345", "id with spaces", "新的编号-12345", "x-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789"})
    void anythingElseGetsANewId(String id) {
        String accepted = CorrelationIds.acceptedOrNew(id);
        assertThat(accepted).isNotEqualTo(id).matches("[0-9a-f-]{36}");
    }
}
