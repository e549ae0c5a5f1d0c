package vn.lienlac.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.lienlac.local.lambda.Artifacts;
import vn.lienlac.local.template.SamTemplate;

/**
 * One artifact per deployable (issue 13): every function of template.yaml ships in a jar the
 * Makefile names, and heavy dependencies ride only where they are used. Reads the shaded jars the
 * reactor built before this module; prints each one's size.
 */
class ArtifactsTest {
  private static final Path ROOT = SamTemplate.repositoryRoot();
  private static final Artifacts ARTIFACTS = Artifacts.read(ROOT);
  /** Never in the API functions' jar (cold start, snapshot size, attack surface). */
  static final Map<String, String> NOT_IN_FUNCTIONS = forbidden(
      "com/google/firebase/", "firebase", "io/grpc/", "gRPC", "io/netty/", "Netty",
      "org/apache/http/", "Apache HttpClient 4", "org/apache/hc/", "Apache HttpClient 5",
      "org/apache/poi/", "POI", "org/apache/pdfbox/", "PDFBox", "software/amazon/awssdk/services/s3/", "S3");
  /** Never in the payments jar: the push stack is the dispatcher's alone. */
  static final Map<String, String> NOT_IN_PAYMENTS = forbidden(
      "com/google/firebase/", "firebase", "io/grpc/", "gRPC", "io/netty/", "Netty");
  /** Never in the record book's jar: it prints a PDF, nothing else of payments' or the dispatcher's stack. */
  static final Map<String, String> NOT_IN_RECORDBOOK = forbidden(
      "com/google/firebase/", "firebase", "io/grpc/", "gRPC", "io/netty/", "Netty", "org/apache/poi/", "POI",
      "com/google/zxing/", "ZXing");
  /** Never in the privacy jar (issue 18): it reads the table, prints a PDF and stores it in S3, nothing else. */
  static final Map<String, String> NOT_IN_PRIVACY = forbidden(
      "com/google/firebase/", "firebase", "io/grpc/", "gRPC", "io/netty/", "Netty", "org/apache/poi/", "POI",
      "com/google/zxing/", "ZXing", "org/apache/http/", "Apache HttpClient 4", "org/apache/hc/", "Apache HttpClient 5");
  private static final Map<String, Long> SIZES = new LinkedHashMap<>();

  @Test
  void every_function_of_the_template_should_ship_in_a_jar_the_makefile_builds() {
    for (SamTemplate.Function function : SamTemplate.read(ROOT.resolve("template.yaml")).functions()) {
      Path jar = ARTIFACTS.jarOf(function.logicalId());
      assertThat(jar).as(function.logicalId() + "'s artifact (built by the reactor before tests)").isRegularFile();
      assertThat(classIn(jar, function.handlerClass())).as(function.handlerClass() + " in " + jar.getFileName()).isTrue();
    }
  }

  @Test
  void the_api_functions_jar_should_carry_no_firebase_grpc_netty_apache_httpclient_poi_or_pdfbox() throws IOException {
    assertThat(offending(ARTIFACTS.jar("FUNCTIONS_JAR"), NOT_IN_FUNCTIONS)).isEmpty();
  }

  @Test
  void the_payments_jar_should_carry_no_firebase_grpc_or_netty() throws IOException {
    assertThat(offending(ARTIFACTS.jar("PAYMENTS_JAR"), NOT_IN_PAYMENTS)).isEmpty();
  }

  @Test
  void the_payments_jar_should_carry_the_font_once_from_the_documents_library() throws IOException {
    try (ZipFile zip = new ZipFile(ARTIFACTS.jar("PAYMENTS_JAR").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName).filter(n -> n.contains("DejaVu") && n.endsWith(".ttf")).toList())
          .containsExactlyInAnyOrder("vn/lienlac/functions/documents/fonts/DejaVuSans.ttf",
              "vn/lienlac/functions/documents/fonts/DejaVuSans-Bold.ttf");
    }
  }

  @Test
  void the_record_book_jar_should_carry_pdfbox_and_one_font_but_no_firebase_grpc_netty_poi_or_zxing() throws IOException {
    Path jar = ARTIFACTS.jar("RECORDBOOK_JAR");
    assertThat(offending(jar, NOT_IN_RECORDBOOK)).isEmpty();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("DejaVuSans.ttf")).toList())
          .containsExactly("vn/lienlac/functions/documents/fonts/DejaVuSans.ttf");
      assertThat(zip.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class")).isNotNull();
    }
  }

  @Test
  void the_privacy_jar_should_carry_pdfbox_one_font_and_s3_but_no_firebase_grpc_netty_poi_zxing_or_apache_http()
      throws IOException {
    Path jar = ARTIFACTS.jar("PRIVACY_JAR");
    assertThat(offending(jar, NOT_IN_PRIVACY)).isEmpty();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("DejaVuSans.ttf")).toList())
          .containsExactly("vn/lienlac/functions/documents/fonts/DejaVuSans.ttf");
      assertThat(zip.getEntry("software/amazon/awssdk/services/s3/presigner/S3Presigner.class")).isNotNull();
    }
  }

  @Test
  void the_offending_check_should_find_a_forbidden_class() throws IOException {
    // The check itself can fail: the API jar against a prefix it certainly has.
    assertThat(offending(ARTIFACTS.jar("FUNCTIONS_JAR"), forbidden("software/amazon/awssdk/", "the AWS SDK")))
        .anyMatch(line -> line.startsWith("the AWS SDK"));
  }

  @AfterAll
  static void sizes() throws IOException {
    for (var entry : ARTIFACTS.jarsByVariable().entrySet()) {
      if (Files.isRegularFile(entry.getValue())) {
        SIZES.put(entry.getKey().replace("_JAR", "").toLowerCase(Locale.ROOT), Files.size(entry.getValue()));
      }
    }
    List<String> parts = new ArrayList<>();
    SIZES.forEach((name, bytes) -> parts.add(String.format(Locale.ROOT, "%s %.1f MB", name, bytes / 1_000_000.0)));
    String line = "Artifacts: " + String.join(", ", parts);
    System.out.println(line);
    TestSummaries.write("artifacts", line);
  }

  /** One line per forbidden library found: its name, how many classes, an example. */
  static List<String> offending(Path jar, Map<String, String> forbidden) throws IOException {
    assertThat(jar).isRegularFile();
    Map<String, TreeSet<String>> found = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        forbidden.forEach((prefix, library) -> {
          if (name.startsWith(prefix)) {
            found.computeIfAbsent(library, l -> new TreeSet<>()).add(name);
          }
        });
      }
    }
    List<String> lines = new ArrayList<>();
    found.forEach((library, classes) -> lines.add(library + ": " + classes.size() + " classes in " + jar.getFileName()
        + ", e.g. " + classes.first()));
    return lines;
  }

  private static boolean classIn(Path jar, String className) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(className.replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, String> forbidden(String... prefixAndName) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < prefixAndName.length; i += 2) {
      map.put(prefixAndName[i], prefixAndName[i + 1]);
    }
    return map;
  }
}
