package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Minimisation (issue 18, point 5; docs/PRIVACY.md): the logs of the integration run carry ids,
 * never names, phones, tokens or signatures. Runs AFTER the integration tests, as its own Surefire
 * execution in the verify phase (tests/pom.xml, {@code ./lienlac test} turns it on), and scans what
 * the first execution left in {@code target/surefire-reports/*-output.txt}: the local stack's
 * gateway lines, every function's JSON log lines (Lambda's logger and stdout), the event and
 * schedule runners, and the tests' own output.
 *
 * <p>It checks every person's name the demo seed holds (pupils, guardians, teachers, staff: the
 * seed snapshot's name attributes), any Vietnamese mobile number in E.164 or national spelling,
 * JWTs and bearer tokens, FCM registration tokens (the shapes the tests register) and VNPay secure
 * hashes (HMAC-SHA512, 128 hex digits). It fails when the log is missing or too small to mean
 * anything ({@code lienlac.logScan.minRequests} request lines, default 1,000), so that it cannot
 * pass by scanning nothing.
 */
class LogMinimisationCheck {
  static final Path REPORTS = Path.of("target", "surefire-reports");
  private static final String SNAPSHOT = "/vn/lienlac/local/seed/demo-seed.jsonl.gz";
  /** The seed's attributes that hold a person's name (not a class's, a fee's or a school's). */
  private static final Set<String> NAME_ATTRIBUTES = Set.of("fullName", "displayName", "studentName", "teacherName",
      "actorName", "authorName", "senderName", "requestedByName", "decidedByName", "guardianName", "parentName");

  /** What must never be in a log line, by kind. */
  static final Map<String, Pattern> SECRETS = Map.of(
      "phone", Pattern.compile("(?<![\\w+.-])(?:\\+84|\\(\\+84\\)\\s?|84|0)[35789]\\d(?:[ .-]?\\d){7}(?![\\w-])"),
      "jwt", Pattern.compile("eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}"),
      "bearer", Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{12,}"),
      "fcm-token", Pattern.compile("(?:push-test|matrix-token|fuzz-token|fcm-token|demo-fcm):[\\w:.-]+|APA91b[\\w-]{4,}"),
      "vnpay-hash", Pattern.compile("(?i)vnp_SecureHash\\W{1,3}[0-9a-f]{16,}|(?<![0-9a-fA-F])[0-9a-fA-F]{128}(?![0-9a-fA-F])"));
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
  private static final Pattern REQUEST_LINE = Pattern.compile("\"message\"\\s*:\\s*\"request\"");

  @Test
  void theIntegrationRunsLogsCarryNoNamesPhonesOrTokens() throws IOException {
    List<Path> logs = logFiles();
    assertThat(logs).as("the integration run's output in %s (run the integration tests first)", REPORTS.toAbsolutePath())
        .isNotEmpty();
    Set<String> names = seededNames();
    assertThat(names).as("names from the demo seed snapshot").hasSizeGreaterThan(100);

    long lines = 0;
    long requests = 0;
    List<String> found = new ArrayList<>();
    long count = 0;
    for (Path log : logs) {
      try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          lines++;
          if (REQUEST_LINE.matcher(line).find()) {
            requests++;
          }
          String text = Normalizer.normalize(unescape(line), Normalizer.Form.NFC);
          for (String hit : hits(text, names)) {
            count++;
            if (found.size() < 20) {
              found.add(log.getFileName() + ":" + number + " " + hit + ": " + abbreviate(text));
            }
          }
        }
      }
    }
    long minRequests = Long.getLong("lienlac.logScan.minRequests", 1_000);
    String summary = String.format("Log minimisation: %,d lines scanned (%d files, %,d request lines), %,d names,"
        + " phones (E.164 and national), JWTs, FCM tokens and VNPay hashes checked, %d found",
        lines, logs.size(), requests, names.size(), count);
    System.out.println(summary);
    TestSummaries.write("log-minimisation", summary);
    assertThat(requests).as("request lines in the log (fewer than %d: the log is missing or tiny)", minRequests)
        .isGreaterThanOrEqualTo(minRequests);
    assertThat(found).as("personal data or secrets in the logs (%d in all, the first 20 shown)", count).isEmpty();
  }

  /** What the line gives away: a seeded name, or a secret of a kind in {@link #SECRETS}. */
  static List<String> hits(String text, Set<String> names) {
    List<String> hits = new ArrayList<>();
    for (var secret : SECRETS.entrySet()) {
      Matcher matcher = secret.getValue().matcher(text);
      if (matcher.find()) {
        hits.add(secret.getKey() + " '" + matcher.group() + "'");
      }
    }
    for (String name : names) {
      if (text.contains(name)) {
        hits.add("name '" + name + "'");
        break;
      }
    }
    return hits;
  }

  /** The first Surefire execution's output files, not this check's own. */
  static List<Path> logFiles() throws IOException {
    if (!Files.isDirectory(REPORTS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(REPORTS)) {
      return files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
          .filter(f -> !f.getFileName().toString().contains(LogMinimisationCheck.class.getSimpleName()))
          .sorted().toList();
    }
  }

  /** Every person's full name in the demo seed (two words or more: a given name alone is not checked). */
  static Set<String> seededNames() throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = LogMinimisationCheck.class.getResourceAsStream(SNAPSHOT)) {
      assertThat(in).as("the seed snapshot %s on the class path (the local module's build makes it)", SNAPSHOT)
          .isNotNull();
      ObjectMapper json = new ObjectMapper();
      BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      reader.readLine(); // the header
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode item = json.readTree(line);
        for (String attribute : NAME_ATTRIBUTES) {
          String name = item.path(attribute).path("S").asText("").strip();
          if (name.contains(" ")) {
            names.add(Normalizer.normalize(name, Normalizer.Form.NFC));
          }
        }
      }
    }
    return names;
  }

  private static String unescape(String line) {
    if (line.indexOf("\\u") < 0) {
      return line;
    }
    return UNICODE_ESCAPE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
