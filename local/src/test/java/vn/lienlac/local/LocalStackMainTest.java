package vn.lienlac.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
  }
}
