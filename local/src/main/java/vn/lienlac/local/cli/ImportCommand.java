package vn.lienlac.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lienlac import FILE --school ID [--dry-run] [--yes] [--api URL] [--as DEV_USER | --token JWT]
 * [--school-year 2026-2027] [--partial] [--lang vi|en]}: uploads a roster file to
 * {@code POST /v1/schools/{schoolId}/roster}, prints how the columns were read, the dry run's counts
 * and the rejected rows, then (unless {@code --dry-run}) asks, confirms the counts and draws the
 * job's progress until it is done. Against the local stack by default ({@code ./lienlac serve}), with
 * a dev token for {@code --as} (or the school's first office user); {@code --token} for a deployed API.
 */
public final class ImportCommand {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BAR = 30;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final Duration pollEvery;

  /** What the command line says. */
  record Options(Path file, String school, boolean dryRun, boolean yes, URI api, String as, String token,
      String schoolYear, boolean partial, String lang) {}

  /** A usage mistake: printed with the usage, exit code 2. */
  static final class Usage extends Exception {
    Usage(String message) {
      super(message);
    }
  }

  /** The server said no: its problem+json, printed, exit code 1. */
  static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  public ImportCommand(InputStream in, PrintStream out, PrintStream err, Duration pollEvery) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
    this.pollEvery = pollEvery;
  }

  public static void main(String[] args) {
    System.exit(new ImportCommand(System.in, System.out, System.err, Duration.ofMillis(500)).run(args));
  }

  /** Runs the command; answers the exit code (0 done, 1 refused or failed, 2 usage). */
  public int run(String[] args) {
    try {
      Options options = parse(args);
      return importFile(options);
    } catch (Usage e) {
      err.println("lienlac import: " + e.getMessage());
      err.println("usage: ./lienlac import FILE --school ID [--dry-run] [--yes] [--api URL] [--as DEV_USER | --token JWT]"
          + " [--school-year YYYY-YYYY] [--partial] [--lang vi|en]");
      return 2;
    } catch (Failed e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("lienlac import: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  static Options parse(String[] args) throws Usage {
    Path file = null;
    String school = null;
    boolean dryRun = false;
    boolean yes = false;
    String api = System.getenv().getOrDefault("LIENLAC_API", "http://localhost:" + System.getenv().getOrDefault("PORT", "3000"));
    String as = null;
    String token = null;
    String schoolYear = null;
    boolean partial = false;
    String lang = "vi";
    Iterator<String> it = List.of(args).iterator();
    while (it.hasNext()) {
      String arg = it.next();
      switch (arg) {
        case "--school" -> school = value(it, arg);
        case "--dry-run" -> dryRun = true;
        case "--yes", "-y" -> yes = true;
        case "--api" -> api = value(it, arg);
        case "--as" -> as = value(it, arg);
        case "--token" -> token = value(it, arg);
        case "--school-year" -> schoolYear = value(it, arg);
        case "--partial" -> partial = true;
        case "--lang" -> lang = value(it, arg);
        default -> {
          if (arg.startsWith("-") || file != null) {
            throw new Usage("unknown argument " + arg);
          }
          file = Path.of(arg);
        }
      }
    }
    if (file == null) {
      throw new Usage("which file? (.xlsx or .csv)");
    }
    if (school == null) {
      throw new Usage("--school ID is required");
    }
    if (as != null && token != null) {
      throw new Usage("--as or --token, not both");
    }
    if (!lang.equals("vi") && !lang.equals("en")) {
      throw new Usage("--lang is vi or en");
    }
    return new Options(file, school, dryRun, yes, URI.create(api.replaceAll("/+$", "")), as, token, schoolYear,
        partial, lang);
  }

  private static String value(Iterator<String> it, String name) throws Usage {
    if (!it.hasNext()) {
      throw new Usage(name + " needs a value");
    }
    return it.next();
  }

  /** The content type the route takes, by the file's extension. */
  static String contentType(Path file) throws Usage {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return XLSX;
    }
    if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
      return "text/csv";
    }
    throw new Usage("the file should be .xlsx or .csv (Excel: Save As → Excel Workbook or CSV UTF-8): " + file);
  }

  private int importFile(Options o) throws Usage, Failed, IOException, InterruptedException {
    String type = contentType(o.file());
    if (!Files.isRegularFile(o.file())) {
      throw new Usage("no such file: " + o.file());
    }
    byte[] bytes = Files.readAllBytes(o.file());
    String token = o.token() != null ? o.token() : devToken(o);
    Client client = new Client(o.api(), token, o.lang());

    StringBuilder query = new StringBuilder("fileName=").append(encode(o.file().getFileName().toString()));
    if (o.schoolYear() != null) {
      query.append("&schoolYear=").append(encode(o.schoolYear()));
    }
    if (o.partial()) {
      query.append("&partial=true");
    }
    out.printf("Tải lên %s (%,d byte) cho trường %s…%n", o.file().getFileName(), bytes.length, o.school());
    JsonNode report = client.send("POST", "/v1/schools/" + encode(o.school()) + "/roster?" + query, type, bytes, 201);
    printReport(report);
    JsonNode counts = report.path("counts");
    int pupils = counts.path("create").asInt() + counts.path("update").asInt() + counts.path("move").asInt()
        + counts.path("leave").asInt();
    if (o.dryRun()) {
      out.println("Chạy thử (--dry-run): chưa ghi gì. Mã lần nhập: " + report.path("importId").asText());
      return 0;
    }
    if (!o.yes()) {
      out.printf("Nhập %d học sinh? [y/N] ", pupils);
      out.flush();
      String answer = in.readLine();
      if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes")
          || answer.strip().equalsIgnoreCase("c") || answer.strip().equalsIgnoreCase("có"))) {
        out.println("Đã huỷ: không ghi gì.");
        return 1;
      }
    }
    String importId = report.path("importId").asText();
    String path = "/v1/schools/" + encode(o.school()) + "/roster/imports/" + encode(importId);
    ObjectNode confirmation = JSON.createObjectNode();
    confirmation.set("counts", counts);
    JsonNode state = client.send("POST", path + "/confirm", "application/json", JSON.writeValueAsBytes(confirmation),
        202);
    while (true) {
      String status = state.path("status").asText();
      progress(state);
      if (status.equals("DONE") || status.equals("FAILED")) {
        out.println();
        if (status.equals("FAILED")) {
          out.println("Lỗi: lần nhập không hoàn thành: " + state.path("failure").asText("?"));
          return 1;
        }
        out.printf("Xong: %d tạo mới, %d cập nhật, %d chuyển lớp, %d rời trường; %d tài khoản phụ huynh mới.%n",
            counts.path("create").asInt(), counts.path("update").asInt(), counts.path("move").asInt(),
            counts.path("leave").asInt(), counts.path("accountsCreated").asInt());
        return 0;
      }
      Thread.sleep(pollEvery.toMillis());
      state = client.send("GET", path, null, null, 200);
    }
  }

  /** A dev token from the local stack: for {@code --as}, else for the school's first office (STAFF) user. */
  private String devToken(Options o) throws Usage, Failed, IOException, InterruptedException {
    Client anonymous = new Client(o.api(), null, o.lang());
    String user = o.as();
    if (user == null) {
      JsonNode users = anonymous.send("GET", "/dev/users", null, null, 200);
      for (JsonNode u : users) {
        if ("STAFF".equals(u.path("role").asText()) && o.school().equals(u.path("schoolId").asText())) {
          user = u.path("id").asText();
          break;
        }
      }
      if (user == null) {
        throw new Usage("no office (STAFF) user of school " + o.school() + " in " + o.api()
            + "/dev/users: give --as DEV_USER, or --token JWT for a deployed API");
      }
    }
    return anonymous.send("GET", "/dev/token?user=" + encode(user), null, null, 200).path("token").asText();
  }

  private void printReport(JsonNode report) {
    out.println("Cột đã nhận ra:");
    String sheet = null;
    for (JsonNode m : report.path("mapping")) {
      String s = m.path("sheet").isNull() ? "" : m.path("sheet").asText();
      if (!s.equals(sheet)) {
        sheet = s;
        if (!s.isEmpty()) {
          out.println("  [" + s + "]");
        }
      }
      out.printf("    %-3s %-20s ← %s%n", m.path("column").asText(), m.path("field").asText(), m.path("header").asText());
    }
    JsonNode c = report.path("counts");
    out.printf("Chạy thử: %d tạo mới, %d cập nhật, %d chuyển lớp, %d rời trường, %d không đổi, %d bị từ chối;%n",
        c.path("create").asInt(), c.path("update").asInt(), c.path("move").asInt(), c.path("leave").asInt(),
        c.path("unchanged").asInt(), c.path("rejected").asInt());
    out.printf("          lớp: %d mới, %d cập nhật; phụ huynh: %d mới, %d liên kết, %d bỏ liên kết;"
            + " tài khoản: %d mới, %d khoá; phân công giáo viên: %d.%n",
        c.path("classesCreated").asInt(), c.path("classesUpdated").asInt(), c.path("guardiansCreated").asInt(),
        c.path("guardiansLinked").asInt(), c.path("guardiansUnlinked").asInt(), c.path("accountsCreated").asInt(),
        c.path("accountsDisabled").asInt(), c.path("teacherGrants").asInt());
    List<String> lines = new ArrayList<>();
    for (JsonNode row : report.path("rejections")) {
      List<String> reasons = new ArrayList<>();
      row.path("reasons").forEach(r -> reasons.add(r.path("message").asText()));
      String where = (row.path("sheet").isNull() || row.path("sheet").isMissingNode() ? ""
          : row.path("sheet").asText() + " ") + "dòng " + row.path("row").asText("?");
      lines.add("  " + where + ": " + String.join("; ", reasons));
    }
    if (!lines.isEmpty()) {
      out.println("Dòng bị từ chối (" + lines.size() + "):");
      lines.forEach(out::println);
    }
  }

  /** {@code [##########..........]  1,200 / 3,000 dòng} on one line, redrawn. */
  private void progress(JsonNode state) {
    int done = state.path("progress").path("rowsDone").asInt();
    int total = state.path("progress").path("rowsTotal").asInt();
    int filled = total <= 0 ? (state.path("status").asText().equals("DONE") ? BAR : 0) : Math.min(BAR, done * BAR / total);
    out.printf("\r[%s%s] %,d / %,d dòng  %s", "#".repeat(filled), ".".repeat(BAR - filled), done, total,
        state.path("status").asText());
    out.flush();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** JSON over HTTP with the bearer token; any answer but {@code expected} is a {@link Failed} with the problem's text. */
  private final class Client {
    private final URI api;
    private final String token;
    private final String lang;

    Client(URI api, String token, String lang) {
      this.api = api;
      this.token = token;
      this.lang = lang;
    }

    JsonNode send(String method, String path, String type, byte[] body, int expected)
        throws Failed, IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
          .timeout(Duration.ofSeconds(60))
          .header("Accept", "application/json, application/problem+json")
          .header("Accept-Language", lang)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (type != null) {
        request.header("Content-Type", type);
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (java.net.ConnectException e) {
        throw new Failed("lienlac import: nothing answers at " + api + " (start the local stack: ./lienlac serve)");
      }
      JsonNode json = response.body().length == 0 ? JSON.createObjectNode() : readOrText(response.body());
      if (response.statusCode() != expected) {
        StringBuilder text = new StringBuilder("Lỗi " + response.statusCode() + ": "
            + json.path("title").asText("") + (json.has("detail") ? " — " + json.path("detail").asText() : ""));
        for (JsonNode v : json.path("errors")) {
          text.append("\n  ").append(v.path("field").asText("")).append(": ").append(v.path("message").asText(""));
        }
        throw new Failed(text.toString());
      }
      return json;
    }

    private JsonNode readOrText(byte[] body) {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        return JSON.createObjectNode().put("detail", new String(body, StandardCharsets.UTF_8));
      }
    }
  }
}
