package vn.lienlac.model.payments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A fee a school charges (tiền ăn bán trú, bảo hiểm y tế, câu lạc bộ…): one invoice per pupil in
 * its scope, less the per-pupil exemptions and discounts. Amounts are whole VND.
 */
public record Fee(String id, String name, long amountVnd, LocalDate dueDate, Scope scope, Integer grade,
    List<String> classIds, List<String> studentIds, List<Adjustment> adjustments, int invoiceCount,
    String createdBy, OffsetDateTime createdAt) {

  /** Who is charged: the whole school, one grade (khối), some classes, or listed pupils. */
  public enum Scope { SCHOOL, GRADE, CLASS, PUPILS }

  /** An exemption (miễn: no invoice) or a discount (giảm: the amount less {@code discountVnd}), with its reason. */
  public record Adjustment(String studentId, Kind kind, Long discountVnd, String reason) {
    public enum Kind { EXEMPTION, DISCOUNT }
  }

  /**
   * {@code POST /v1/fees}. {@code grade} for scope GRADE, {@code classIds} for CLASS,
   * {@code studentIds} for PUPILS. The same draft posted again creates nothing new.
   */
  public record Draft(String schoolId, String name, Long amountVnd, LocalDate dueDate, Scope scope, Integer grade,
      List<String> classIds, List<String> studentIds, List<Adjustment> adjustments) {}
}
