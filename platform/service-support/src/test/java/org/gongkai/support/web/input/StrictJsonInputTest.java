package org.gongkai.support.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON every service reads: clean NFC text from strings only, sane dates, enums by code, no coercion. */
class StrictJsonInputTest {

    enum Colour { RED, GREEN }

    record Form(String title, Integer count, Boolean flag, Colour colour, LocalDate on, Instant at, List<String> tags) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJsonInput().customize(builder);
        return builder.build();
    }

    @Test
    void cleanInputIsReadAndNormalisedToNfc() {
        Form form = json.readValue("""
                {"title":"Cafe\\u0301\\n第二行\\t缩进","count":3,"flag":true,"colour":"GREEN","on":"2026-05-01",
                 "at":"2026-05-01T08:00:00Z","tags":["😀 表情"]}""", Form.class);
        assertThat(form.title()).isEqualTo("Café\n第二行\t缩进").hasSize(11);
        assertThat(form.colour()).isEqualTo(Colour.GREEN);
        assertThat(form.tags()).containsExactly("😀 表情");
    }

    @Test
    void textRefusesControlCharactersLoneSurrogatesAndBidiOverridesNamingTheField() {
        assertRefused("{\"title\":\"a\\u0000b\"}", "title", "控制字符");
        assertRefused("{\"title\":\"a\\u001bb\"}", "title", "控制字符");
        assertRefused("{\"title\":\"a\\u0085b\"}", "title", "控制字符");
        assertRefused("{\"title\":\"a\\u007fb\"}", "title", "控制字符");
        assertRefused("{\"title\":\"a\\ud800b\"}", "title", "代理字符");
        assertRefused("{\"title\":\"a\\udc00\"}", "title", "代理字符");
        assertRefused("{\"title\":\"\\u202eabc\"}", "title", "方向");
        assertRefused("{\"title\":\"\\u2067abc\"}", "title", "方向");
        assertRefused("{\"tags\":[\"ok\",\"\\u0000\"]}", "tags[1]", "控制字符");
    }

    @Test
    void numbersAndBooleansAreNotTurnedIntoTextNorTextIntoNumbers() {
        assertRefused("{\"title\":12}", "title", "文本");
        assertRefused("{\"title\":true}", "title", "文本");
        assertRefused("{\"title\":{}}", "title", "文本");
        assertThatThrownBy(() -> json.readValue("{\"count\":\"12\"}", Form.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"flag\":1}", Form.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"flag\":\"true\"}", Form.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void enumsOnlyByTheirCode() {
        assertThatThrownBy(() -> json.readValue("{\"colour\":0}", Form.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"colour\":\"1\"}", Form.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void datesLieBetween1949And2200() {
        assertRefused("{\"on\":\"+999999999-12-31\"}", "on", "1949");
        assertRefused("{\"on\":\"-999999999-01-01\"}", "on", "1949");
        assertRefused("{\"on\":\"1948-12-31\"}", "on", "1949");
        assertRefused("{\"on\":\"2201-01-01\"}", "on", "2200");
        assertRefused("{\"at\":\"+999999999-12-31T23:59:59Z\"}", "at", "1949");
        assertThat(json.readValue("{\"on\":\"1949-10-01\",\"at\":\"2200-12-31T12:00:00Z\"}", Form.class).on())
                .isEqualTo(LocalDate.of(1949, 10, 1));
    }

    private void assertRefused(String body, String field, String reasonContains) {
        assertThatThrownBy(() -> json.readValue(body, Form.class))
                .isInstanceOfSatisfying(DatabindException.class, e -> {
                    assertThat(JsonPaths.of(e)).isEqualTo(field);
                    if (e instanceof RejectedInputException rejected) {
                        assertThat(rejected.reason()).contains(reasonContains);
                    } else {
                        throw new AssertionError("refused by Jackson itself, not our rule: " + e.getClass().getSimpleName());
                    }
                });
    }
}
