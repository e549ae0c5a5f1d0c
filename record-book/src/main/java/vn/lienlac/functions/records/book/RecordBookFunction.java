package vn.lienlac.functions.records.book;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.ApiRequest;
import vn.lienlac.functions.platform.ApiResponse;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.records.RecordBooks;
import vn.lienlac.model.common.SchoolTime;

/**
 * record-book-fn: the record book (học bạ) as a PDF. Each route: parse, authorize and read
 * ({@link RecordBooks}, through the records' own access rules), render ({@link RecordBookPdf}),
 * respond with the PDF base64-encoded (API Gateway decodes it). Read-only.
 */
public final class RecordBookFunction extends ApiFunction {
  static final String PDF = "application/pdf";
  private final RecordBooks books;
  private final Clock clock;

  /** Lambda's entry: configuration from the environment template.yaml sets. */
  public RecordBookFunction() {
    this(Environment.system());
  }

  public RecordBookFunction(Environment env) {
    this(env, Dynamo.fromEnvironment(env));
  }

  private RecordBookFunction(Environment env, Dynamo dynamo) {
    this(dynamo, Clock.systemUTC());
    primeBeforeSnapshot(dynamo, env);
  }

  public RecordBookFunction(Dynamo dynamo, Clock clock) {
    this.books = new RecordBooks(dynamo, clock);
    this.clock = clock;
    on("GET /v1/students/{studentId}/record-book/{schoolYear}", this::pupilBook);
    on("GET /v1/classes/{classId}/record-books/{schoolYear}", this::classBooks);
  }

  private ApiResponse pupilBook(ApiRequest request) {
    String studentId = Ids.fromPath(request, "studentId");
    String schoolYear = RecordBooks.schoolYear(request.pathParameter("schoolYear"));
    RecordBooks.Book book = books.pupil(books.caller(request.subject()), studentId, schoolYear, request, request.locale());
    byte[] pdf = RecordBookPdf.render(book.report(), extras(book), request.locale());
    return ApiResponse.binary(pdf, PDF, attachment("hoc-ba-" + book.student().id() + "-" + schoolYear + ".pdf"));
  }

  private ApiResponse classBooks(ApiRequest request) {
    String classId = Ids.fromPath(request, "classId");
    String schoolYear = RecordBooks.schoolYear(request.pathParameter("schoolYear"));
    List<RecordBooks.Book> all = books.classBooks(books.caller(request.subject()), classId, schoolYear,
        request, request.locale());
    byte[] pdf = RecordBookPdf.renderAll(all.stream()
        .map(b -> new RecordBookPdf.Book(b.report(), extras(b))).toList(), request.locale());
    return ApiResponse.binary(pdf, PDF, attachment("hoc-ba-" + classId + "-" + schoolYear + ".pdf"));
  }

  private RecordBookPdf.Extras extras(RecordBooks.Book book) {
    return new RecordBookPdf.Extras(book.student().dateOfBirth(), book.school().province(), book.homeroomTeacherName(),
        SchoolTime.today(clock), SchoolTime.show(clock.instant()));
  }

  private static Map<String, String> attachment(String fileName) {
    return Map.of("content-disposition", "inline; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "-") + "\"");
  }
}
