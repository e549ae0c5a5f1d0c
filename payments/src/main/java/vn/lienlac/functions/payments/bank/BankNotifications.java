package vn.lienlac.functions.payments.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.lienlac.functions.platform.Json;

/**
 * Reads a (verified) notification body into {@link BankTransaction}s. Read as a tree, not strictly:
 * the providers add fields over time, and refusing a signed notification for a new field would
 * lose a parent's money. What we need must be there and well-typed, or the body is
 * {@link Unreadable} (it is then parked whole for staff, never dropped).
 *
 * <p>SePay: one object: {@code id} (number), {@code transferType} {@code in}/{@code out},
 * {@code transferAmount}, {@code content}, {@code accountNumber}, {@code referenceCode},
 * {@code transactionDate}. Casso v2: {@code {"error": 0, "data": …}}, data one object or a list:
 * {@code id}, {@code amount} (negative = money out), {@code description}, {@code accountNumber},
 * {@code reference}, {@code transactionDateTime}.
 */
public final class BankNotifications {
  public static final String SEPAY = "SEPAY";
  public static final String CASSO = "CASSO";
  /** A bank note longer than this is cut (stored and searched); banks allow ~210 characters. */
  static final int MAX_NOTE = 500;

  private BankNotifications() {}

  /** A signed body we cannot read as the provider's format. */
  public static final class Unreadable extends Exception {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  public static List<BankTransaction> sepay(String rawBody) throws Unreadable {
    JsonNode body = tree(rawBody);
    if (!body.isObject()) {
      throw new Unreadable("not a JSON object");
    }
    String type = text(body, "transferType", true);
    if (!"in".equals(type) && !"out".equals(type)) {
      throw new Unreadable("transferType is neither in nor out");
    }
    long amount = amount(body, "transferAmount");
    if (amount < 0) {
      throw new Unreadable("negative transferAmount");
    }
    return List.of(new BankTransaction(SEPAY, id(body), "in".equals(type), amount, note(body, "content"),
        text(body, "accountNumber", false), text(body, "referenceCode", false), text(body, "transactionDate", false)));
  }

  public static List<BankTransaction> casso(String rawBody) throws Unreadable {
    JsonNode body = tree(rawBody);
    if (!body.isObject() || !body.path("error").isIntegralNumber() || body.path("error").asLong() != 0) {
      throw new Unreadable("not {\"error\": 0, \"data\": …}");
    }
    JsonNode data = body.get("data");
    List<JsonNode> items = new ArrayList<>();
    if (data != null && data.isObject()) {
      items.add(data);
    } else if (data != null && data.isArray() && !data.isEmpty() && data.size() <= 100) {
      data.forEach(items::add);
    } else {
      throw new Unreadable("data is neither an object nor a list of 1-100");
    }
    List<BankTransaction> out = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw new Unreadable("a data item is not an object");
      }
      long amount = amount(item, "amount");
      out.add(new BankTransaction(CASSO, id(item), amount > 0, Math.abs(amount), note(item, "description"),
          text(item, "accountNumber", false), text(item, "reference", false), text(item, "transactionDateTime", false)));
    }
    return out;
  }

  private static JsonNode tree(String rawBody) throws Unreadable {
    try {
      JsonNode tree = Json.MAPPER.readTree(rawBody);
      if (tree == null) {
        throw new Unreadable("empty body");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new Unreadable("not JSON");
    }
  }

  /** The provider's id: a whole number or a non-blank text of at most 100 characters. */
  private static String id(JsonNode node) throws Unreadable {
    JsonNode id = node.get("id");
    if (id != null && id.isIntegralNumber() && id.canConvertToLong() && id.asLong() >= 0) {
      return Long.toString(id.asLong());
    }
    if (id != null && id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 100) {
      return id.asText().strip();
    }
    throw new Unreadable("no usable id");
  }

  /** A whole number of VND (a JSON integer, or a decimal with nothing after the point). */
  private static long amount(JsonNode node, String field) throws Unreadable {
    JsonNode value = node.get(field);
    if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value != null && value.isNumber()) {
      BigDecimal decimal = value.decimalValue();
      try {
        return decimal.stripTrailingZeros().longValueExact();
      } catch (ArithmeticException e) {
        throw new Unreadable(field + " is not a whole number of VND");
      }
    }
    throw new Unreadable(field + " is missing or not a number");
  }

  private static String text(JsonNode node, String field, boolean required) throws Unreadable {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new Unreadable(field + " is missing");
      }
      return null;
    }
    if (!value.isValueNode()) {
      throw new Unreadable(field + " is not a value");
    }
    String text = value.asText();
    return text.length() > MAX_NOTE ? text.substring(0, MAX_NOTE) : text;
  }

  private static String note(JsonNode node, String field) throws Unreadable {
    String note = text(node, field, false);
    return note == null ? "" : note;
  }
}
