package vn.lienlac.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final String FOLDER = "/vn/lienlac/model/i18n/";

  /**
   * One bundle file as written, without the parent bundle a {@link ResourceBundle} would add: the
   * English bundle inherits every Vietnamese key, so its {@code keySet()} can never miss one.
   */
  private static Properties file(String name) throws IOException {
    try (InputStream in = MessagesTest.class.getResourceAsStream(FOLDER + name)) {
      assertThat(in).as(name).isNotNull();
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }

  @Test
  void dates_in_messages_should_read_the_vietnamese_way_in_both_languages() {
    java.time.LocalDate from = java.time.LocalDate.of(2026, 11, 26);
    java.time.LocalDate to = java.time.LocalDate.of(2026, 11, 24);

    assertThat(Messages.get(Messages.VIETNAMESE, "leave.rangeReversed", from, to))
        .isEqualTo("Ngày bắt đầu nghỉ (26/11/2026) sau ngày kết thúc (24/11/2026).");
    assertThat(Messages.get(Messages.ENGLISH, "leave.rangeReversed", from, to))
        .isEqualTo("The first day of leave (26/11/2026) is after the last (24/11/2026).");
    // What a caller typed stays as typed.
    assertThat(Messages.get(Messages.VIETNAMESE, "request.badDate", "2026-13-01")).contains("\"2026-13-01\"");
  }

  @Test
  void every_key_should_exist_in_both_files() throws IOException {
    Set<String> vietnamese = file("messages.properties").stringPropertyNames();
    Set<String> english = file("messages_en.properties").stringPropertyNames();

    assertThat(vietnamese).isNotEmpty();
    assertThat(new TreeSet<>(english)).as("keys missing from messages_en.properties")
        .containsAll(vietnamese);
    assertThat(new TreeSet<>(vietnamese)).as("keys missing from messages.properties")
        .containsAll(english);
  }

  @Test
  void every_english_message_should_be_english_and_what_the_english_bundle_answers() throws IOException {
    Properties vi = file("messages.properties");
    Properties en = file("messages_en.properties");
    for (String key : en.stringPropertyNames()) {
      if (!vi.containsKey(key)) {
        continue; // every_key_should_exist_in_both_files names it
      }
      assertThat(en.getProperty(key)).as("%s is the Vietnamese text", key).isNotEqualTo(vi.getProperty(key));
      assertThat(Messages.bundle(Messages.ENGLISH).getString(key)).as(key).isEqualTo(en.getProperty(key));
      assertThat(Messages.bundle(Messages.VIETNAMESE).getString(key)).as(key).isEqualTo(vi.getProperty(key));
    }
  }

  @Test
  void every_message_should_be_a_valid_pattern_with_the_same_arguments_in_both_languages() throws IOException {
    Properties vi = file("messages.properties");
    Properties en = file("messages_en.properties");
    for (String key : vi.stringPropertyNames()) {
      int viArgs = new MessageFormat(vi.getProperty(key)).getFormatsByArgumentIndex().length;
      int enArgs = new MessageFormat(en.getProperty(key, "")).getFormatsByArgumentIndex().length;
      assertThat(enArgs).as("argument count of %s", key).isEqualTo(viArgs);
    }
  }

  @Test
  void get_should_answer_vietnamese_by_default_even_on_an_english_jvm() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(Messages.get(Messages.VIETNAMESE, "text.required")).isEqualTo("Trường này là bắt buộc.");
      assertThat(Messages.get(Locale.forLanguageTag("fr"), "text.required")).isEqualTo("Trường này là bắt buộc.");
      assertThat(Messages.get(Messages.ENGLISH, "text.tooLong", 500, 501))
          .isEqualTo("Too long: at most 500 characters (this has 501).");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void negotiate_should_pick_the_callers_preferred_supported_language() {
    assertThat(Messages.negotiate(null)).isEqualTo(Messages.VIETNAMESE);
    assertThat(Messages.negotiate("en-US,en;q=0.9")).isEqualTo(Messages.ENGLISH);
    assertThat(Messages.negotiate("fr-FR, en;q=0.5, vi;q=0.8")).isEqualTo(Messages.VIETNAMESE);
    assertThat(Messages.negotiate("de")).isEqualTo(Messages.VIETNAMESE);
    assertThat(Messages.negotiate(";;;garbage")).isEqualTo(Messages.VIETNAMESE);
  }
}
