package vn.lienlac.functions.payments;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/** The items of fees and payments (docs/ARCHITECTURE.md §3; keys in {@code Keys}). */
final class PaymentItems {
  private PaymentItems() {}

  /**
   * {@code pk = S#{school}, sk = FEE#{fee}}: a fee, its scope resolved to the pupils it invoices
   * ({@code studentIds}, so that a crashed creation resumes on exactly the same set), the per-pupil
   * adjustments and, once every invoice is written, {@code complete = true}.
   */
  static final class FeeItem extends Item {
    static final String TYPE = "Fee";
    static final TableSchema<FeeItem> SCHEMA = ItemSchema.of(FeeItem.class, FeeItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("feeId", i -> i.feeId, (i, v) -> i.feeId = v)
        .string("name", i -> i.name, (i, v) -> i.name = v)
        .attribute(Long.class, "amountVnd", i -> i.amountVnd, (i, v) -> i.amountVnd = v)
        .string("dueDate", i -> i.dueDate, (i, v) -> i.dueDate = v)
        .string("scope", i -> i.scope, (i, v) -> i.scope = v)
        .integer("grade", i -> i.grade, (i, v) -> i.grade = v)
        .strings("classIds", i -> i.classIds, (i, v) -> i.classIds = v)
        .strings("studentIds", i -> i.studentIds, (i, v) -> i.studentIds = v)
        .strings("adjustments", i -> i.adjustments, (i, v) -> i.adjustments = v)
        .attribute(Boolean.class, "complete", i -> i.complete, (i, v) -> i.complete = v)
        .integer("invoiceCount", i -> i.invoiceCount, (i, v) -> i.invoiceCount = v)
        .string("createdBy", i -> i.createdBy, (i, v) -> i.createdBy = v)
        .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
        .build();

    String schoolId;
    String feeId;
    String name;
    Long amountVnd;
    String dueDate;
    String scope;
    Integer grade;
    List<String> classIds;
    /** Every pupil in scope when the fee was created, exempt ones included. */
    List<String> studentIds;
    /** {@code studentId|EXEMPTION|0|reason} or {@code studentId|DISCOUNT|discountVnd|reason}. */
    List<String> adjustments;
    Boolean complete;
    Integer invoiceCount;
    String createdBy;
    String createdAt;
  }

