package vn.lienlac.functions.payments.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Payment;
import vn.lienlac.model.payments.Receipt;

/** Documents as a Vietnamese school has them. */
final class Samples {
  static final OffsetDateTime PAID_AT = OffsetDateTime.of(2026, 11, 21, 3, 5, 0, 0, ZoneOffset.UTC); // 10:05 in Hanoi

  private Samples() {}

  static Receipt receipt(List<Receipt.Line> items, long total, Payment.Method method, String provider, String txn) {
    return new Receipt("BL-2026-000123", 123, "thcs-nguyen-trai", "Trường THCS Nguyễn Trãi", "LL10K3M09QNZ", method,
        provider, txn, total, PAID_AT, items);
  }

  static Receipt receipt() {
    return receipt(List.of(
            new Receipt.Line("inv-1", "Tiền ăn bán trú tháng 11", "nt-hs-0002", "Nguyễn Thị Hương", "7A1", 1_250_000),
            new Receipt.Line("inv-2", "Bảo hiểm y tế học sinh năm học 2026–2027", "nt-hs-0002", "Nguyễn Thị Hương", "7A1", 884_520),
            new Receipt.Line("inv-3", "Câu lạc bộ Cờ vua", "nt-hs-0107", "Trần Đức Anh", "9A2", 300_000)),
        2_434_520, Payment.Method.VIETQR, "SEPAY", "FT26325123456789");
  }

  static FeeReport report() {
    var unpaid7a1 = List.of(
        new FeeReport.Unpaid("nt-hs-0002", "Nguyễn Thị Hương", "inv-1", 1_250_000, true),
        new FeeReport.Unpaid("nt-hs-0009", "=HYPERLINK(\"http://x\",\"Lê Văn Bảo\")", "inv-9", 250_000, false));
    var meals = new FeeReport.FeeLine("fee-meals", "Tiền ăn bán trú tháng 11", LocalDate.of(2026, 11, 15),
        new FeeReport.Totals(81_250_000, 78_750_000, 2_500_000, 65, 63),
        List.of(
            new FeeReport.ClassLine("c-7a1", "7A1", new FeeReport.Totals(43_750_000, 41_250_000, 2_500_000, 35, 33), unpaid7a1),
            new FeeReport.ClassLine("c-9a2", "9A2", new FeeReport.Totals(37_500_000, 37_500_000, 0, 30, 30), List.of())));
    var club = new FeeReport.FeeLine("fee-club", "Câu lạc bộ, \"Cờ vua\"", LocalDate.of(2026, 12, 1),
        new FeeReport.Totals(1_200_000, 1_200_000, 0, 4, 4),
        List.of(new FeeReport.ClassLine("c-9a2", "9A2", new FeeReport.Totals(1_200_000, 1_200_000, 0, 4, 4), List.of())));
    return new FeeReport("thcs-nguyen-trai", LocalDate.of(2026, 11, 21),
        new FeeReport.Totals(82_450_000, 79_950_000, 2_500_000, 69, 67), List.of(meals, club));
  }
}
