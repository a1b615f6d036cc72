package org.gongkai.edge.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTypesTest {

    @Test
    void problemTypesNameTheirSlug() {
        assertThat(ProblemTypes.of("rate-limited")).hasToString("urn:gongkai:problem:rate-limited");
        assertThat(ProblemTypes.slugOf("urn:gongkai:problem:rate-limited")).isEqualTo("rate-limited");
        assertThat(ProblemTypes.slugOf("about:blank")).isNull();
        assertThat(ProblemTypes.slugOf(null)).isNull();
    }
}
