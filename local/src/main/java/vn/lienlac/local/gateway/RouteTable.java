package vn.lienlac.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP API route selection: a method and a path template per route ({@code /v1/students/{id}},
 * {@code /files/{proxy+}}), the most specific match wins as in API Gateway: segment by segment a
 * literal beats a {@code {param}}, which beats a greedy {@code {proxy+}}; an exact method beats
 * {@code ANY}.
 *
 * @param <T> what a route leads to
 */
public final class RouteTable<T> {
  private final List<Entry<T>> entries = new ArrayList<>();

  /** The chosen route, its value and its path parameters (URL-decoded). */
  public record Match<T>(String routeKey, T target, Map<String, String> pathParameters) {}

  private record Entry<T>(String method, String template, List<Segment> segments, T target) {
    String routeKey() {
      return method + " " + template;
    }

    /** The route key with parameter names left out: two routes of one shape cannot be told apart. */
    String shape() {
      return method + " " + segments.stream()
          .map(s -> s.rank() == 0 ? s.text() : s.greedy() ? "{+}" : "{}")
          .collect(Collectors.joining("/"));
    }
  }

  /** One segment of a template; {@code rank} orders them from the most specific (0). */
  private record Segment(String text, String parameter, int rank) {
    static Segment of(String raw) {
      if (raw.startsWith("{") && raw.endsWith("+}")) {
        return new Segment(raw, raw.substring(1, raw.length() - 2), 2);
      }
      if (raw.startsWith("{") && raw.endsWith("}")) {
        return new Segment(raw, raw.substring(1, raw.length() - 1), 1);
      }
      return new Segment(raw, null, 0);
    }

    boolean greedy() {
      return rank == 2;
    }
  }

  /** Adds a route; a second route with the same method and template is a template mistake. */
  public void add(String method, String template, T target) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("Route path must start with /: " + template);
    }
    List<Segment> segments = split(template).stream().map(Segment::of).toList();
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).greedy()) {
        throw new IllegalArgumentException("A greedy {name+} may only be the last segment: " + template);
      }
    }
    Entry<T> entry = new Entry<>(method, template, segments, target);
    entries.stream().filter(e -> e.shape().equals(entry.shape())).findFirst().ifPresent(e -> {
      throw new IllegalArgumentException("Route declared twice: " + e.routeKey() + " and " + entry.routeKey());
    });
    entries.add(entry);
  }

  /** The most specific route for the method and the raw (still URL-encoded) path, if any. */
  public Optional<Match<T>> match(String method, String rawPath) {
    List<String> path = split(rawPath);
    return entries.stream()
        .filter(e -> e.method().equals(method) || e.method().equals("ANY"))
        .filter(e -> matches(e.segments(), path))
        .min(Comparator.<Entry<T>, List<Integer>>comparing(e -> ranks(e.segments()), RouteTable::compareRanks)
            .thenComparing(e -> e.method().equals("ANY")))
        .map(e -> new Match<>(e.routeKey(), e.target(), parameters(e.segments(), path)));
  }

  private static boolean matches(List<Segment> template, List<String> path) {
    boolean greedy = !template.isEmpty() && template.getLast().greedy();
    if (greedy ? path.size() < template.size() : path.size() != template.size()) {
      return false;
    }
    for (int i = 0; i < template.size(); i++) {
      Segment segment = template.get(i);
      if (segment.greedy()) {
        return !String.join("/", path.subList(i, path.size())).isEmpty();
      }
      String actual = path.get(i);
      if (segment.rank() == 0 ? !segment.text().equals(actual) : actual.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> parameters(List<Segment> template, List<String> path) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      Segment segment = template.get(i);
      if (segment.greedy()) {
        parameters.put(segment.parameter(), decode(String.join("/", path.subList(i, path.size()))));
      } else if (segment.parameter() != null) {
        parameters.put(segment.parameter(), decode(path.get(i)));
      }
    }
    return parameters;
  }

  private static List<Integer> ranks(List<Segment> segments) {
    return segments.stream().map(Segment::rank).toList();
  }

  /** Lexicographic: the first segment that differs decides; a longer literal prefix wins. */
  private static int compareRanks(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = Integer.compare(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(b.size(), a.size());
  }

  /** Path segments after the leading slash; {@code /} alone has none. */
  private static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /** Percent-decoding of a path segment: {@code +} stays a plus sign (it is not a form). */
  static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment; // a stray % is passed on as it came
    }
  }
}
