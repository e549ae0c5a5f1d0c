package vn.lienlac.app.core;

import java.util.Objects;
import java.util.UUID;

/**
 * The Idempotency-Key of a form's draft: made once per content, so sending the same content again
 * (a retry after no answer) sends the same key and the API answers with what the first call made;
 * a changed draft, or one after a success, gets a new key.
 */
public final class DraftKey<D> {
  private String key;
  private D keyedDraft;

  /** The key to send {@code draft} with. */
  public String of(D draft) {
    if (key == null || !Objects.equals(draft, keyedDraft)) {
      key = UUID.randomUUID().toString();
      keyedDraft = draft;
    }
    return key;
  }

  /** Forgets the key: the draft was made (or the form starts again). */
  public void reset() {
    key = null;
    keyedDraft = null;
  }
}
