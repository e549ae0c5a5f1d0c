package vn.lienlac.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.app.rosterimport.RosterImportView;
import vn.lienlac.app.rosterimport.WorkbookChooser;
import vn.lienlac.client.ApiProblem;
import vn.lienlac.model.announcements.Announcement;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.roster.ImportRow;
import vn.lienlac.model.roster.RosterImport;

/**
 * The school office in the app (the Lê Quý Đôn school's staff, whom no other UI test changes): it
 * publishes a class announcement, sees the API's per-field error beside its field, then the
 * announcement's reach exactly as the API counts it, with the families not reached as the API lists
 * them (also after one family acknowledges); then it imports a small workbook with one bad row, sees
 * that row's error with its row number, confirms, and follows the progress to done with the API's
 * counts. Screens 60–69, at 375×800 and one in a wide desktop window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeScreensUiTest extends AppUiTest {
  private static final String OFFICE = "lqd-vp-01";
  private static final String SCHOOL = "thcs-le-quy-don";
  private static final String CLASS_ID = "lqd-2026-6a2";
  private static final String TITLE = "Kiểm tra sức khoẻ định kì lớp 6A2";
  private static final String BODY = "Thứ Tư 25/11 lớp 6A2 khám sức khoẻ định kì tại phòng y tế. Đề nghị phụ huynh xác nhận.";

  /** Where the roster workbook is written (not the app's cache). */
  @TempDir
  static Path folder;

  @Test
  @Order(1)
  void the_office_publishes_a_class_announcement_and_sees_the_families_not_reached_as_the_api_lists_them()
      throws Exception {
    ui.signIn(OFFICE);
    ui.waitFor("#sent-list", VBox.class, list -> !list.getChildren().isEmpty()
        && list.getChildren().get(0).getId() != null);
    List<Announcement> sent = ui.as(OFFICE).schoolAnnouncements(SCHOOL, null).items();
    VBox list = ui.node("#sent-list");
    assertThat(list.getChildren()).extracting(Node::getId)
        .containsExactlyElementsOf(sent.stream().map(a -> "ann-" + a.id()).toList());
    ui.shoot("60-thong-bao-truong");

    // The API refuses an empty title: its message shows beside the title.
    ui.fire("#compose");
    ui.onFx(() -> ui.<ComboBox<Announcement.Scope>>lookup("#ann-scope").setValue(Announcement.Scope.CLASS));
    ui.type("#ann-class", CLASS_ID);
    ui.type("#ann-body", BODY);
    ui.fire("#ann-ack");
    ui.fire("#ann-publish");
    Label titleError = ui.waitFor("#ann-title-error", Label.class, label -> !label.getText().isBlank());
    assertThat(titleError.getText()).isEqualTo(apiMessageFor("title",
        new Announcement.Draft(SCHOOL, Announcement.Scope.CLASS, null, CLASS_ID, "", BODY, null, true, null)));
    assertThat(ui.<Label>lookup("#ann-body-error").isVisible()).isFalse();
    ui.shoot("61-soan-thong-bao-loi");

    ui.type("#ann-title", TITLE);
    ui.fire("#ann-publish");
    ui.waitFor("#stats-title", Label.class, label -> label.getText().equals(TITLE));
    Announcement published = ui.as(OFFICE).schoolAnnouncements(SCHOOL, null).items().get(0);
    assertThat(published.title()).isEqualTo(TITLE);
    assertThat(published.classId()).isEqualTo(CLASS_ID);
    assertThat(published.acknowledgementRequired()).isTrue();
    Announcement.Stats stats = ui.as(OFFICE).announcementStats(published.id(), null);
    assertThat(stats.notReached()).as("nobody has read it yet").isEqualTo(stats.families()).isPositive();
    assertShows(stats);
    ui.shoot("62-thong-ke-thong-bao");

    // One family acknowledges it: after a refresh the counts and the list are the API's again, without them.
    Announcement.NotReached first = stats.items().get(0);
    ui.as(first.guardianId()).acknowledge(published.id());
    ui.fire("#stats-refresh");
    slowly("#stat-acknowledged", Label.class, label -> label.getText().equals("1"));
    Announcement.Stats after = ui.as(OFFICE).announcementStats(published.id(), null);
    assertThat(after.acknowledged()).isEqualTo(1);
    assertThat(after.items()).extracting(Announcement.NotReached::guardianId).doesNotContain(first.guardianId());
    assertShows(after);
    ui.shoot("63-thong-ke-sau-xac-nhan");

    // The same screen in a wide desktop window: the list on the left, the reach on the right.
    double width = ui.stage().getWidth();
    double height = ui.stage().getHeight();
    try {
      ui.onFx(() -> {
        ui.stage().setWidth(1100);
        ui.stage().setHeight(760);
      });
      ui.waitUntil("the wide layout", () -> ui.lookup("#sent-list") != null && ui.<Node>lookup("#sent-list").isVisible()
          && ui.lookup("#stats-title") != null && ui.<Node>lookup("#stats-title").isVisible());
      assertThat(ui.<Node>lookup("#back").isVisible()).isFalse();
      // The list has the new announcement on top, as the API lists them.
      List<Announcement> sentNow = ui.as(OFFICE).schoolAnnouncements(SCHOOL, null).items();
      assertThat(ui.<VBox>lookup("#sent-list").getChildren()).extracting(Node::getId)
          .containsExactlyElementsOf(sentNow.stream().map(a -> "ann-" + a.id()).toList());
      // Each item is as tall as its text (two or three lines), not stretched.
      ui.<VBox>lookup("#sent-list").getChildren().forEach(item -> assertThat(item.getLayoutBounds().getHeight())
          .as(item.getId()).isBetween(30.0, 150.0));
      ui.shoot("69-thong-bao-cua-so-rong");
    } finally {
      ui.onFx(() -> {
        ui.stage().setWidth(width);
        ui.stage().setHeight(height);
      });
    }
    ui.waitUntil("the phone layout again", () -> ui.lookup("#sent-list") == null
        || !ui.<Node>lookup("#sent-list").isVisible() || ui.lookup("#stats-title") == null);

    // Back to the list on the phone, and the school's older announcement opens with its own reach.
    ui.fire("#back");
    Announcement older = sent.get(0);
    ui.fire("#open-" + older.id());
    ui.waitFor("#stats-title", Label.class, label -> label.getText().equals(older.title()));
    Announcement.Stats olderStats = ui.as(OFFICE).announcementStats(older.id(), null);
    slowly("#stat-families", Label.class, label -> label.getText().equals(String.valueOf(olderStats.families())));
  }

  /**
   * Waits up to three minutes: the statistics read a class's roster, each pupil's guardians and each
   * family's devices (some 70 reads), which DynamoDB Local on a busy machine serves in 15–20 s, close to
   * the client's 20 s timeout. If the app's call timed out, it shows the network message and "Thử lại":
   * pressed here as a user would.
   */
  private static <T extends Node> T slowly(String selector, Class<T> type, java.util.function.Predicate<T> condition) {
    long until = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        return ui.waitFor(selector, type, condition);
      } catch (AssertionError e) {
        if (System.nanoTime() > until) {
          throw e;
        }
        ui.onFx(() -> ui.stage().getScene().getRoot().lookupAll("#retry").stream()
            .filter(node -> node.isVisible() && node.getParent() != null && node.getParent().isVisible())
            .findFirst().ifPresent(node -> ((javafx.scene.control.Button) node).fire()));
      }
    }
  }

  /** The counts are the API's, and the families not reached are the API's, in its order. */
  private static void assertShows(Announcement.Stats stats) {
    slowly("#stat-not-reached", Label.class, label -> label.getText().equals(String.valueOf(stats.notReached())));
    assertThat(ui.<Label>node("#stat-families").getText()).isEqualTo(String.valueOf(stats.families()));
    assertThat(ui.<Label>node("#stat-read").getText()).isEqualTo(String.valueOf(stats.read()));
    assertThat(ui.<Label>node("#stat-acknowledged").getText()).isEqualTo(String.valueOf(stats.acknowledged()));
    VBox families = ui.waitFor("#not-reached", VBox.class, box -> box.getChildren().size() == stats.items().size());
    assertThat(families.getChildren()).hasSize(stats.items().size());
    for (int i = 0; i < stats.items().size(); i++) {
      Announcement.NotReached family = stats.items().get(i);
      assertThat(ui.<Label>node("#family-name-" + i).getText()).isEqualTo(family.guardianName());
      assertThat(ui.<Label>node("#family-pupils-" + i).getText())
          .contains(family.pupils().get(0).fullName(), family.pupils().get(0).className());
    }
  }

  /** What the API says about {@code field} of this draft (it refuses it, so nothing is published). */
  private static String apiMessageFor(String field, Announcement.Draft draft) {
    try {
      ui.as(OFFICE).publishAnnouncement(draft, null);
    } catch (ApiProblem problem) {
      return problem.errors().stream().filter(e -> field.equals(e.field())).map(Problem.FieldError::message)
          .findFirst().orElseThrow(() -> new AssertionError("no error for " + field + ": " + problem.errors()));
    }
    throw new AssertionError("the API published a draft without a title");
  }

  @Test
  @Order(2)
  void the_office_imports_a_small_workbook_sees_the_bad_row_confirms_and_follows_the_progress_to_done()
      throws Exception {
    Path file = folder.resolve("danh-sach-9A9.xlsx");
    Files.write(file, workbook());

    ui.fire("#nav-roster");
    Node screen = ui.node("#roster-screen");
    ui.onFx(() -> screen.getProperties().put(WorkbookChooser.KEY, RosterImportView.giving(file)));
    ui.shoot("64-nhap-danh-sach");
    ui.fire("#roster-choose");

    slowly("#roster-import-id", Label.class, label -> !label.getText().isBlank());
    String importId = ui.<Label>node("#roster-import-id").getText().replace("Mã lần nhập: ", "");
    RosterImport planned = ui.as(OFFICE).rosterImport(SCHOOL, importId);
    assertThat(planned.status()).isEqualTo(RosterImport.Status.PLANNED);
    assertThat(planned.counts().create()).isEqualTo(4);
    assertThat(planned.counts().rejected()).isEqualTo(1);
    assertCounts(planned.counts());
    List<ImportRow> report = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page = ui.as(OFFICE).rosterImportRows(SCHOOL, importId, cursor);
      report.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    List<ImportRow> rejected = report.stream().filter(r -> r.action() == ImportRow.Action.REJECTED).toList();
    assertThat(rejected).hasSize(1);
    ImportRow bad = rejected.get(0);
    assertThat(bad.row()).isEqualTo(4); // the row the spreadsheet shows: header on 1, the nameless pupil on 4
    assertThat(ui.<Label>node("#rejection-row-0").getText()).isEqualTo("Dòng " + bad.row());
    assertThat(ui.<Label>node("#rejection-what-0").getText())
        .isEqualTo(String.join("; ", bad.reasons().stream().map(ImportRow.Reason::message).toList()));
    VBox shown = slowly("#roster-report", VBox.class, box -> box.getChildren().size() == report.size());
    assertThat(shown.getChildren()).hasSize(report.size());
    int badLine = report.indexOf(bad);
    assertThat(ui.<Label>node("#report-row-" + badLine).getText()).isEqualTo("Dòng 4");
    ui.shoot("65-chay-thu-danh-sach");

    ui.fire("#roster-confirm");
    ui.node("#roster-progress");
    Label outcome = slowly("#roster-outcome", Label.class, label -> label.getText() != null);
    RosterImport done = ui.as(OFFICE).rosterImport(SCHOOL, importId);
    assertThat(done.status()).isEqualTo(RosterImport.Status.DONE);
    assertThat(ui.<Label>node("#roster-progress-text").getText())
        .isEqualTo(done.progress().rowsDone() + " / " + done.progress().rowsTotal() + " dòng");
    assertThat(ui.<ProgressBar>node("#roster-progress").getProgress()).isEqualTo(1.0);
    assertCounts(done.counts());
    assertThat(outcome.getText()).isEqualTo("Đã nhập xong: " + done.counts().create() + " thêm mới, "
        + done.counts().update() + " cập nhật, " + done.counts().move() + " chuyển lớp, " + done.counts().leave()
        + " rời trường; " + done.counts().accountsCreated() + " tài khoản phụ huynh mới; " + done.counts().rejected()
        + " dòng lỗi bị bỏ qua.");
    ui.shoot("66-nhap-danh-sach-xong");

    // Leaving the tab and coming back shows the finished import again (it is remembered).
    ui.fire("#nav-announcements");
    ui.fire("#nav-roster");
    ui.waitFor("#roster-outcome", Label.class, label -> outcome.getText().equals(label.getText()));
  }

  private static void assertCounts(RosterImport.Counts counts) {
    ui.waitFor("#count-create", Label.class, label -> label.getText().equals(String.valueOf(counts.create())));
    assertThat(ui.<Label>node("#count-update").getText()).isEqualTo(String.valueOf(counts.update()));
    assertThat(ui.<Label>node("#count-move").getText()).isEqualTo(String.valueOf(counts.move()));
    assertThat(ui.<Label>node("#count-leave").getText()).isEqualTo(String.valueOf(counts.leave()));
    assertThat(ui.<Label>node("#count-rejected").getText()).isEqualTo(String.valueOf(counts.rejected()));
  }

  /** A new class 9A9 of four pupils, and one row (the sheet's row 4) without the pupil's name. */
  private static byte[] workbook() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Danh sách học sinh");
      Object[][] rows = {
          {"STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Họ tên cha", "SĐT cha", "Họ tên mẹ", "SĐT mẹ"},
          {1, "0481260001", "Trần Minh Khoa", "14/02/2012", "Nam", "9A9", "Trần Văn Hùng", "0912660011", "Lê Thị Lan", "0912660012"},
          {2, "0481260002", "Phạm Ngọc Ánh", "03/07/2012", "Nữ", "9A9", "Phạm Văn Tú", "0912660021", "", ""},
          {3, "0481260003", "", "21/09/2012", "Nam", "9A9", "Đỗ Văn Sơn", "0912660031", "", ""},
          {4, "0481260004", "Võ Thu Trang", "30/11/2012", "Nữ", "9A9", "", "", "Võ Thị Hạnh", "0912660042"},
          {5, "0481260005", "Hồ Gia Huy", "08/05/2012", "Nam", "9A9", "Hồ Văn Nam", "0912660051", "Ngô Thị Mai", "0912660052"},
      };
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value instanceof Integer number) {
            row.createCell(c).setCellValue(number);
          } else {
            row.createCell(c).setCellValue((String) value);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

}
