package vn.lienlac.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienlac.app.core.SignInOptions;

/** The app's Cognito settings ({@code --cognito}, {@code --cognito-region}, {@code --cognito-client-id}). */
class CognitoSettingsTest {
  private static final Clock CLOCK = Clock.systemUTC();

  @Test
  void against_the_local_stack_the_stand_in_is_the_default_and_both_ways_show() {
    var cognito = LienlacApp.cognito(Map.of(), "http://localhost:3000", CLOCK);
    assertThat(cognito.endpoint()).isEqualTo(URI.create("http://localhost:3000/dev/cognito/"));
    assertThat(SignInOptions.of(cognito).demoUsers()).isTrue();
  }

  @Test
  void with_aws_settings_only_the_phone_sign_in_shows_and_the_client_id_is_required() {
    var cognito = LienlacApp.cognito(Map.of("cognito-region", "ap-southeast-1", "cognito-client-id", "abc123"),
        "https://x.execute-api.ap-southeast-1.amazonaws.com", CLOCK);
    assertThat(cognito.endpoint()).isEqualTo(URI.create("https://cognito-idp.ap-southeast-1.amazonaws.com/"));
    assertThat(SignInOptions.of(cognito).demoUsers()).isFalse();
    assertThat(SignInOptions.of(cognito).cognito()).isNotNull();
    assertThatThrownBy(() -> LienlacApp.cognito(Map.of("cognito-region", "ap-southeast-1"),
        "https://x.execute-api.ap-southeast-1.amazonaws.com", CLOCK))
        .hasMessageContaining("--cognito-client-id");
  }

  @Test
  void an_api_elsewhere_without_cognito_settings_has_no_phone_sign_in() {
    assertThat(LienlacApp.cognito(Map.of(), "https://x.execute-api.ap-southeast-1.amazonaws.com", CLOCK)).isNull();
    assertThat(LienlacApp.cognito(Map.of("cognito", "http://10.0.2.2:3000/dev/cognito/"), "http://10.0.2.2:3000",
        CLOCK).endpoint().getPort()).isEqualTo(3000);
  }
}
