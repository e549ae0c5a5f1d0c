package vn.lienlac.tests.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.DirectoryRepository;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.School;
import vn.lienlac.local.LocalStack;
import vn.lienlac.local.cli.ImportCommand;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.records.grading.SchoolLevel;
import vn.lienlac.tests.LocalStackExtension;

/** {@code ./lienlac import}: the command against the local stack, as staff would run it. */
@ExtendWith(LocalStackExtension.class)
class ImportCommandTest {
  private final LocalStack stack;

  ImportCommandTest(LocalStack stack) {
    this.stack = stack;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new ImportCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Duration.ofMillis(100)).run(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String school() {
    String id = "cli-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    new RosterRepository(stack.dynamo()).createSchool(new School(id, "THCS Dòng Lệnh", SchoolLevel.LOWER_SECONDARY,
        "Hà Nội", "2026-2027"));
    new DirectoryRepository(stack.dynamo(), stack.clock()).grant(id + "-vp", new Caller.RoleGrant(id, Role.STAFF, "Văn phòng"));
    return id;
  }

  private String token(String school) {
    return stack.issueToken(new DevUser(school + "-vp", "Văn phòng", "STAFF", school, "THCS Dòng Lệnh", "cli test"),
        Duration.ofHours(1));
  }

  private static Path roster(Path dir, String suffix) throws Exception {
    Path file = dir.resolve("danh-sach-" + suffix + ".csv");
    Files.writeString(file, """
        DANH SÁCH HỌC SINH
        STT,Mã định danh,Họ và tên,Ngày sinh,Giới tính,Lớp,Họ tên mẹ,SĐT mẹ
        1,0%1$s00001,Nguyễn Văn An,05/03/2014,Nam,7A1,Trần Thị Cúc,091%1$s101
        2,0%1$s00002,Lê Thị Bé,07/08/2014,Nữ,7A1,Phạm Thị Dung,091%1$s102
        3,0%1$s00003,Đỗ Minh Châu,12/12/2014,Nữ,7A2,Hồ Thị Em,0168 123 4567
        """.formatted(suffix), StandardCharsets.UTF_8);
    return file;
  }

  private String api() {
    return stack.baseUri().toString();
  }

  @Test
  void dryRun_shouldPrintTheMappingCountsAndRejectedRows_andWriteNothing(@TempDir Path dir) throws Exception {
    String school = school();
    String suffix = String.format("%04d", System.nanoTime() % 10_000);
    Run run = run("", roster(dir, suffix).toString(), "--school", school, "--dry-run", "--api", api(), "--token",
        token(school));

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("B   learnerId            ← Mã định danh")
        .contains("H   motherPhone          ← SĐT mẹ")
        .contains("Chạy thử: 2 tạo mới, 0 cập nhật, 0 chuyển lớp, 0 rời trường, 0 không đổi, 1 bị từ chối")
        .contains("dòng 5: SĐT mẹ: 0168 123 4567 là số 11 chữ số cũ (01xx)")
        .contains("Chạy thử (--dry-run): chưa ghi gì.")
        .doesNotContain("Nhập 2 học sinh?");
  }

  @Test
  void aRealRun_shouldAskThenConfirmTheCountsAndDrawTheProgressUntilDone(@TempDir Path dir) throws Exception {
    String school = school();
    String suffix = String.format("%04d", (System.nanoTime() / 7 + 5_000) % 10_000);
    Path file = roster(dir, suffix);

    Run declined = run("n\n", file.toString(), "--school", school, "--api", api(), "--token", token(school),
        "--lang", "en");
    assertThat(declined.exit()).isEqualTo(1);
    assertThat(declined.out()).contains("Nhập 2 học sinh? [y/N] ").contains("Đã huỷ: không ghi gì.")
        .contains("dòng 5: SĐT mẹ: 0168 123 4567 is an old 11-digit number").as("reasons in the --lang language");

    stack.events(); // the queues start in the background: the confirmation sends to them
    Run accepted = run("y\n", file.toString(), "--school", school, "--api", api(), "--token", token(school));
    assertThat(accepted.err()).isEmpty();
    assertThat(accepted.exit()).isZero();
    assertThat(accepted.out()).contains("Nhập 2 học sinh? [y/N] ")
        .containsPattern("\r\\[\\.{30}\\] 0 / (\\d+) dòng  RUNNING")
        .containsPattern("\r\\[#{30}\\] (\\d+) / \\1 dòng  DONE")
        .contains("Xong: 2 tạo mới, 0 cập nhật, 0 chuyển lớp, 0 rời trường; 2 tài khoản phụ huynh mới.");

    Run again = run("", file.toString(), "--school", school, "--dry-run", "--api", api(), "--token", token(school));
    assertThat(again.out()).contains("0 tạo mới, 0 cập nhật, 0 chuyển lớp, 0 rời trường, 2 không đổi, 1 bị từ chối");
  }

  @Test
  void usageMistakes_shouldExitWith2AndSayWhat() {
    assertThat(run("", "--school", "x").err()).contains("which file?");
    Run noSchool = run("", "file.xlsx");
    assertThat(noSchool.exit()).isEqualTo(2);
    assertThat(noSchool.err()).contains("--school ID is required").contains("usage: ./lienlac import FILE");
    assertThat(run("", "roster.pdf", "--school", "x", "--token", "t").err()).contains("should be .xlsx or .csv");
  }
}