  /**
   * {@code pk = S#{school}#INV#{invoice}, sk = INVOICE}; gsi1 {@code S#{school}#ST#{student}} /
   * {@code INV#{fee}} (a pupil's invoices). The id is derived from (fee, pupil): re-running a fee
   * writes the same keys, and the conditional put creates nothing new.
   */
  static final class InvoiceItem extends Item {
    static final String TYPE = "Invoice";
    static final TableSchema<InvoiceItem> SCHEMA = ItemSchema.of(InvoiceItem.class, InvoiceItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("invoiceId", i -> i.invoiceId, (i, v) -> i.invoiceId = v)
        .string("feeId", i -> i.feeId, (i, v) -> i.feeId = v)
        .string("feeName", i -> i.feeName, (i, v) -> i.feeName = v)
        .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
        .string("studentName", i -> i.studentName, (i, v) -> i.studentName = v)
        .string("classId", i -> i.classId, (i, v) -> i.classId = v)
        .attribute(Long.class, "amountVnd", i -> i.amountVnd, (i, v) -> i.amountVnd = v)
        .attribute(Long.class, "discountVnd", i -> i.discountVnd, (i, v) -> i.discountVnd = v)
        .string("discountReason", i -> i.discountReason, (i, v) -> i.discountReason = v)
        .attribute(Long.class, "paidVnd", i -> i.paidVnd, (i, v) -> i.paidVnd = v)
        .string("dueDate", i -> i.dueDate, (i, v) -> i.dueDate = v)
        .string("status", i -> i.status, (i, v) -> i.status = v)
        .string("cancelReason", i -> i.cancelReason, (i, v) -> i.cancelReason = v)
        .strings("credits", i -> i.credits, (i, v) -> i.credits = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String schoolId;
    String invoiceId;
    String feeId;
    String feeName;
    String studentId;
    String studentName;
    String classId;
    /** What is owed, after the discount. */
    Long amountVnd;
    Long discountVnd;
    String discountReason;
    Long paidVnd;
    String dueDate;
    /** OPEN, PAID or CANCELLED (OVERDUE is derived when read). */
    String status;
    String cancelReason;
    /** One entry per credit: {@code provider|txnKey}, the key of its provider-transaction item (receipt). */
    List<String> credits;
    Long version;
    String gsi1pk;
    String gsi1sk;
  }

  /**
   * {@code pk = S#{school}#PAY#{payment}, sk = PAYMENT}; while waiting for the provider, gsi1
   * {@code S#{school}#PAY#OPEN} / {@code {createdAt}#{payment}} (the reconciler's list; removed on
   * a final state).
   */
  static final class PaymentItem extends Item {
    static final String TYPE = "Payment";
    static final TableSchema<PaymentItem> SCHEMA = ItemSchema.of(PaymentItem.class, PaymentItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("paymentId", i -> i.paymentId, (i, v) -> i.paymentId = v)
        .string("method", i -> i.method, (i, v) -> i.method = v)
        .string("state", i -> i.state, (i, v) -> i.state = v)
        .attribute(Long.class, "amountVnd", i -> i.amountVnd, (i, v) -> i.amountVnd = v)
        .attribute(Long.class, "creditedVnd", i -> i.creditedVnd, (i, v) -> i.creditedVnd = v)
        .strings("invoiceIds", i -> i.invoiceIds, (i, v) -> i.invoiceIds = v)
        .strings("studentIds", i -> i.studentIds, (i, v) -> i.studentIds = v)
        .string("payerSub", i -> i.payerSub, (i, v) -> i.payerSub = v)
        .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
        .string("providerCreateDate", i -> i.providerCreateDate, (i, v) -> i.providerCreateDate = v)
        .string("settledAt", i -> i.settledAt, (i, v) -> i.settledAt = v)
        .string("providerTxnId", i -> i.providerTxnId, (i, v) -> i.providerTxnId = v)
        .string("failure", i -> i.failure, (i, v) -> i.failure = v)
        .string("notifiedAt", i -> i.notifiedAt, (i, v) -> i.notifiedAt = v)
        .version(i -> i.version, (i, v) -> i.version = v)
        .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
        .build();

    String schoolId;
    String paymentId;
    String method;
    String state;
    Long amountVnd;
    Long creditedVnd;
    List<String> invoiceIds;
    List<String> studentIds;
    String payerSub;
    String createdAt;
    /** VNPay's vnp_CreateDate ({@code yyyyMMddHHmmss}, GMT+7): querydr's vnp_TransactionDate. */
    String providerCreateDate;
    String settledAt;
    String providerTxnId;
    String failure;
    /** When payment.confirmed was published; absent after a crash between the credit and the event. */
    String notifiedAt;
    Long version;
    String gsi1pk;
    String gsi1sk;
  }

  /**
   * {@code pk = S#{school}#PROVIDERTXN#{provider}#{txn}, sk = REF}: one provider transaction,
   * credited once; the receipt of that credit (number, allocation per invoice).
   */
  static final class CreditItem extends Item {
    static final String TYPE = "ProviderTransaction";
    static final TableSchema<CreditItem> SCHEMA = ItemSchema.of(CreditItem.class, CreditItem::new)
        .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
        .string("paymentId", i -> i.paymentId, (i, v) -> i.paymentId = v)
        .string("provider", i -> i.provider, (i, v) -> i.provider = v)
        .string("providerTxnId", i -> i.providerTxnId, (i, v) -> i.providerTxnId = v)
        .attribute(Long.class, "amountVnd", i -> i.amountVnd, (i, v) -> i.amountVnd = v)
        .attribute(Long.class, "receiptNo", i -> i.receiptNo, (i, v) -> i.receiptNo = v)
        .stringMap("allocations", i -> i.allocations, (i, v) -> i.allocations = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .build();

    String schoolId;
    String paymentId;
    String provider;
    String providerTxnId;
    Long amountVnd;
    /** Null when the money went to review (the invoices no longer took it): no receipt. */
    Long receiptNo;
    /** invoiceId → VND credited (decimal text). */
    Map<String, String> allocations;
    String at;
  }

  /** {@code pk = S#{school}#INV#{invoice}, sk = AUDIT#{at}#{requestId}}: a staff action on an invoice; append-only. */
  static final class InvoiceAuditItem extends Item {
    static final String TYPE = "InvoiceAudit";
    static final TableSchema<InvoiceAuditItem> SCHEMA = ItemSchema.of(InvoiceAuditItem.class, InvoiceAuditItem::new)
        .string("action", i -> i.action, (i, v) -> i.action = v)
        .string("actor", i -> i.actor, (i, v) -> i.actor = v)
        .string("actorName", i -> i.actorName, (i, v) -> i.actorName = v)
        .string("at", i -> i.at, (i, v) -> i.at = v)
        .string("detail", i -> i.detail, (i, v) -> i.detail = v)
        .build();

    String action;
    String actor;
    String actorName;
    String at;
    String detail;
  }
}
