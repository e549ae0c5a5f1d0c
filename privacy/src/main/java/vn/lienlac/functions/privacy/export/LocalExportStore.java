package vn.lienlac.functions.privacy.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stack's export store (never in AWS: template.yaml sets none of its variables; ContractTest):
 * archives are files in a directory of the stack's data dir, and a link is
 * {@code {gateway}/dev/exports/{key}?expires={epoch s}&sig={HMAC-SHA256(key \n expires)}}, served by the
 * dev gateway through {@link #claim}: the first GET with a valid, unexpired signature moves the file
 * away (atomically) and answers it; every later GET finds nothing. So locally the link is really one-time.
 */
public final class LocalExportStore implements ExportStore {
  /** The directory of archives (the local stack's data dir). */
  public static final String DIR = "LIENLAC_LOCAL_EXPORT_DIR";
  /** The gateway's base URL of links, ending in {@code /dev/exports/}. */
  public static final String LINK_BASE = "LIENLAC_LOCAL_EXPORT_LINK";
  /** The HMAC key of links, base64 (random per stack start). */
  public static final String KEY = "LIENLAC_LOCAL_EXPORT_KEY";
  private static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,80}";

  private final Path dir;
  private final URI linkBase;
  private final byte[] secret;

  public LocalExportStore(Path dir, URI linkBase, byte[] secret) {
    this.dir = dir;
    this.linkBase = linkBase;
    this.secret = secret.clone();
  }

  @Override
  public void put(String key, byte[] archive) {
    try {
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, ".part-", ".tmp");
      Files.write(temporary, archive);
      move(temporary, file(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Link link(String key, Instant now, Duration validity) {
    Instant expiresAt = now.plus(validity);
    long expires = expiresAt.getEpochSecond();
    return new Link(linkBase.resolve(key + "?expires=" + expires + "&sig=" + signature(key, expires)),
        Instant.ofEpochSecond(expires));
  }

  @Override
  public boolean oneTimeLinks() {
    return true;
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a GET of a link finds: the archive (now gone from the store), or nothing (bad, expired or used link). */
  public Optional<byte[]> claim(String key, String expires, String sig, Instant now) {
    if (key == null || !key.matches(KEY_PATTERN) || expires == null || !expires.matches("[0-9]{1,12}") || sig == null) {
      return Optional.empty();
    }
    long epoch = Long.parseLong(expires);
    boolean valid = MessageDigest.isEqual(signature(key, epoch).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
    if (!valid || now.getEpochSecond() > epoch) {
      return Optional.empty();
    }
    try {
      Path claimed = dir.resolve(".claimed-" + key + "-" + System.nanoTime());
      try {
        move(file(key), claimed);
      } catch (NoSuchFileException e) {
        return Optional.empty(); // downloaded before, or purged
      }
      byte[] bytes = Files.readAllBytes(claimed);
      Files.delete(claimed);
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether an archive is stored under {@code key} (tests). */
  public boolean holds(String key) {
    return key.matches(KEY_PATTERN) && Files.isRegularFile(file(key));
  }

  private Path file(String key) {
    if (!key.matches(KEY_PATTERN)) {
      throw new IllegalArgumentException("Not an export key");
    }
    return dir.resolve(key);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String signature(String key, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((key + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
