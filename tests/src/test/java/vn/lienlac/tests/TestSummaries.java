package vn.lienlac.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One-line summaries of the suites that count what they send (events, requests, cells), in
 * {@code tests/target/test-summaries/}: Surefire keeps test output in files, so {@code ./lienlac test}
 * prints these after the build.
 */
final class TestSummaries {
  static final Path FOLDER = Path.of("target", "test-summaries");

  private TestSummaries() {}

  static void write(String name, String line) {
    try {
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve(name + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
