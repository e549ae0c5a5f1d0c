package vn.lienlac.functions.platform;

import java.util.List;
import java.util.Locale;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.i18n.Messages;

/** The one place where failures become RFC 9457 problem details, in the caller's language. */
public final class Problems {
  private Problems() {}

  public static Problem of(ApiException e, Locale locale, String requestId) {
    List<Problem.FieldError> errors = e.violations().stream()
        .map(v -> new Problem.FieldError(v.field(), v.code(), Messages.describe(locale, v)))
        .toList();
    return new Problem(
        Problem.TYPE_BASE + e.problemType(),
        Messages.get(locale, "problem." + e.problemType() + ".title"),
        e.status(),
        Messages.get(locale, e.messageKey(), e.args().toArray()),
        instance(requestId),
        errors.isEmpty() ? null : errors,
        e.currentVersion(),
        e.notice(),
        e.studentId());
  }

  /** A failure of ours: no stack trace, no SDK message, only the id to quote to support. */
  public static Problem internal(Locale locale, String requestId) {
    return new Problem(
        Problem.TYPE_BASE + "internal",
        Messages.get(locale, "problem.internal.title"),
        500,
        Messages.get(locale, "problem.internal.detail", requestId),
        instance(requestId),
        null,
        null);
  }

  private static String instance(String requestId) {
    return "urn:lienlac:request:" + requestId;
  }
}
