package vn.lienlac.functions.privacy.export;

import java.nio.file.Path;
import java.util.Base64;
import vn.lienlac.functions.platform.Environment;

/** The store of an environment: the local stack's directory when it sets {@link LocalExportStore#DIR}, else S3. */
public final class ExportStores {
  /** The bucket template.yaml names ({@code !Ref ExportBucket}). */
  public static final String BUCKET = "EXPORT_BUCKET";

  private ExportStores() {}

  public static ExportStore fromEnvironment(Environment env) {
    if (env.optional(LocalExportStore.DIR).isPresent()) {
      return new LocalExportStore(Path.of(env.require(LocalExportStore.DIR)),
          java.net.URI.create(env.require(LocalExportStore.LINK_BASE)),
          Base64.getDecoder().decode(env.require(LocalExportStore.KEY)));
    }
    return S3ExportStore.fromEnvironment(env);
  }
}
