package vn.lienlac.functions.payments.documents;

import java.util.Locale;
import java.util.Map;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.model.payments.FeeReport;
import vn.lienlac.model.payments.Receipt;

/**
 * Content negotiation for the payments documents: JSON unless the caller asks for a document by
 * {@code ?format=} (wins) or by {@code Accept}. Documents go out base64-encoded
 * ({@link ApiResponse#binary}), with a file name for browsers.
 */
public final class Documents {
  public static final String PDF = "application/pdf";

  private Documents() {}

  /** {@code GET /v1/invoices/{id}/receipt}: JSON, or PDF ({@code ?format=pdf}, {@code Accept: application/pdf}). */
  public static ApiResponse receipt(ApiRequest request, Receipt receipt) {
    check(request, "pdf");
    if (wants(request, "pdf", PDF)) {
      return ApiResponse.binary(ReceiptPdf.render(receipt, request.locale()), PDF,
          attachment("bien-lai-" + receipt.number() + ".pdf"));
    }
    return ApiResponse.ok(receipt);
  }

  /** {@code GET /v1/schools/{id}/fees/report}: JSON, CSV or .xlsx ({@code ?format=csv|xlsx} or Accept). */
  public static ApiResponse report(ApiRequest request, FeeReport report) {
    check(request, "csv", "xlsx");
    String name = "bao-cao-thu-" + report.schoolId() + "-" + report.generatedAt().toLocalDate();
    if (wants(request, "xlsx", FeeReportXlsx.MEDIA_TYPE)) {
      return ApiResponse.binary(FeeReportXlsx.render(report, request.locale()), FeeReportXlsx.MEDIA_TYPE,
          attachment(name + ".xlsx"));
    }
    if (wants(request, "csv", FeeReportCsv.MEDIA_TYPE)) {
      return ApiResponse.binary(FeeReportCsv.render(report, request.locale()), FeeReportCsv.MEDIA_TYPE + "; charset=utf-8",
          attachment(name + ".csv"));
    }
    return ApiResponse.ok(report);
  }

  /** Whether the caller asked for {@code format} (query) or, without a format, for {@code mediaType} (Accept). */
  public static boolean wants(ApiRequest request, String format, String mediaType) {
    var asked = request.queryParameter("format");
    if (asked.isPresent()) {
      return asked.get().equals(format);
    }
    String accept = request.header("accept").orElse("").toLowerCase(Locale.ROOT);
    return accept.contains(mediaType);
  }

  /** {@code ?format=} must be json or one of the route's documents: anything else is a 400. */
  public static void check(ApiRequest request, String... formats) {
    request.queryParameter("format").ifPresent(format -> {
      if (!format.equals("json") && !java.util.Arrays.asList(formats).contains(format)) {
        throw new ApiException.BadRequest("payments.documents.badFormat", format, "json, " + String.join(", ", formats));
      }
    });
  }

  private static Map<String, String> attachment(String fileName) {
    return Map.of("content-disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "-") + "\"");
  }
}
