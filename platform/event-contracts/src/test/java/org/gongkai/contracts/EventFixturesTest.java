package org.gongkai.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type has a fixture, and the record reads and writes it without losing a field. */
class EventFixturesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    static java.util.List<Class<? extends IntegrationEvent>> events() {
        return EventCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void fixtureRoundTripsThroughTheRecord(Class<? extends IntegrationEvent> eventClass) throws Exception {
        String type = EventCatalog.typeOf(eventClass);
        assertThat(type).matches("gongkai\\.[a-z]+\\.[a-z-]+\\.v\\d+");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventCatalog.fixturePath(type))) {
            assertThat(in).as("fixture for " + type).isNotNull();
            JsonNode fixture = json.readTree(in);
            IntegrationEvent event = json.treeToValue(fixture, eventClass);
            JsonNode written = json.valueToTree(event);
            written = ((tools.jackson.databind.node.ObjectNode) written).without("subject");
            assertThat(written).isEqualTo(fixture);
            assertThat(EventCatalog.classOf(type)).contains(eventClass);
        }
    }
}
