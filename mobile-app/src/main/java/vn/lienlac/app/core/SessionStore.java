package vn.lienlac.app.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vn.lienlac.client.LienlacClient;
import vn.lienlac.model.identity.Me;

/**
 * The signed-in session kept on the device: {@code session.json} in the app's private folder
 * ({@code DeviceServices.privateFolder()}: Attach storage's private folder on a phone, a folder in the
 * user's home on the desktop), written whole to a temporary file and moved over the old one, readable
 * by its owner only where the file system says so (POSIX).
 *
 * <p>On a phone that folder is the app's private storage, which other apps cannot read. The tokens
 * are not encrypted on top of that: doing so with the Android Keystore or the iOS Keychain needs a
 * native service that Gluon Attach does not have (a custom Attach service would add it).
 */
public interface SessionStore {
  /** What is kept: Cognito's tokens, and who signed in (so the app opens offline, on cached data). */
  record Stored(String idToken, String refreshToken, Instant expiresAt, String phone, String role, Me me) {}

  Optional<Stored> load();

  void save(Stored session);

  void clear();

  /** The file {@code session.json} in {@code folder}. */
  static SessionStore in(Path folder) {
    return new FileStore(folder.resolve("session.json"));
  }

  /** Kept in memory only (ViewModel tests, and an app that must not keep a session). */
  static SessionStore inMemory() {
    AtomicReference<Stored> kept = new AtomicReference<>();
    return new SessionStore() {
      @Override
      public Optional<Stored> load() {
        return Optional.ofNullable(kept.get());
      }

      @Override
      public void save(Stored session) {
        kept.set(session);
      }

      @Override
      public void clear() {
        kept.set(null);
      }
    };
  }

  /** The file store. */
  final class FileStore implements SessionStore {
    private final Path file;

    FileStore(Path file) {
      this.file = file;
    }

    public Path file() {
      return file;
    }

    @Override
    public Optional<Stored> load() {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(LienlacClient.json().readValue(file.toFile(), Stored.class))
            .filter(s -> s.refreshToken() != null && s.idToken() != null && s.expiresAt() != null);
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // damaged: sign in again
      }
    }

    @Override
    public void save(Stored session) {
      try {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "session", ".tmp");
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(temp, LienlacClient.json().writeValueAsBytes(session));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void clear() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
