package vn.lienlac.functions.roster.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienlac.functions.roster.file.TestFiles.row;
import static vn.lienlac.functions.roster.file.TestFiles.rows;
import static vn.lienlac.functions.roster.file.TestFiles.sheet;
import static vn.lienlac.functions.roster.file.TestFiles.xlsx;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.model.i18n.Messages;

class RosterReaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final RosterReader READER =
      new RosterReader(new RosterReader.Options(TODAY, LocalDate.of(2026, 9, 5), null, 10_000));

  private static String nfd(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD);
  }

  /** The national database's class export: title rows, a blank row, the header on row 4. */
  private static final Object[] TITLE_1 = row("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI");
  private static final Object[] TITLE_2 = row("DANH SÁCH HỌC SINH LỚP 6A1");

  @Test
  void read_shouldFindTheHeaderBelowTitleRows_andMapVietnameseHeadersInNfcOrNfdWithLineBreaks() {
    byte[] file = xlsx(sheet("Sheet1", rows(
        TITLE_1,
        TITLE_2,
        null,
        row("STT", nfd("Mã định danh Bộ GD&ĐT"), "Họ và\ntên", nfd("Ngày sinh"), "Giới tính", "Dân tộc", "Trạng thái",
            "Điện thoại SLL", "Tên cha", "Điện thoại bố", nfd("Tên mẹ"), "SĐT mẹ", "Lớp học", "Khối học",
            "Số định danh cá nhân"),
        row("VD", "0123456789", "Nguyễn Văn Mẫu", "01/01/2015", "Nam", "Kinh", "Đang học", "0912345678", "", "", "", "",
            "6A1", "6", ""),
        row(1, "0100000001", "Nguyễn Văn An", "15/01/2015", "Nam", "Kinh", "Đang học", null, "Nguyễn Văn Bình",
            "0912 345 678", "Trần Thị Cúc", 987654321, "6A1", "Khối 6", "001215000001"),
        row(2, 100000002, "Trần Thị Bích", "5/3/2015", "nữ", "Kinh", null, "0912.345.679", null, null, "Lê Thị Dung",
            null, "6A1", 6, null),
        row(3, "0100000003", nfd("Lê Hoàng Cường"), LocalDate.of(2015, 7, 9), "NAM", "Tày", "Đã chuyển đi",
            "+84912345680", "Lê Văn Em", null, null, null, "6A1", "6", null),
        row(4, "0100000004", "Phạm Thu Hà", 42100, "Nữ", "Kinh", "Thôi học", "84912345681", null, null, null, null,
            "lớp 6a1", null, null),
        row("Tổng cộng: 4 học sinh"),
        row(null, null, null, null, null, null, null, "Hà Nội, ngày 5 tháng 9 năm 2026"),
        row(null, null, "Hiệu trưởng"),
        row(null, null, "Nguyễn Văn Hiệu"))));

    RosterFile read = READER.read(file);

    assertThat(read.format()).isEqualTo(FileFormat.XLSX);
    SheetMapping mapping = read.mappings().get(0);
    assertThat(mapping.kind()).isEqualTo(SheetMapping.Kind.PUPILS);
    assertThat(mapping.headerRow()).isEqualTo(4);
    assertThat(TestFiles.fields(mapping)).containsExactly(
        Map.entry("A", Field.STT), Map.entry("B", Field.LEARNER_ID), Map.entry("C", Field.FULL_NAME),
        Map.entry("D", Field.DATE_OF_BIRTH), Map.entry("E", Field.GENDER), Map.entry("G", Field.STATUS),
        Map.entry("H", Field.CONTACT_PHONE), Map.entry("I", Field.FATHER_NAME), Map.entry("J", Field.FATHER_PHONE),
        Map.entry("K", Field.MOTHER_NAME), Map.entry("L", Field.MOTHER_PHONE), Map.entry("M", Field.CLASS),
        Map.entry("N", Field.GRADE), Map.entry("O", Field.PERSONAL_ID));
    assertThat(mapping.columns().get(2).header()).isEqualTo("Họ và tên");
    assertThat(mapping.columns().get(1).header()).isEqualTo("Mã định danh Bộ GD&ĐT"); // shown in NFC
    assertThat(mapping.unrecognised()).containsExactly("Dân tộc");
    assertThat(read.rejected()).isEmpty();
    assertThat(read.exampleRows()).isEqualTo(1);
    assertThat(read.ignoredRows()).isEqualTo(4);

    List<RosterRow> pupils = read.rows();
    assertThat(pupils).extracting(RosterRow::row).containsExactly(6, 7, 8, 9);
    RosterRow an = pupils.get(0);
    assertThat(an.learnerId()).isEqualTo("0100000001");
    assertThat(an.learnerIdKind()).isEqualTo(RosterRow.LearnerIdKind.MINISTRY);
    assertThat(an.dateOfBirth()).isEqualTo(LocalDate.of(2015, 1, 15));
    assertThat(an.gender()).isEqualTo(Gender.MALE);
    assertThat(an.className()).isEqualTo("6A1");
    assertThat(an.grade()).isEqualTo(6);
    assertThat(an.status()).isEqualTo(PupilStatus.STUDYING);
    assertThat(an.personalId()).isEqualTo("001215000001");
    assertThat(an.toString()).doesNotContain("001215000001");
    assertThat(an.guardians()).containsExactly(
        new Guardian("Nguyễn Văn Bình", Guardian.Relationship.FATHER, "+84912345678"),
        new Guardian("Trần Thị Cúc", Guardian.Relationship.MOTHER, "+84987654321"));

    RosterRow bich = pupils.get(1);
    assertThat(bich.learnerId()).isEqualTo("0100000002").as("a number cell, then its leading 0 lost");
    assertThat(bich.dateOfBirth()).isEqualTo(LocalDate.of(2015, 3, 5));
    assertThat(bich.gender()).isEqualTo(Gender.FEMALE);
    assertThat(bich.guardians()).as("the contact phone goes to the one named parent without a phone")
        .containsExactly(new Guardian("Lê Thị Dung", Guardian.Relationship.MOTHER, "+84912345679"));

    RosterRow cuong = pupils.get(2);
    assertThat(cuong.fullName()).isEqualTo("Lê Hoàng Cường");
    assertNormalized(cuong.fullName());
    assertThat(cuong.dateOfBirth()).isEqualTo(LocalDate.of(2015, 7, 9)).as("a date cell");
    assertThat(cuong.status()).isEqualTo(PupilStatus.TRANSFERRED_OUT);
    assertThat(cuong.guardians()).containsExactly(
        new Guardian("Lê Văn Em", Guardian.Relationship.FATHER, "+84912345680"));

    RosterRow ha = pupils.get(3);
    assertThat(ha.dateOfBirth()).isEqualTo(LocalDate.of(2015, 4, 6)).as("Excel serial 42100 in a plain number cell");
    assertThat(ha.status()).isEqualTo(PupilStatus.LEFT);
    assertThat(ha.className()).isEqualTo("6a1");
    assertThat(ha.guardians()).containsExactly(new Guardian(null, Guardian.Relationship.GUARDIAN, "+84912345681"));
  }

  private static void assertNormalized(String s) {
    assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void read_shouldReadATwoRowMergedHeader_withParentsGroupedOverNameAndPhone() {
    byte[] file = xlsx(sheet("DS", rows(
        row("DANH SÁCH HỌC SINH"),
        row("STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Cha", null, "Mẹ", null, "Chỗ ở hiện nay", null, "Lớp"),
        row(null, null, null, null, "Họ tên", "Điện thoại", "Họ tên", "Điện thoại", "Xã/Phường", "Tỉnh", null),
        row(1, "HS-2026-001", "Đỗ Minh Khang", "02/02/2014", "Đỗ Văn Lâm", "0903111222", "Vũ Thị Mai", "0903111333",
            "Phường 1", "TP HCM", "7A2")),
        "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2", "I2:J2", "K2:K3"));

    RosterFile read = READER.read(file);

    SheetMapping mapping = read.mappings().get(0);
    assertThat(mapping.headerRow()).isEqualTo(2);
    assertThat(mapping.headerRows()).isEqualTo(2);
    assertThat(TestFiles.fields(mapping)).containsExactly(
        Map.entry("A", Field.STT), Map.entry("B", Field.SCHOOL_CODE), Map.entry("C", Field.FULL_NAME),
        Map.entry("D", Field.DATE_OF_BIRTH), Map.entry("E", Field.FATHER_NAME), Map.entry("F", Field.FATHER_PHONE),
        Map.entry("G", Field.MOTHER_NAME), Map.entry("H", Field.MOTHER_PHONE), Map.entry("K", Field.CLASS));
    assertThat(mapping.columns().get(5).header()).isEqualTo("Cha / Điện thoại");
    assertThat(read.rejected()).isEmpty();
    RosterRow khang = read.rows().get(0);
    assertThat(khang.row()).isEqualTo(4);
    assertThat(khang.learnerId()).isEqualTo("HS-2026-001");
    assertThat(khang.learnerIdKind()).isEqualTo(RosterRow.LearnerIdKind.SCHOOL);
    assertThat(khang.grade()).isEqualTo(7);
    assertThat(khang.guardians()).extracting(Guardian::name, Guardian::phone).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Đỗ Văn Lâm", "+84903111222"),
        org.assertj.core.groups.Tuple.tuple("Vũ Thị Mai", "+84903111333"));
  }

  @Test
  void read_shouldMapEnglishHeadersAndVietnameseWithoutDiacritics() {
    byte[] english = xlsx(sheet("Pupils", rows(
        row("No", "Learner ID", "Full name", "Date of birth", "Gender", "Class", "Grade", "Status", "Father's name",
            "Father's phone", "Mother's name", "Mother's phone", "Guardian", "Guardian phone"),
        row(1, "0200000001", "Hoàng Anh Tú", "2013-06-30", "Male", "8B", "8", "studying", null, null, null, null,
            "Hoàng Văn Giám", "0977000111"))));
    byte[] bare = xlsx(sheet("ds", rows(
        row("STT", "Ma dinh danh", "Ho ten", "Ngay sinh", "Gioi tinh", "Lop", "Khoi", "Trang thai", "Ho ten cha",
            "Dien thoai cha", "Ho ten me", "SDT me", "Nguoi giam ho", "SDT nguoi giam ho"),
        row(1, "0200000001", "Hoàng Anh Tú", "30/06/2013", "Nam", "8B", "8", "Dang hoc", null, null, null, null,
            "Hoàng Văn Giám", "0977000111"))));

    for (byte[] file : List.of(english, bare)) {
      RosterFile read = READER.read(file);
      assertThat(TestFiles.fields(read.mappings().get(0)).values()).containsExactly(Field.STT, Field.LEARNER_ID,
          Field.FULL_NAME, Field.DATE_OF_BIRTH, Field.GENDER, Field.CLASS, Field.GRADE, Field.STATUS,
          Field.FATHER_NAME, Field.FATHER_PHONE, Field.MOTHER_NAME, Field.MOTHER_PHONE, Field.GUARDIAN_NAME,
          Field.GUARDIAN_PHONE);
      assertThat(read.rows()).singleElement().satisfies(r -> {
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(2013, 6, 30));
        assertThat(r.guardians()).containsExactly(
            new Guardian("Hoàng Văn Giám", Guardian.Relationship.GUARDIAN, "+84977000111"));
      });
    }
  }

  @Test
  void read_shouldTakeTheClassFromTheTitleRow_whenASchoolKeepsOneSheetPerClass_andCheckItAgainstTheClassesSheet() {
    Object[] header = row("STT", "Họ và tên", "Ngày sinh", "Giới tính", "SĐT liên hệ");
    byte[] file = xlsx(
        sheet("6A1", rows(row("Lớp: 6A1"), header,
            row(1, "Bùi Văn Nam", "01/02/2015", "Nam", "0901000001"),
            row(2, "Cao Thị Oanh", "03/04/2015", "Nữ", "0901000002"))),
        sheet("Lớp 6A2", rows(row("DANH SÁCH HỌC SINH LỚP 6A2 NĂM HỌC 2026-2027"), null, header,
            row(1, "Đinh Văn Phúc", "05/06/2015", "Nam", "0901000003"))),
        sheet("Danh sách lớp", rows(
            row("Lớp", "Khối", "GVCN", "SĐT GVCN", "Môn học", "Giáo viên bộ môn", "SĐT giáo viên"),
            row("6A1", 6, "Lý Thị Quỳnh", "0935000001", "Toán", "Mạc Văn Sơn", "0935000002"),
            row("6A1", null, null, null, "Ngữ văn", "Ngô Thị Tâm", "0935000003"),
            row("6A3", 6, "Phan Văn Uy", "0935000004", null, null, null))));

    RosterFile read = READER.read(file);

    assertThat(read.mappings()).extracting(SheetMapping::sheet, SheetMapping::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("6A1", SheetMapping.Kind.PUPILS),
        org.assertj.core.groups.Tuple.tuple("Lớp 6A2", SheetMapping.Kind.PUPILS),
        org.assertj.core.groups.Tuple.tuple("Danh sách lớp", SheetMapping.Kind.CLASSES));
    assertThat(read.classes()).containsExactly(
        new ClassRow("Danh sách lớp", 2, "6A1", 6, new ClassRow.Teacher("Lý Thị Quỳnh", "+84935000001"), List.of(
            new ClassRow.SubjectTeacher("Toán", "Mạc Văn Sơn", "+84935000002"),
            new ClassRow.SubjectTeacher("Ngữ văn", "Ngô Thị Tâm", "+84935000003"))),
        new ClassRow("Danh sách lớp", 4, "6A3", 6, new ClassRow.Teacher("Phan Văn Uy", "+84935000004"), List.of()));
    assertThat(read.rows()).extracting(RosterRow::fullName, RosterRow::className).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Bùi Văn Nam", "6A1"),
        org.assertj.core.groups.Tuple.tuple("Cao Thị Oanh", "6A1"));
    assertThat(read.rejected()).singleElement().satisfies(r -> {
      assertThat(r.sheet()).isEqualTo("Lớp 6A2");
      assertThat(r.row()).isEqualTo(4);
      assertThat(r.codes()).containsExactly(Reasons.CLASS_UNKNOWN);
      assertThat(r.reason(Messages.VIETNAMESE)).isEqualTo("Lớp 6A2 không có trong danh sách lớp.");
      assertThat(r.reason(Messages.ENGLISH)).isEqualTo("Class 6A2 is not in the list of classes.");
    });
  }

  @Test
  void read_shouldRejectEachKindOfBadRow_withItsRowNumberAndReason() {
    Object[] header = row("STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Khối", "Trạng thái",
        "Họ tên cha", "SĐT cha", "Họ tên mẹ", "SĐT mẹ", "Số định danh cá nhân");
    byte[] file = xlsx(sheet("DS", rows(
        header,
        row(1, "0300000001", "Good Pupil Một", "01/01/2015", "Nam", "6A1", null, null, "Trịnh Văn A", "0911000001", null, null, null),
        row(2, "0300000002", null, "01/01/2015", "Nam", "6A1", null, null, "Trịnh Văn B", "0911000002", null, null, null),
        row(3, "0300000003", "Ngày Sai", "31/02/2015", "Nam", "6A1", null, null, null, null, null, null, null),
        row(4, "0300000004", "Tương Lai", "01/01/2027", "Nam", "6A1", null, null, null, null, null, null, null),
        row(5, "0300000005", "Quá Nhỏ", "01/01/2022", "Nam", "6A1", null, null, null, null, null, null, null),
        row(6, "0300000006", "Quá Lớn", "01/01/2000", "Nam", "6A1", null, null, null, null, null, null, null),
        row(7, "0300000007", "Lớp Lạ", "01/01/2015", "Nam", "9Z9", null, null, null, null, null, null, null),
        row(8, "0300000008", "Số Hỏng", "01/01/2015", "Nam", "6A1", null, null, "Mai Văn C", "0912 34", null, null, null),
        row(9, "0300000009", "Số Bàn", "01/01/2015", "Nam", "6A1", null, null, "Mai Văn D", "02438123456", null, null, null),
        row(10, "0300000010", "Số Cũ", "01/01/2015", "Nam", "6A1", null, null, "Mai Văn E", "01689123456", null, null, null),
        row(11, "0300000001", "Trùng Mã", "01/01/2015", "Nam", "6A1", null, null, null, null, null, null, null),
        row(12, "0300000012", "Anh Em", "01/01/2015", "Nam", "6A1", null, null, "Trịnh Văn A", "+84911000001", null, null, null),
        row(13, "0300000013", "Hai Tên", "01/01/2015", "Nam", "6A1", null, null, null, null, "Hồ Thị X", "0911000001", null),
        row(14, "030000001", "Mã Ngắn", "01/01/2015", "Nam", "6A1", null, null, null, null, null, null, null),
        row(15, "0300000015", "Giới Lạ", "01/01/2015", "X", "6A1", null, null, null, null, null, null, null),
        row(16, "0300000016", "Trạng Lạ", "01/01/2015", "Nữ", "6A1", null, "Đi chơi", null, null, null, null, null),
        row(17, "0300000017", "Khối Sai", "01/01/2015", "Nữ", "6A1", "7", null, null, null, null, null, null),
        row(18, "0300000018", "CCCD Sai", "01/01/2015", "Nữ", "6A1", null, null, null, null, null, null, "12345"),
        row(19, "0300000019", "Ngày Lạ", "mùng một", "Nữ", "6A1", null, null, null, null, null, null, null),
        row(20, "0300000020", "Thiếu Ngày", null, "Nữ", "6A1", null, null, null, null, null, null, null),
        row(21, "0300000021", "Tên 2 Số", "01/01/2015", "Nữ", "6A1", null, null, null, null, null, null, null),
        row(22, "0300000022", "Không Lớp", "01/01/2015", "Nữ", null, null, null, null, null, null, null, null))));

    RosterFile read = new RosterReader(new RosterReader.Options(TODAY, LocalDate.of(2026, 9, 5), Set.of("6A1"), 100))
        .read(file);

    assertThat(read.rows()).extracting(RosterRow::row).containsExactly(2, 13);
    assertThat(read.rejected()).extracting(RejectedRow::row, RejectedRow::codes).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3, List.of(Reasons.NAME_MISSING)),
        org.assertj.core.groups.Tuple.tuple(4, List.of(Reasons.BIRTH_IMPOSSIBLE)),
        org.assertj.core.groups.Tuple.tuple(5, List.of(Reasons.BIRTH_FUTURE)),
        org.assertj.core.groups.Tuple.tuple(6, List.of(Reasons.BIRTH_AGE)),
        org.assertj.core.groups.Tuple.tuple(7, List.of(Reasons.BIRTH_AGE)),
        org.assertj.core.groups.Tuple.tuple(8, List.of(Reasons.CLASS_UNKNOWN)),
        org.assertj.core.groups.Tuple.tuple(9, List.of(Phones.MALFORMED)),
        org.assertj.core.groups.Tuple.tuple(10, List.of(Phones.NOT_MOBILE)),
        org.assertj.core.groups.Tuple.tuple(11, List.of(Phones.OLD_NUMBER)),
        org.assertj.core.groups.Tuple.tuple(12, List.of(Reasons.LEARNER_ID_DUPLICATE)),
        org.assertj.core.groups.Tuple.tuple(14, List.of(Reasons.PHONE_NAME_CONFLICT)),
        org.assertj.core.groups.Tuple.tuple(15, List.of(Reasons.LEARNER_ID_MALFORMED)),
        org.assertj.core.groups.Tuple.tuple(16, List.of(Reasons.GENDER_UNKNOWN)),
        org.assertj.core.groups.Tuple.tuple(17, List.of(Reasons.STATUS_UNKNOWN)),
        org.assertj.core.groups.Tuple.tuple(18, List.of(Reasons.GRADE_MISMATCH)),
        org.assertj.core.groups.Tuple.tuple(19, List.of(Reasons.PERSONAL_ID_MALFORMED)),
        org.assertj.core.groups.Tuple.tuple(20, List.of(Reasons.BIRTH_MALFORMED)),
        org.assertj.core.groups.Tuple.tuple(21, List.of(Reasons.BIRTH_MISSING)),
        org.assertj.core.groups.Tuple.tuple(22, List.of(Reasons.NAME_BAD_CHARACTER)),
        org.assertj.core.groups.Tuple.tuple(23, List.of(Reasons.CLASS_MISSING)));
    RejectedRow duplicate = read.rejected().get(9);
    assertThat(duplicate.reason(Messages.VIETNAMESE)).isEqualTo("Mã 0300000001 bị trùng với dòng 2.");
    RejectedRow conflict = read.rejected().get(10);
    assertThat(conflict.reason(Messages.ENGLISH))
        .isEqualTo("Phone +84911000001 is given for Hồ Thị X, but row 2 gives Trịnh Văn A for the same number.");
    assertThat(read.rejected().get(7).reason(Messages.ENGLISH))
        .isEqualTo("SĐT cha: 02438123456 is not a mobile number (parents sign in with a one-time code by SMS).");
    assertThat(read.rejected().get(3).reason(Messages.VIETNAMESE))
        .isEqualTo("Học sinh 4 tuổi vào ngày 05/09/2026 (đầu năm học); tuổi hợp lệ từ 5 đến 25.");
    assertThat(read.rejected().get(15).reason(Messages.ENGLISH)).doesNotContain("12345");
  }

  @Test
  void read_shouldKeepOneAccountPerPhone_whenSiblingsShareAParent() {
    byte[] file = xlsx(sheet("DS", rows(
        row("Họ và tên", "Ngày sinh", "Lớp", "Họ tên mẹ", "SĐT mẹ"),
        row("Nguyễn Văn Anh", "01/01/2015", "6A1", "Đặng Thị Hoa", "0901234567"),
        row("Nguyễn Thị Em", "01/01/2017", "4A1", "đặng thị  hoa", "901234567"))));

    RosterFile read = READER.read(file);

    assertThat(read.rejected()).isEmpty();
    assertThat(read.rows()).flatExtracting(RosterRow::guardians).extracting(Guardian::phone)
        .containsExactly("+84901234567", "+84901234567");
  }

  @Test
  void read_shouldRefuseFilesThatAreNotRosters() {
    assertThatThrownBy(() -> READER.read(new byte[0])).isInstanceOf(ApiException.BadRequest.class)
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_NO_HEADER);
    assertThatThrownBy(() -> READER.read("just some text\nnothing here".getBytes(StandardCharsets.UTF_8)))
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_NO_HEADER);
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    assertThatThrownBy(() -> READER.read(ole2))
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_OLD_EXCEL);
    byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
    assertThatThrownBy(() -> READER.read(brokenZip))
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_UNREADABLE);
    byte[] binary = {'S', 'T', 'T', ',', 0, 0, 0, 1, 2};
    assertThatThrownBy(() -> READER.read(binary))
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_UNREADABLE);
  }

  @Test
  void read_shouldRefuseAFileWithMoreRowsThanTheLimit() {
    StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Lớp\n");
    for (int i = 0; i < 11; i++) {
      csv.append("Học Sinh Số,01/01/2015,6A1\n");
    }
    RosterReader small = new RosterReader(new RosterReader.Options(TODAY, LocalDate.of(2026, 9, 5), null, 10));
    assertThatThrownBy(() -> small.read(csv.toString().getBytes(StandardCharsets.UTF_8)))
        .extracting(e -> ((ApiException) e).messageKey()).isEqualTo(Reasons.FILE_TOO_MANY_ROWS);
  }
}
