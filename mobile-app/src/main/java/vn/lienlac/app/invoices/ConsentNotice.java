package vn.lienlac.app.invoices;

import vn.lienlac.client.ApiProblem;

/** The purpose notice a {@code consent-required} 403 links (paying by app and receipts need the guardian's consent). */
final class ConsentNotice {
  private ConsentNotice() {}

  /** The notice's path (e.g. {@code /v1/schools/thcs-nguyen-trai/privacy-notice}) when {@code failure} is that 403; else null. */
  static String of(Exception failure) {
    if (failure instanceof ApiProblem problem && problem.status() == 403 && "consent-required".equals(problem.code())) {
      String notice = problem.problem().notice();
      return notice == null || notice.isBlank() ? "" : notice;
    }
    return null;
  }
}
