package vn.lienlac.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

  private static RouteTable<String> table() {
    RouteTable<String> routes = new RouteTable<>();
    routes.add("GET", "/v1/students/{studentId}/grades", "grades");
    routes.add("GET", "/v1/students/{studentId}/attendance", "attendance");
    routes.add("GET", "/v1/students/me/grades", "my-grades");
    routes.add("PUT", "/v1/classes/{classId}/gradebook/{subject}/{term}", "gradebook");
    routes.add("GET", "/files/{proxy+}", "files");
    routes.add("GET", "/files/{folder}/index", "folder-index");
    routes.add("ANY", "/v1/echo", "echo-any");
    routes.add("POST", "/v1/echo", "echo-post");
    routes.add("GET", "/", "root");
    return routes;
  }

  private static String target(String method, String path) {
    return table().match(method, path).orElseThrow().target();
  }

  @Test
  void a_template_should_match_and_name_its_route_key_and_parameters() {
    var match = table().match("PUT", "/v1/classes/6A1/gradebook/math/2026-1").orElseThrow();

    assertThat(match.routeKey()).isEqualTo("PUT /v1/classes/{classId}/gradebook/{subject}/{term}");
    assertThat(match.target()).isEqualTo("gradebook");
    assertThat(match.pathParameters()).containsExactly(
        Map.entry("classId", "6A1"), Map.entry("subject", "math"), Map.entry("term", "2026-1"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      // a literal segment beats a parameter
      "GET, /v1/students/me/grades, my-grades",
      "GET, /v1/students/hs-1/grades, grades",
      // a parameter beats a greedy proxy, which takes several segments
      "GET, /files/reports/index, folder-index",
      "GET, /files/reports/2026/index, files",
      // an exact method beats ANY, which takes the other methods
      "POST, /v1/echo, echo-post",
      "DELETE, /v1/echo, echo-any",
      "GET, /, root",
  })
  void the_most_specific_route_should_win(String method, String path, String expected) {
    assertThat(target(method, path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /v1/students/hs-1/grades",
      "GET, /v1/students/hs-1/grades/extra",
      "GET, /v1/students//grades",
      "GET, /v1/students/hs-1/grades/",
      "GET, /v2/unknown",
      "GET, /files/",
      "GET, /files",
  })
  void a_wrong_method_an_unknown_path_or_an_empty_parameter_should_not_match(String method, String path) {
    assertThat(table().match(method, path)).isEmpty();
  }

  @Test
  void a_greedy_proxy_should_pass_the_rest_of_the_path_decoded() {
    var match = table().match("GET", "/files/a/b%20c/d.pdf").orElseThrow();

    assertThat(match.pathParameters()).containsExactly(Map.entry("proxy", "a/b c/d.pdf"));
  }

  @Test
  void path_parameters_should_be_url_decoded_with_plus_kept_as_plus() {
    var match = table().match("GET", "/v1/students/Nguy%E1%BB%85n%20An+B%2F1/grades").orElseThrow();

    assertThat(match.pathParameters()).containsEntry("studentId", "Nguyễn An+B/1");
  }

  @Test
  void a_malformed_escape_should_be_passed_on_as_it_came() {
    var match = table().match("GET", "/v1/students/50%/grades").orElseThrow();

    assertThat(match.pathParameters()).containsEntry("studentId", "50%");
  }

  @Test
  void the_same_route_twice_or_a_greedy_segment_before_the_end_should_be_refused() {
    RouteTable<String> routes = table();

    assertThatThrownBy(() -> routes.add("GET", "/v1/students/{id}/grades", "again"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> routes.add("GET", "/v1/students/{studentId}/grades", "again"))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> routes.add("GET", "/a/{rest+}/b", "x")).hasMessageContaining("last segment");
    assertThatThrownBy(() -> routes.add("GET", "no-slash", "x")).hasMessageContaining("must start with /");
  }
}
