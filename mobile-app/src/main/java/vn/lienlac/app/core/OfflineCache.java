package vn.lienlac.app.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import vn.lienlac.client.LienlacClient;

/**
 * The last answers the app read, kept on the device (Attach private storage, or a folder on the
 * desktop) so a screen still shows them with no connection, marked with when they were read.
 * One JSON file per key; written whole to a temporary file, then moved over the old one.
 */
public final class OfflineCache {
  /** A cached value and when it was read from the API. */
  public record Entry<T>(T value, Instant savedAt) {}

  private final Path folder;

  public OfflineCache(Path folder) {
    this.folder = folder;
  }

  /** The folder the cache lives in (files the app keeps for the user, such as receipts, go in a sub-folder). */
  public Path folder() {
    return folder;
  }

  public <T> void put(String key, T value, Instant savedAt) {
    try {
      Files.createDirectories(folder);
      ObjectNode node = LienlacClient.json().createObjectNode();
      node.put("savedAt", savedAt.toString());
      node.set("value", LienlacClient.json().valueToTree(value));
      Path temp = Files.createTempFile(folder, "cache", ".tmp");
      Files.write(temp, LienlacClient.json().writeValueAsBytes(node));
      Files.move(temp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cached value, if any and readable (a damaged file counts as none). */
  public <T> Optional<Entry<T>> get(String key, Class<T> type) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = LienlacClient.json().readTree(file.toFile());
      return Optional.of(new Entry<>(LienlacClient.json().treeToValue(node.get("value"), type),
          Instant.parse(node.get("savedAt").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes everything in the cache folder (cached answers, the outbox, saved receipts: the
   * person's) except entries whose name starts with {@code keptPrefix} (sign-out: the device's own
   * settings stay).
   */
  public void clearExcept(String keptPrefix) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    String kept = file(keptPrefix).getFileName().toString().replaceAll("\\.json$", "");
    try (var entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().startsWith(kept)) {
          deleteTree(entry); // cached answers, the outbox, saved receipts: all the person's
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (var children = Files.list(path)) {
        for (Path child : children.toList()) {
          deleteTree(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }

  private Path file(String key) {
    return folder.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
  }
}
