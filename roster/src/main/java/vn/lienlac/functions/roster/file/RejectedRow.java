package vn.lienlac.functions.roster.file;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.i18n.Messages;

/**
 * A row that will not be imported, with every reason found (each a {@code roster.*} message key
 * with its arguments; the field is the {@link Field#key()} of the column at fault, or null).
 */
public record RejectedRow(String sheet, int row, List<Violation> reasons) {

  public RejectedRow {
    reasons = List.copyOf(reasons);
  }

  /** The message keys of the reasons, in order (what tests compare). */
  public List<String> codes() {
    return reasons.stream().map(Violation::code).toList();
  }

  /** The reasons as text in {@code locale}, joined by "; ". */
  public String reason(Locale locale) {
    return reasons.stream().map(v -> Messages.describe(locale, v)).collect(Collectors.joining("; "));
  }
}
