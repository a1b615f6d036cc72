package org.gongkai.catalogue.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gongkai.contracts.catalogue.StandardChannels;
import org.junit.jupiter.api.Test;

/** The catalogue's channels and the vocabulary its events promise to consumers are the same, in the same order. */
class ChannelVocabularyTest {

    @Test
    void everyChannelOfTheOfficialTableIsInTheEventVocabularyWithItsName() {
        Map<String, String> fromEnum = new LinkedHashMap<>();
        Arrays.stream(Channel.values()).forEach(c -> fromEnum.put(c.code(), c.label()));
        assertThat(fromEnum).containsExactlyEntriesOf(StandardChannels.NAMES);
    }
}
