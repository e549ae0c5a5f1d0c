package vn.lienlac.functions.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.lienlac.model.common.SchoolTime;

/**
 * The one Jackson configuration of the API, built once per container. Reading is strict: a value
 * must arrive as the JSON type its field has (no {@code "7"} for a number, no {@code 1} for an enum,
 * no {@code 1.5} for an integer, no {@code ""} for "nothing"), numbers and dates are bounded before
 * anything computes with or prints them, and a field may appear once.
 */
public final class Json {
  /** Significant digits, and digits before or after the point, that a decimal may have. */
  public static final int MAX_DECIMAL_DIGITS = 32;
  /** Characters of one number token, checked by the parser before it builds the number. */
  static final int MAX_NUMBER_LENGTH = 100;
  /** Our bodies nest four levels at most; anything deeper is not a request of ours. */
  static final int MAX_NESTING_DEPTH = 32;

  public static final ObjectMapper MAPPER = JsonMapper.builder(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder()
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .build())
              .build())
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("bounds").setDeserializerModifier(new Bounds()))
      // Scores like 8.1 must arrive exactly: a double would make 8.1 into 8.0999...
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // A misspelt field is a client mistake that would otherwise be silently ignored.
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // {"status":"DECLINED","status":"APPROVED"} must not quietly mean the last one.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // No coercion between JSON types: " 7 " and "1e1" are not scores, 1 is not APPROVED,
      // 1.5 is not a version, 5 is not a reason, "" is not "no mark".
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .withCoercionConfigDefaults(config -> config
          .setAcceptBlankAsEmpty(false)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Enum, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Integer, config -> config
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Float, config -> config
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      // Dates as YYYY-MM-DD only: no epoch-day numbers, no date-times cut down to a date.
      .defaultLeniency(false)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a decimal is within {@link #MAX_DECIMAL_DIGITS} (significant digits, digits before and
   * after the point). Decided from precision and scale alone, without writing the number out:
   * {@code 1E+2147483647} is one digit and an exponent, but its plain text is 2 GB.
   */
  public static boolean isBounded(BigDecimal value) {
    long integerDigits = (long) value.precision() - value.scale();
    return value.precision() <= MAX_DECIMAL_DIGITS && value.scale() <= MAX_DECIMAL_DIGITS
        && integerDigits <= MAX_DECIMAL_DIGITS;
  }

  /** A decimal beyond {@link #MAX_DECIMAL_DIGITS}; its value is not kept, so nothing can print it. */
  static final class NumberOutOfBounds extends JsonMappingException {
    NumberOutOfBounds(JsonParser parser) {
      super(parser, "A number beyond " + MAX_DECIMAL_DIGITS + " digits");
    }
  }

  /** A date outside the supported years ({@link SchoolTime#isSupported}). */
  static final class DateOutOfRange extends JsonMappingException {
    final transient LocalDate date;

    DateOutOfRange(JsonParser parser, LocalDate date) {
      super(parser, "A date outside " + SchoolTime.FIRST_DATE + ".." + SchoolTime.LAST_DATE);
      this.date = date;
    }
  }

  /**
   * Wraps the standard deserializers of BigDecimal and LocalDate with the bounds above (and dates
   * with an exact {@code YYYY-MM-DD}), of Instant with ISO text only (an event's {@code occurredAt};
   * Jackson's own takes a number, seconds or milliseconds), and of enums with an exact match of the
   * name: Jackson's own
   * would take {@code "APPROVED "} and {@code " 2026-11-23"}.
   */
  private static final class Bounds extends BeanDeserializerModifier {
    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
        JsonDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      return type == BigDecimal.class || type == LocalDate.class || type == Instant.class
          ? new Bounded(deserializer) : deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
        BeanDescription description, JsonDeserializer<?> deserializer) {
      return new Bounded(deserializer);
    }
  }

  /** ISO dates as the parameters read them (no white space: Jackson's own reader trims it). */
  private static final Pattern DATE = Pattern.compile("[+-]?[0-9]{4,9}-[0-9]{2}-[0-9]{2}");

  private static boolean isName(Class<?> enumType, String text) {
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static final class Bounded extends DelegatingDeserializer {
    Bounded(JsonDeserializer<?> standard) {
      super(standard);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Bounded(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      Class<?> type = handledType();
      if (type == LocalDate.class) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return context.handleUnexpectedToken(LocalDate.class, parser); // [2026,11,23], 20000
        }
        if (!DATE.matcher(parser.getText()).matches()) {
          return context.handleWeirdStringValue(type, parser.getText(), "not YYYY-MM-DD"); // " 2026-11-23"
        }
      }
      if (type == Instant.class && parser.currentToken() != JsonToken.VALUE_STRING) {
        return context.handleUnexpectedToken(Instant.class, parser); // 1700000000: seconds or millis?
      }
      if (type.isEnum() && parser.currentToken() == JsonToken.VALUE_STRING && !isName(type, parser.getText())) {
        return context.handleWeirdStringValue(type, parser.getText(), "not one of the names"); // "APPROVED "
      }
      Object value = super.deserialize(parser, context);
      if (value instanceof BigDecimal decimal && !isBounded(decimal)) {
        throw new NumberOutOfBounds(parser);
      }
      if (value instanceof LocalDate date && !SchoolTime.isSupported(date)) {
        throw new DateOutOfRange(parser, date);
      }
      return value;
    }
  }
}
