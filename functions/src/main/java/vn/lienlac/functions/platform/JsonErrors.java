package vn.lienlac.functions.platform;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Violation;

/** Turns Jackson's complaints about a body into a 400 that says which field and what was expected. */
final class JsonErrors {
  private JsonErrors() {}

  static ApiException.BadRequest toBadRequest(JsonMappingException e) {
    String field = path(e);
    Violation violation;
    if (e instanceof UnrecognizedPropertyException unknown) {
      violation = Violation.of(field, "request.unknownField", unknown.getPropertyName());
    } else if (e instanceof Json.NumberOutOfBounds || e.getCause() instanceof StreamConstraintsException) {
      violation = numberOutOfBounds(field);
    } else if (e instanceof Json.DateOutOfRange outOfRange) {
      violation = dateOutOfRange(field, outOfRange.date);
    } else if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
      violation = Violation.of(field, "request.wrongType", expected(coercion.getTargetType())); // 1e30 for a Long
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      violation = Violation.of(field, "request.wrongType", expected(mismatch.getTargetType()));
    } else {
      violation = Violation.of(field, "request.unreadableField");
    }
    return new ApiException.BadRequest(List.of(violation), "request.invalidBody");
  }

  /**
   * A limit of the parser itself: a number token longer than {@link Json#MAX_NUMBER_LENGTH}
   * characters, nesting deeper than {@link Json#MAX_NESTING_DEPTH}, a name or string beyond
   * Jackson's lengths. The parser knows no field.
   */
  static ApiException.BadRequest toBadRequest(StreamConstraintsException e) {
    // Jackson says which limit only in its message; an unknown one still gets a clear 400.
    String message = String.valueOf(e.getOriginalMessage());
    Violation violation;
    if (message.startsWith("Number value length")) {
      violation = numberOutOfBounds("");
    } else if (message.startsWith("Document nesting depth")) {
      violation = Violation.of("", "request.tooDeep", Json.MAX_NESTING_DEPTH);
    } else {
      violation = Violation.of("", "request.tooLarge");
    }
    return new ApiException.BadRequest(List.of(violation), "request.invalidBody");
  }

  private static Violation numberOutOfBounds(String field) {
    return Violation.of(field, "request.numberOutOfBounds", Json.MAX_DECIMAL_DIGITS);
  }

  /** The one date-range rule, said the same way for bodies and parameters. */
  static Violation dateOutOfRange(String field, LocalDate date) {
    return Violation.of(field, "request.dateOutOfRange", date.toString(), SchoolTime.FIRST_DATE.toString(),
        SchoolTime.LAST_DATE.toString());
  }

  /** {@code rows/3/midterm} for the fourth row's midterm: the same path style as Violation. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null
            ? reference.getFieldName()
            : String.valueOf(reference.getIndex()))
        .collect(Collectors.joining("/"));
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(" | "));
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "number";
    }
    if (type == LocalDate.class) {
      return "YYYY-MM-DD";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "ISO-8601";
    }
    if (type == String.class) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true | false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "[ ... ]";
    }
    return "{ ... }";
  }
}
