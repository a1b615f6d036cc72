package org.gongkai.support.web.input;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON input for every service: text only from JSON strings and clean ({@link StrictJsonModule}), dates in
 * a sane range, no scalar coercion (no {@code "12"} for a number, no {@code 1} for true, no {@code 12} for a text),
 * enums by their code only, never by ordinal.
 */
public class StrictJsonInput implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new StrictJsonModule())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
