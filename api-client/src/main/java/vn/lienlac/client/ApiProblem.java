package vn.lienlac.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienlac.model.common.Problem;

/**
 * The API answered with an RFC 9457 problem (4xx/5xx): the server's message, already in the
 * language asked for, and its per-field violations (e.g. {@code rows/3/midterm}). Not retryable as
 * it stands: the request itself has to change (except a 5xx, see {@link #retryable()}).
 */
public final class ApiProblem extends RuntimeException {
  private static final Pattern ROW = Pattern.compile("^rows/(\\d+)(?:/(.*))?$");

  private final Problem problem;

  public ApiProblem(Problem problem) {
    super(message(problem));
    this.problem = problem;
  }

  private static String message(Problem problem) {
    if (problem.detail() != null && !problem.detail().isBlank()) {
      return problem.detail();
    }
    return problem.title() == null ? "HTTP " + problem.status() : problem.title();
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  /** The last segment of the problem type, e.g. {@code validation}, {@code not-found}, {@code conflict}. */
  public String code() {
    String type = problem.type();
    if (type == null) {
      return "";
    }
    return type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
  }

  /** The per-field violations (never null). */
  public List<Problem.FieldError> errors() {
    return problem.errors() == null ? List.of() : problem.errors();
  }

  /** A server error (5xx): trying the same request again may work. */
  public boolean retryable() {
    return problem.status() >= 500;
  }

  /**
   * The violations of a table-shaped request ({@code rows/N/...}) grouped by row index, so a screen
   * shows each where it belongs. Field errors not under {@code rows/} are left out: see {@link #errors()}.
   */
  public Map<Integer, List<Problem.FieldError>> rowErrors() {
    Map<Integer, List<Problem.FieldError>> byRow = new TreeMap<>();
    for (Problem.FieldError error : errors()) {
      rowOf(error).ifPresent(row -> byRow.computeIfAbsent(row, r -> new java.util.ArrayList<>()).add(error));
    }
    byRow.replaceAll((row, list) -> List.copyOf(list));
    return byRow;
  }

  /** The row index of a {@code rows/N/...} field, if it is one. */
  public static Optional<Integer> rowOf(Problem.FieldError error) {
    if (error.field() == null) {
      return Optional.empty();
    }
    Matcher m = ROW.matcher(error.field());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }
}
