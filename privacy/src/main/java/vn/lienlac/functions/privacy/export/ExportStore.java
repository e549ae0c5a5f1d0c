package vn.lienlac.functions.privacy.export;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Where an export's archive lives between the worker that builds it and the one download: S3 in
 * AWS ({@link S3ExportStore}: a presigned GET), the local stack's directory locally
 * ({@link LocalExportStore}: a signed, expiring, one-time link the dev gateway serves).
 */
public interface ExportStore {
  /** Stores the archive under {@code key} (overwrites: a retried build writes the same key). */
  void put(String key, byte[] archive);

  /** A link that downloads the archive until {@code expiresAt} (now + {@code validity}). */
  Link link(String key, Instant now, Duration validity);

  /** Removes the archive; nothing when it is not there. */
  void delete(String key);

  /**
   * Whether a link works once by itself (the local store: the first GET takes the archive). S3's presigned
   * links do not: the API then queues the archive's purge {@link ExportService#PURGE_AFTER} after handing it out.
   */
  default boolean oneTimeLinks() {
    return false;
  }

  record Link(URI url, Instant expiresAt) {}

  /** No store (unit tests of the API function): nothing is stored and no link is handed out. */
  static ExportStore none() {
    return new ExportStore() {
      @Override
      public void put(String key, byte[] archive) {
        throw new IllegalStateException("No export store configured");
      }

      @Override
      public Link link(String key, Instant now, Duration validity) {
        throw new IllegalStateException("No export store configured");
      }

      @Override
      public void delete(String key) {
        // nothing stored
      }
    };
  }
}
