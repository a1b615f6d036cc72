package org.gongkai.support.web.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one place where JSON text and dates are checked on their way in, for every service: a text field takes only a
 * JSON string (never a number or boolean turned into one) that {@link CleanText} accepts, stored in NFC; a date or
 * instant lies between {@link SaneDates#FIRST_YEAR} and {@link SaneDates#LAST_YEAR}. A value that breaks either is a 400 naming the field.
 */
public class StrictJsonModule extends SimpleModule {

    public StrictJsonModule() {
        super("gongkai-strict-json");
        addDeserializer(String.class, new CleanStringDeserializer());
        setDeserializerModifier(new DateRangeModifier());
    }

    static final class CleanStringDeserializer extends StdScalarDeserializer<String> {

        CleanStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedInputException(parser, String.class, "须为文本（加引号的字符串）");
            }
            CleanText.Result result = CleanText.of(parser.getString());
            if (result.isRefused()) {
                throw new RejectedInputException(parser, String.class, result.refusal());
            }
            return result.text();
        }
    }

    static final class DateRangeModifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class
                    || type == OffsetDateTime.class || type == ZonedDateTime.class) {
                return new DateRangeDeserializer(deserializer);
            }
            return deserializer;
        }
    }

    static final class DateRangeDeserializer extends DelegatingDeserializer {

        DateRangeDeserializer(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new DateRangeDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value != null && !SaneDates.isSane(value)) {
                throw new RejectedInputException(parser, value.getClass(), SaneDates.RULE);
            }
            return value;
        }
    }
}
