package vn.lienlac.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.i18n.Messages;

class AppTextTest {

  @Test
  void forLocale_should_choose_vietnamese_unless_the_system_language_is_english() {
    assertThat(AppText.forLocale(Locale.forLanguageTag("vi-VN")).locale()).isEqualTo(Messages.VIETNAMESE);
    assertThat(AppText.forLocale(Locale.FRANCE).locale()).isEqualTo(Messages.VIETNAMESE);
    assertThat(AppText.forLocale(Locale.ROOT).locale()).isEqualTo(Messages.VIETNAMESE);
    assertThat(AppText.forLocale(Locale.US).locale()).isEqualTo(Messages.ENGLISH);
    assertThat(AppText.forLocale(Locale.forLanguageTag("en-GB")).locale()).isEqualTo(Messages.ENGLISH);
  }

  @Test
  void vietnamese_text_should_be_the_placeholder_in_vietnamese() {
    AppText text = AppText.forLocale(Locale.forLanguageTag("vi-VN"));

    assertThat(text.title()).isEqualTo("Lienlac — Sổ liên lạc điện tử");
    assertThat(text.underConstruction()).isEqualTo("Ứng dụng đang được xây dựng.");
  }

  @Test
  void english_text_should_be_the_placeholder_in_english() {
    AppText text = AppText.forLocale(Locale.US);

    assertThat(text.title()).isEqualTo("Lienlac — digital school–family notebook");
    assertThat(text.underConstruction()).isEqualTo("The app is under construction.");
  }

  @Test
  void vietnamese_should_stay_vietnamese_on_an_english_jvm() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(AppText.forLocale(Messages.VIETNAMESE).underConstruction())
          .isEqualTo("Ứng dụng đang được xây dựng.");
      assertThat(AppText.forSystemLocale().locale()).isEqualTo(Messages.ENGLISH);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void forRequestedLanguage_should_prefer_the_requested_language_and_else_use_the_system_one() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(AppText.forRequestedLanguage("vi").locale()).isEqualTo(Messages.VIETNAMESE);
      assertThat(AppText.forRequestedLanguage(" en ").locale()).isEqualTo(Messages.ENGLISH);
      assertThat(AppText.forRequestedLanguage("de").locale()).isEqualTo(Messages.VIETNAMESE);
      assertThat(AppText.forRequestedLanguage(null).locale()).isEqualTo(Messages.ENGLISH);
      assertThat(AppText.forRequestedLanguage("").locale()).isEqualTo(Messages.ENGLISH);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void every_key_should_exist_in_both_files_read_without_any_bundle_fallback() throws java.io.IOException {
    java.util.Properties vi = new java.util.Properties();
    java.util.Properties en = new java.util.Properties();
    try (var viIn = new java.io.InputStreamReader(AppText.class.getResourceAsStream("app.properties"),
            java.nio.charset.StandardCharsets.UTF_8);
        var enIn = new java.io.InputStreamReader(AppText.class.getResourceAsStream("app_en.properties"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      vi.load(viIn);
      en.load(enIn);
    }
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames())
        .contains("error.network", "offline.updatedAt", "grades.level", "invoices.pay");
    for (String key : vi.stringPropertyNames()) {
      assertThat(en.getProperty(key)).as(key).isNotBlank();
      assertThat(vi.getProperty(key)).as(key).isNotBlank();
    }
  }

  @Test
  void every_key_should_exist_in_both_languages() {
    ResourceBundle vi = AppText.forLocale(Messages.VIETNAMESE).bundle();
    ResourceBundle en = AppText.forLocale(Messages.ENGLISH).bundle();

    assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet())
        .contains(AppText.TITLE, AppText.UNDER_CONSTRUCTION);
    assertThat(vi.getLocale()).isEqualTo(Locale.ROOT);
    assertThat(en.getLocale()).isEqualTo(Messages.ENGLISH);
  }
}
