package vn.lienlac.functions.privacy.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;

/**
 * The two export stores without a network: the S3 presigner's link (SigV4 in the query string, the bucket and
 * key, a 5-minute expiry), and the local store's one-time, signed, expiring link.
 */
class ExportStoresTest {
  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

  @Test
  void the_s3_link_should_be_a_sigv4_presigned_get_of_the_object_valid_five_minutes() {
    Map<String, String> variables = new HashMap<>();
    variables.put(ExportStores.BUCKET, "lienlac-exports-test");
    variables.put("AWS_REGION", "ap-southeast-1");
    variables.put(Dynamo.LOCAL_CREDENTIALS, "true"); // fixed credentials: no call to anything
    ExportStore store = ExportStores.fromEnvironment(Environment.of(variables));
    assertThat(store).isInstanceOf(S3ExportStore.class);
    assertThat(store.oneTimeLinks()).as("S3 serves a presigned URL until it expires: the purge deletes it").isFalse();

    ExportStore.Link link = store.link("01JEXPORT.zip", NOW, Duration.ofMinutes(5));

    URI url = link.url();
    assertThat(url.getScheme()).isEqualTo("https");
    assertThat(url.getHost() + url.getPath()).isIn("lienlac-exports-test.s3.ap-southeast-1.amazonaws.com/01JEXPORT.zip",
        "s3.ap-southeast-1.amazonaws.com/lienlac-exports-test/01JEXPORT.zip");
    String query = url.getRawQuery();
    assertThat(query).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=300", "X-Amz-SignedHeaders=host",
        "X-Amz-Credential=local%2F", "%2Fap-southeast-1%2Fs3%2Faws4_request", "X-Amz-Signature=");
    assertThat(query).matches(".*X-Amz-Signature=[0-9a-f]{64}.*");
  }

  @Test
  void a_local_link_should_download_once_and_never_after_expiry_or_with_a_forged_signature(@TempDir Path dir) {
    LocalExportStore store = new LocalExportStore(dir, URI.create("http://127.0.0.1:3000/dev/exports/"),
        "secret-of-this-start".getBytes(StandardCharsets.UTF_8));
    store.put("01JA.zip", "zip one".getBytes(StandardCharsets.UTF_8));
    store.put("01JB.zip", "zip two".getBytes(StandardCharsets.UTF_8));
    ExportStore.Link link = store.link("01JA.zip", NOW, Duration.ofMinutes(5));
    assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    Map<String, String> query = query(link.url());

    assertThat(store.claim("01JA.zip", query.get("expires"), query.get("sig").replace('a', 'b').replace('0', '1'), NOW))
        .as("a forged signature").isEmpty();
    assertThat(store.claim("01JB.zip", query.get("expires"), query.get("sig"), NOW))
        .as("another archive with this link's signature").isEmpty();
    assertThat(store.claim("01JA.zip", query.get("expires"), query.get("sig"), NOW.plus(Duration.ofMinutes(6))))
        .as("after the expiry").isEmpty();
    assertThat(store.claim("01JA.zip", query.get("expires"), query.get("sig"), NOW.plusSeconds(10)))
        .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("zip one"));
    assertThat(store.claim("01JA.zip", query.get("expires"), query.get("sig"), NOW.plusSeconds(20)))
        .as("the second GET of the link").isEmpty();
    assertThat(store.holds("01JA.zip")).isFalse();
    assertThat(store.holds("01JB.zip")).isTrue();
    store.delete("01JB.zip");
    assertThat(store.holds("01JB.zip")).isFalse();
    assertThat(store.claim("../x", "1", "00", NOW)).isEmpty();
    assertThat(dir.toFile().list()).isEmpty();
    assertThat(Files.exists(dir)).isTrue();
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new HashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], parts[1]);
    }
    return query;
  }
}
