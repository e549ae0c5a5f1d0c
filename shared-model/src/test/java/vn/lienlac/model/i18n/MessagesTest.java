package vn.lienlac.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void every_key_should_exist_in_both_languages() {
    Set<String> vietnamese = Messages.bundle(Messages.VIETNAMESE).keySet();
    Set<String> english = Messages.bundle(Messages.ENGLISH).keySet();

    assertThat(english).containsExactlyInAnyOrderElementsOf(vietnamese);
  }

  @Test
  void every_message_should_be_a_valid_pattern_with_the_same_arguments_in_both_languages() {
    ResourceBundle vi = Messages.bundle(Messages.VIETNAMESE);
    ResourceBundle en = Messages.bundle(Messages.ENGLISH);
    for (String key : vi.keySet()) {
      int viArgs = new MessageFormat(vi.getString(key)).getFormatsByArgumentIndex().length;
      int enArgs = new MessageFormat(en.getString(key)).getFormatsByArgumentIndex().length;
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
