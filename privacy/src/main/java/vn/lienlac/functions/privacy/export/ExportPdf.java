package vn.lienlac.functions.privacy.export;

import java.util.List;
import java.util.Map;
import vn.lienlac.functions.documents.Pdf;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.model.common.SchoolTime;

/**
 * {@code export.pdf}: the same items as {@code export.json}, readable: a Vietnamese heading per section, then
 * each item as its key and its attributes, one per line (long values wrapped). Built with the documents
 * library (DejaVu Sans embedded: Vietnamese prints as written).
 */
final class ExportPdf {
  static final Map<String, String> HEADINGS = Map.of(
      "account", "Tài khoản, quyền truy cập và thiết bị",
      "children", "Hồ sơ học sinh: lý lịch, lớp, điểm, hạnh kiểm, đánh giá, đơn xin nghỉ",
      "attendance", "Điểm danh (chỉ phần của con)",
      "leave", "Đơn xin nghỉ: tham chiếu",
      "payments", "Học phí, thanh toán và biên lai",
      "announcements", "Thông báo đã đọc và xác nhận",
      "conversations", "Tin nhắn",
      "accessLog", "Nhật ký truy cập hồ sơ của con");
  static final Map<String, String> HEADINGS_EN = Map.of(
      "account", "Account, grants and devices",
      "children", "Pupil records: profile, class, marks, conduct, evaluations, leave requests",
      "attendance", "Attendance (your child's marks only)",
      "leave", "Leave requests: references",
      "payments", "Fees, payments and receipts",
      "announcements", "Announcements read and acknowledged",
      "conversations", "Messages",
      "accessLog", "Who accessed your child's records");
  private static final float MARGIN = 40;
  private static final float SIZE = 8.5f;

  private ExportPdf() {}

  static byte[] render(ExportCollector.Export export, String language) {
    boolean en = "en".equals(language);
    Map<String, String> headings = en ? HEADINGS_EN : HEADINGS;
    try (Pdf pdf = Pdf.a4(MARGIN)) {
      pdf.info("Lienlac - dữ liệu cá nhân", SchoolTime.show(export.generatedAt()));
      pdf.newPage();
      pdf.line(pdf.bold, 15, pdf.left(), en ? "Your personal data on Lienlac" : "Dữ liệu cá nhân của bạn trên Lienlac");
      pdf.line(pdf.regular, 10, pdf.left(), (en ? "Exported at " : "Xuất lúc ") + SchoolTime.show(export.generatedAt())
          + (en ? " · id " : " · mã ") + export.exportId());
      pdf.line(pdf.regular, SIZE, pdf.left(), en
          ? "Each entry shows its key in the data table (pk / sk); export.json holds the same, machine-readable."
          : "Mỗi mục ghi khóa của nó trong bảng dữ liệu (pk / sk); tệp export.json chứa cùng nội dung ở dạng máy đọc được.");
      for (var section : export.sections().entrySet()) {
        pdf.down(8);
        pdf.ensureRoom(40, 0);
        pdf.line(pdf.bold, 12, pdf.left(), headings.getOrDefault(section.getKey(), section.getKey())
            + " (" + section.getValue().size() + ")");
        if (section.getValue().isEmpty()) {
          pdf.line(pdf.regular, SIZE, pdf.left(), en ? "Nothing." : "Không có dữ liệu.");
        }
        for (Map<String, Object> item : section.getValue()) {
          pdf.down(3);
          pdf.ensureRoom(30, 0);
          wrapped(pdf, pdf.bold, pdf.left(), item.get("pk") + " / " + item.get("sk"));
          for (var attribute : item.entrySet()) {
            if (attribute.getKey().equals("pk") || attribute.getKey().equals("sk")) {
              continue;
            }
            Object value = attribute.getValue();
            String shown = value instanceof String s ? s : Json.write(value).replace(",", ", ");
            wrapped(pdf, pdf.regular, pdf.left() + 12, attribute.getKey() + ": " + shown);
          }
        }
      }
      return pdf.save();
    }
  }

  private static void wrapped(Pdf pdf, org.apache.pdfbox.pdmodel.font.PDType0Font font, float x, String text) {
    for (String paragraph : text.split("\n")) {
      List<String> lines = pdf.wrap(font, SIZE, paragraph, pdf.right() - x);
      for (String line : lines) {
        pdf.ensureRoom(SIZE * 1.5f, 0);
        pdf.line(font, SIZE, x, line);
      }
    }
  }
}
