package vn.lienlac.functions.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.payments.PaymentItems.InvoiceAuditItem;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.payments.Invoice;

/** Reading invoices, and the office's cancellation (audited, in the same transaction). */
public final class InvoiceService {
  static final int MAX_REASON = 300;
  private final Dynamo dynamo;
  private final Clock clock;
  private final DynamoDbTable<InvoiceItem> invoices;

  public InvoiceService(Dynamo dynamo, Clock clock) {
    this.dynamo = dynamo;
    this.clock = clock;
    this.invoices = dynamo.enhanced().table(dynamo.tableName(), InvoiceItem.SCHEMA);
  }

  Optional<InvoiceItem> item(String schoolId, String invoiceId) {
    if (!Ids.isValid(invoiceId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(invoices.getItem(GetItemEnhancedRequest.builder()
        .key(FeeService.invoiceKey(schoolId, invoiceId)).consistentRead(true).build()));
  }

  /** A pupil's invoices, by fee (gsi1 {@code S#{school}#ST#{student}} / {@code INV#}). */
  public List<Invoice> forStudent(Student student) {
    List<Invoice> found = new ArrayList<>();
    LocalDate today = SchoolTime.today(clock);
    invoices.index(Keys.GSI1).query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.student(student.schoolId(), student.id())).sortValue(Keys.INVOICE_LINK).build()))
        .build()).forEach(page -> page.items().forEach(i -> found.add(toInvoice(i, today))));
    found.sort(java.util.Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::id));
    return found;
  }

  public Invoice show(InvoiceItem item) {
    return toInvoice(item, SchoolTime.today(clock));
  }

  /** Staff cancel an invoice nothing was paid on; the audit item commits with it. */
  public Invoice cancel(Caller caller, InvoiceItem invoice, Invoice.Cancellation body, String requestId) {
    Validation v = new Validation();
    String reason = v.text("reason", body.reason(), MAX_REASON, true);
    if (!v.isValid()) {
      throw new ApiException.Invalid(v.violations());
    }
    if (!"OPEN".equals(invoice.status) || invoice.paidVnd != 0) {
      throw new ApiException.Conflict(invoice.version, "payments.notCancellable", invoice.status);
    }
    Instant now = clock.instant();
    try {
      dynamo.client().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
          TransactWriteItem.builder().update(Update.builder().tableName(dynamo.tableName())
              .key(PaymentLedger.key(invoice.pk, invoice.sk))
              .updateExpression("SET #status = :cancelled, cancelReason = :reason, version = version + :one")
              .conditionExpression("version = :version AND #status = :open AND paidVnd = :zero")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(Map.of(":cancelled", PaymentLedger.s("CANCELLED"),
                  ":reason", PaymentLedger.s(reason), ":one", PaymentLedger.n(1), ":version", PaymentLedger.n(invoice.version),
                  ":open", PaymentLedger.s("OPEN"), ":zero", PaymentLedger.n(0)))
              .build()).build(),
          audit(caller, invoice, "CANCEL", reason, now, requestId)).build());
    } catch (TransactionCanceledException e) {
      InvoiceItem now2 = item(invoice.schoolId, invoice.invoiceId).orElseThrow();
      throw new ApiException.Conflict(now2.version, "payments.notCancellable", now2.status);
    }
    return show(item(invoice.schoolId, invoice.invoiceId).orElseThrow());
  }

  /** The append-only audit item of a staff action on an invoice. */
  TransactWriteItem audit(Caller caller, InvoiceItem invoice, String action, String detail, Instant at,
      String requestId) {
    InvoiceAuditItem item = new InvoiceAuditItem();
    item.pk = invoice.pk;
    item.sk = Keys.INVOICE_AUDIT + at + "#" + requestId;
    item.type = InvoiceAuditItem.TYPE;
    item.action = action;
    item.actor = caller.subject();
    item.actorName = caller.displayName(invoice.schoolId).orElse(null);
    item.at = at.toString();
    item.detail = detail;
    return TransactWriteItem.builder().put(Put.builder().tableName(dynamo.tableName())
        .item(InvoiceAuditItem.SCHEMA.itemToMap(item, true))
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  static Invoice toInvoice(InvoiceItem i, LocalDate today) {
    LocalDate due = LocalDate.parse(i.dueDate);
    Invoice.Status status = switch (i.status) {
      case "PAID" -> Invoice.Status.PAID;
      case "CANCELLED" -> Invoice.Status.CANCELLED;
      default -> today.isAfter(due) ? Invoice.Status.OVERDUE : Invoice.Status.OPEN;
    };
    long outstanding = "CANCELLED".equals(i.status) ? 0 : i.amountVnd - i.paidVnd;
    return new Invoice(i.invoiceId, i.schoolId, i.feeId, i.feeName, i.studentId, i.studentName, i.classId,
        i.amountVnd, i.discountVnd == null ? 0 : i.discountVnd, i.discountReason, i.paidVnd, outstanding, due, status,
        i.cancelReason, i.version);
  }
}
