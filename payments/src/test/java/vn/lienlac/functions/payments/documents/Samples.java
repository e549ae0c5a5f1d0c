package vn.lienlac.functions.payments.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Receipt;

/** Documents as a Vietnamese school has them. */
final class Samples {
  private Samples() {}

  static Receipt receipt() {
    return new Receipt("BL-2026-000123", "pay-01", "thcs-nguyen-trai", "Trường THCS Nguyễn Trãi",
        List.of(
            new Receipt.Line("inv-1", "nt-hs-0002", "Nguyễn Thị Hương", "7A1", "Tiền ăn bán trú tháng 11", 1_250_000),
            new Receipt.Line("inv-2", "nt-hs-0002", "Nguyễn Thị Hương", "7A1", "Bảo hiểm y tế học sinh năm học 2026–2027", 884_520),
            new Receipt.Line("inv-3", "nt-hs-0107", "Trần Đức Anh", "9A2", "Câu lạc bộ Cờ vua", 300_000)),
        2_434_520, Receipt.Method.BANK_TRANSFER, "FT26325123456789",
        // 03:05 UTC is 10:05 in Hanoi
        OffsetDateTime.of(2026, 11, 21, 3, 5, 0, 0, ZoneOffset.UTC));
  }

  static FeeReport report() {
    var unpaid7a1 = List.of(
        new FeeReport.UnpaidPupil("nt-hs-0002", "Nguyễn Thị Hương", "inv-1", 1_250_000, true),
        new FeeReport.UnpaidPupil("nt-hs-0009", "=HYPERLINK(\"http://x\",\"Lê Văn Bảo\")", "inv-9", 250_000, false));
    var meals = new FeeReport.Fee("fee-meals", "Tiền ăn bán trú tháng 11", 1_250_000, LocalDate.of(2026, 11, 15),
        List.of(
            new FeeReport.ClassLine("c-7a1", "7A1", 35, 33, 43_750_000, 41_250_000, 2_500_000, unpaid7a1),
            new FeeReport.ClassLine("c-9a2", "9A2", 30, 30, 37_500_000, 37_500_000, 0, List.of())),
        81_250_000, 78_750_000, 2_500_000);
    var club = new FeeReport.Fee("fee-club", "Câu lạc bộ, \"Cờ vua\"", 300_000, LocalDate.of(2026, 12, 1),
        List.of(new FeeReport.ClassLine("c-9a2", "9A2", 4, 4, 1_200_000, 1_200_000, 0, List.of())),
        1_200_000, 1_200_000, 0);
    return new FeeReport("thcs-nguyen-trai", "Trường THCS Nguyễn Trãi",
        OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.ofHours(7)), List.of(meals, club),
        82_450_000, 79_950_000, 2_500_000);
  }
}
