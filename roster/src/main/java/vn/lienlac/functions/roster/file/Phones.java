package vn.lienlac.functions.roster.file;

import java.util.Optional;

/**
 * Vietnamese mobile numbers as rosters write them, to E.164: the rule itself lives in shared-model
 * ({@link vn.lienlac.model.common.Phones}, which the app's sign-in screen uses too); this class keeps
 * the roster code's names for it.
 */
public final class Phones {
  /** Rejection reasons (message keys in both bundles). */
  public static final String MALFORMED = vn.lienlac.model.common.Phones.MALFORMED;
  public static final String NOT_MOBILE = vn.lienlac.model.common.Phones.NOT_MOBILE;
  public static final String OLD_NUMBER = vn.lienlac.model.common.Phones.OLD_NUMBER;
  public static final String NOT_VIETNAMESE = vn.lienlac.model.common.Phones.NOT_VIETNAMESE;

  private Phones() {}

  /** The E.164 number, or the reason (one of the constants above) why not; exactly one is non-null. */
  public record Parsed(String e164, String problem) {
    public boolean ok() {
      return e164 != null;
    }
  }

  /** Parses {@code raw}; blank input is {@link #MALFORMED}. */
  public static Parsed parse(String raw) {
    vn.lienlac.model.common.Phones.Parsed parsed = vn.lienlac.model.common.Phones.parse(raw);
    return new Parsed(parsed.e164(), parsed.problem());
  }

  /** The E.164 form of a Vietnamese mobile number, or empty when {@code raw} is not one. */
  public static Optional<String> toE164(String raw) {
    return vn.lienlac.model.common.Phones.toE164(raw);
  }
}
