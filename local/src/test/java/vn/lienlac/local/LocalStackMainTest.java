package vn.lienlac.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.local.seed.DevUser;

class LocalStackMainTest {

  @Test
  void no_flags_should_mean_port_3000_persisted_under_the_repository() {
    assertThat(LocalStackMain.parse(new String[0], null)).isEqualTo(LocalStack.Options.defaults());
    assertThat(LocalStack.Options.defaults().port()).isEqualTo(3000);
    assertThat(LocalStack.Options.defaults().inMemory()).isFalse();
  }

  @Test
  void the_port_flag_should_win_over_the_port_variable() {
    assertThat(LocalStackMain.parse(new String[0], "8080").port()).isEqualTo(8080);
    assertThat(LocalStackMain.parse(new String[] {"--port", "0"}, "8080").port()).isZero();
  }

  @Test
  void in_memory_and_data_flags_should_be_read() {
    assertThat(LocalStackMain.parse(new String[] {"--in-memory"}, null).inMemory()).isTrue();
    assertThat(LocalStackMain.parse(new String[] {"--data", "/tmp/x"}, null).dataDir()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void help_should_be_asked_with_either_spelling() {
    assertThat(LocalStackMain.parse(new String[] {"--help"}, null)).isNull();
    assertThat(LocalStackMain.parse(new String[] {"--in-memory", "-h"}, null)).isNull();
  }

  @Test
  void bad_command_lines_should_be_refused_with_a_reason() {
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--port"}, null)).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--port", "http"}, null)).hasMessageContaining("port");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--port", "70000"}, null)).hasMessageContaining("port");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[0], "abc")).hasMessageContaining("PORT");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--verbose"}, null)).hasMessageContaining("--verbose");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--in-memory", "--data", "x"}, null))
        .hasMessageContaining("exclude");
    assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--now", "21/11/2026"}, null))
        .hasMessageContaining("--now").hasMessageContaining("21/11/2026");
  }

  @Test
  void the_clock_should_be_the_real_one_unless_now_is_given() {
    Instant start = Instant.parse("2026-11-21T03:00:00Z");

    LocalStack.Options demo = LocalStackMain.parse(new String[] {"--now", start.toString()}, null);

    assertThat(LocalStack.Options.defaults().clock()).isNull();
    assertThat(Duration.between(start, demo.clock().instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
  }

  @Test
  void the_banner_should_print_how_to_fetch_a_token_but_no_token_and_no_demo_persons_name() {
    List<DevUser> users = List.of(
        new DevUser("nt-gv-01", "Trần Thị Bích", "TEACHER", "thcs-nguyen-trai", "Trường THCS Nguyễn Trãi", "homeroom 6A1"),
        new DevUser("nt-ph-001", "Nguyễn Văn An", "PARENT", "thcs-nguyen-trai", "Trường THCS Nguyễn Trãi", "two schools"));
    Map<String, Duration> phases = new LinkedHashMap<>();
    phases.put("DynamoDB Local", Duration.ofMillis(1200));
    phases.put("seed", Duration.ofMillis(300));

    String banner = LocalStackMain.banner("http://127.0.0.1:3000", phases, List.of(), users,
        LocalStack.Options.defaults(), 4_000);

    assertThat(banner)
        .contains("Lienlac local API ready on http://127.0.0.1:3000")
        .contains("DynamoDB Local 1.2 s, seed 0.3 s")
        .contains("curl http://127.0.0.1:3000/dev/users")
        .contains("TOKEN=$(curl -s 'http://127.0.0.1:3000/dev/token?user=nt-ph-001' | sed -E")
        .contains("curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:3000/v1/me")
        .contains("codes sent at curl http://127.0.0.1:3000/dev/sms")
        .doesNotContain("Nguyễn Văn An").doesNotContain("Trần Thị Bích")
        .doesNotContain("eyJ") // a JWT's header starts so
        .doesNotContain("clock:");
  }

  @Test
  void the_banners_token_command_should_extract_the_token_from_what_dev_token_answers() throws Exception {
    String banner = LocalStackMain.banner("http://127.0.0.1:3000", Map.of(), List.of(),
        List.of(new DevUser("nt-ph-001", "Nguyễn Văn An", "PARENT", "s", "S", "d")), LocalStack.Options.defaults(), 0);
    String line = banner.lines().filter(l -> l.contains("TOKEN=$(")).findFirst().orElseThrow();
    String sed = line.substring(line.indexOf("| sed -E '") + "| sed -E '".length(), line.lastIndexOf("')"));
    String answer = "{\"token\":\"eyJ.abc.def\",\"tokenType\":\"Bearer\",\"expiresAt\":\"2026-11-21T15:00:00Z\"}";

    Process process = new ProcessBuilder("sed", "-E", sed).start();
    process.getOutputStream().write(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    process.getOutputStream().close();

    assertThat(new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
        .isEqualTo("eyJ.abc.def");
    assertThat(process.waitFor()).isZero();
  }
}
