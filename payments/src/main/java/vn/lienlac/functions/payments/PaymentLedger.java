package vn.lienlac.functions.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.lienlac.functions.payments.PaymentItems.CreditItem;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.events.DomainEvent;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.EventTypes;
import vn.lienlac.model.payments.Payment;

/**
 * The one crediting path (payments/PAYMENTS-API.md): the VNPay IPN, the reconciler, the bank
 * webhooks and the cash desk all credit through {@link #credit}.
 *
 * <p>Exactly once: the provider's transaction item (put with {@code attribute_not_exists}), the
 * payment's new state, each invoice's new paid amount and the school's receipt counter commit in
 * ONE TransactWriteItems, each conditioned on the version read. A duplicate finds the transaction
 * item and answers {@link Outcome#ALREADY_CONFIRMED}; a concurrent duplicate loses the
 * transaction, re-reads, and answers the same. {@code payment.confirmed} is published after the
 * commit and marked on the payment ({@code notifiedAt}); a crash in between is repaired by the
 * next duplicate delivery (or the reconciler), which publishes it again with the same event id.
 */
public final class PaymentLedger {
  /** What a credit did. */
  public enum Outcome {
    /** Committed now: invoices credited (or, for money the invoices no longer take, recorded for review). */
    CREDITED,
    /** This provider transaction was credited before (or the payment is already settled): nothing written. */
    ALREADY_CONFIRMED,
    /** No such payment (reference, TxnRef) in this school: nothing written. */
    NOT_FOUND,
    /** The amount does not fit the payment (VNPay: not exactly its total; bank: more than outstanding): nothing written. */
    MISMATCH
  }

  /** How an amount must fit the payment. */
  public enum Rule {
    /** Card and wallet payments (VNPay): exactly the payment's total, once. Money the invoices no longer take goes to REVIEW. */
    EXACT,
    /** Bank transfers: up to what is outstanding; less leaves the payment PARTIAL and the invoices open. */
    UP_TO_OUTSTANDING
  }

  /** The answer of {@link #credit}: what happened, the payment after it, and the receipt number if one was made. */
  public record Result(Outcome outcome, Optional<Payment.State> state, Optional<Long> receiptNo) {
    static Result of(Outcome outcome) {
      return new Result(outcome, Optional.empty(), Optional.empty());
    }
  }

  /** A crash point for tests: runs after the transaction committed, before the event is published. */
  interface AfterCommit {
    void run(String paymentId);
  }

  private static final int ATTEMPTS = 25;
  private final Dynamo dynamo;
  private final DynamoDbClient client;
  private final Clock clock;
  private final EventPublisher publisher;
  private final DynamoDbTable<PaymentItem> payments;
  private final DynamoDbTable<InvoiceItem> invoices;
  private final DynamoDbTable<CreditItem> credits;
  private volatile AfterCommit afterCommit = paymentId -> {};

  public PaymentLedger(Dynamo dynamo, Clock clock, EventPublisher publisher) {
    this.dynamo = dynamo;
    this.client = dynamo.client();
    this.clock = clock;
    this.publisher = publisher;
    this.payments = dynamo.enhanced().table(dynamo.tableName(), PaymentItem.SCHEMA);
    this.invoices = dynamo.enhanced().table(dynamo.tableName(), InvoiceItem.SCHEMA);
    this.credits = dynamo.enhanced().table(dynamo.tableName(), CreditItem.SCHEMA);
  }

  /** Tests: simulate a crash after the commit (the hook throws). */
  void afterCommit(AfterCommit hook) {
    this.afterCommit = hook;
  }

  /** The payment with this id (= VNPay TxnRef = transfer reference), strongly consistent. */
  public Optional<Payment> payment(String schoolId, String paymentId) {
    return paymentItem(schoolId, paymentId).map(PaymentLedger::toPayment);
  }

  /**
   * Credits {@code amountVnd} of provider transaction {@code providerTxnId} to the payment
   * {@code paymentId}: see {@link Outcome} and {@link Rule}. Safe to call any number of times,
   * concurrently, with the same arguments: one credit at most.
   *
   * @param provider  {@code VNPAY}, {@code SEPAY}, {@code CASSO}, {@code CASH} (upper case, letters)
   */
  public Result credit(String schoolId, String paymentId, long amountVnd, String provider, String providerTxnId,
      Rule rule, Instant at) {
    return credit(schoolId, paymentId, amountVnd, provider, providerTxnId, rule, at, List.of());
  }

  /** As {@link #credit}, with more writes (an audit item) that commit in the same transaction. */
  Result credit(String schoolId, String paymentId, long amountVnd, String provider, String providerTxnId, Rule rule,
      Instant at, List<TransactWriteItem> alsoWrite) {
    if (amountVnd <= 0 || !Ids.isValid(paymentId)) {
      return Result.of(amountVnd <= 0 ? Outcome.MISMATCH : Outcome.NOT_FOUND);
    }
    String txnKey = txnKey(providerTxnId);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      CreditItem existing = get(credits, Keys.providerTxn(schoolId, provider, txnKey), Keys.REF);
      if (existing != null) {
        repairNotification(schoolId, existing.paymentId);
        return Result.of(Outcome.ALREADY_CONFIRMED);
      }
      Optional<PaymentItem> found = paymentItem(schoolId, paymentId);
      if (found.isEmpty()) {
        return Result.of(Outcome.NOT_FOUND);
      }
      PaymentItem payment = found.get();
      Payment.State state = Payment.State.valueOf(payment.state);
      long outstanding = payment.amountVnd - payment.creditedVnd;
      if (state == Payment.State.SUCCEEDED || state == Payment.State.REVIEW) {
        repairNotification(schoolId, paymentId);
        return Result.of(rule == Rule.EXACT ? Outcome.ALREADY_CONFIRMED : Outcome.MISMATCH);
      }
      if (rule == Rule.EXACT ? amountVnd != outstanding || payment.creditedVnd != 0 : amountVnd > outstanding) {
        return Result.of(Outcome.MISMATCH);
      }
      Map<String, InvoiceItem> byId = invoicesOf(schoolId, payment.invoiceIds);
      Map<String, Long> allocation = allocate(payment.invoiceIds, byId, amountVnd);
      boolean review = allocation == null;
      if (review && rule == Rule.UP_TO_OUTSTANDING) {
        return Result.of(Outcome.MISMATCH);
      }
      long credited = payment.creditedVnd + amountVnd;
      Payment.State next = review ? Payment.State.REVIEW
          : credited == payment.amountVnd ? Payment.State.SUCCEEDED : Payment.State.PARTIAL;
      long receiptNo = review ? 0 : nextReceiptNumber(schoolId);
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(putCredit(schoolId, paymentId, provider, providerTxnId, txnKey, amountVnd,
          review ? null : receiptNo, review ? Map.of() : allocation, at));
      if (!review) {
        writes.add(bumpReceiptCounter(schoolId, receiptNo));
        for (Map.Entry<String, Long> e : allocation.entrySet()) {
          writes.add(creditInvoice(byId.get(e.getKey()), e.getValue(), provider + "|" + txnKey));
        }
      }
      writes.add(settlePayment(payment, next, credited, providerTxnId, at));
      writes.addAll(alsoWrite);
      try {
        client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
      } catch (TransactionCanceledException e) {
        // Someone else credited this transaction, or changed the payment, an invoice or the
        // counter meanwhile: read again and decide again.
        backOff(attempt);
        continue;
      }
      afterCommit.run(paymentId);
      if (next == Payment.State.SUCCEEDED) {
        notifyConfirmed(schoolId, paymentId);
      }
      return new Result(Outcome.CREDITED, Optional.of(next), review ? Optional.empty() : Optional.of(receiptNo));
    }
    throw new IllegalStateException("Could not credit payment " + paymentId + " after " + ATTEMPTS + " attempts");
  }

  /**
   * Records that the provider says the payment failed (VNPay IPN with a non-00 code, querydr) or
   * expired (the reconciler): only from CREATED or PENDING. False when it was settled already
   * (the IPN answers 02).
   */
  public boolean fail(String schoolId, String paymentId, Payment.State state, String reason, Instant at) {
    if (state != Payment.State.FAILED && state != Payment.State.EXPIRED) {
      throw new IllegalArgumentException("Not a failure state: " + state);
    }
    try {
      client.updateItem(UpdateItemRequest.builder()
          .tableName(dynamo.tableName())
          .key(key(Keys.payment(schoolId, paymentId), Keys.PAYMENT))
          .updateExpression("SET #state = :next, failure = :why, settledAt = :at, version = version + :one REMOVE gsi1pk, gsi1sk")
          .conditionExpression("#state IN (:created, :pending)")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(
              ":next", s(state.name()), ":why", s(reason), ":at", s(at.toString()), ":one", n(1),
              ":created", s(Payment.State.CREATED.name()), ":pending", s(Payment.State.PENDING.name())))
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Publishes payment.confirmed if a crash lost it (the payment SUCCEEDED but was never marked notified). */
  void repairNotification(String schoolId, String paymentId) {
    paymentItem(schoolId, paymentId)
        .filter(p -> Payment.State.SUCCEEDED.name().equals(p.state) && p.notifiedAt == null)
        .ifPresent(p -> notifyConfirmed(schoolId, paymentId));
  }

  /** The key part of a provider transaction id: itself when it is a valid id, else a hash of it. */
  static String txnKey(String providerTxnId) {
    if (Ids.isValid(providerTxnId) && providerTxnId.length() <= 48) {
      return providerTxnId;
    }
    return "h" + HexFormat.of().formatHex(FeeService.sha256(providerTxnId), 0, 20);
  }

  /** The event id of a payment's confirmation: the same on every re-publication, so consumers dedupe it. */
  static String eventId(String paymentId, Instant settledAt) {
    return Ids.newId(settledAt.toEpochMilli(), new Random(paymentId.hashCode()));
  }

  private void notifyConfirmed(String schoolId, String paymentId) {
    PaymentItem payment = paymentItem(schoolId, paymentId).orElseThrow();
    Instant settled = Instant.parse(payment.settledAt);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("paymentId", paymentId);
    data.put("studentIds", String.join(",", payment.studentIds));
    if (payment.payerSub != null) {
      data.put("guardianSub", payment.payerSub);
    }
    publisher.publish(new DomainEvent(eventId(paymentId, settled), EventTypes.PAYMENT_CONFIRMED, schoolId, settled, data));
    try {
      client.updateItem(UpdateItemRequest.builder()
          .tableName(dynamo.tableName())
          .key(key(Keys.payment(schoolId, paymentId), Keys.PAYMENT))
          .updateExpression("SET notifiedAt = :at")
          .conditionExpression("attribute_exists(pk) AND attribute_not_exists(notifiedAt)")
          .expressionAttributeValues(Map.of(":at", s(clock.instant().toString())))
          .build());
    } catch (ConditionalCheckFailedException e) {
      // Marked by a concurrent delivery: the event went out twice with one id; consumers dedupe.
    }
  }

  /**
   * Splits {@code amount} over the payment's invoices in order, each up to what it still owes;
   * null when they no longer take it all (one was cancelled or paid another way meanwhile).
   */
  static Map<String, Long> allocate(List<String> invoiceIds, Map<String, InvoiceItem> byId, long amount) {
    Map<String, Long> allocation = new LinkedHashMap<>();
    long left = amount;
    for (String id : invoiceIds) {
      InvoiceItem invoice = byId.get(id);
      if (invoice == null || !"OPEN".equals(invoice.status)) {
        return null;
      }
      long share = Math.min(left, invoice.amountVnd - invoice.paidVnd);
      if (share > 0) {
        allocation.put(id, share);
        left -= share;
      }
    }
    return left == 0 ? allocation : null;
  }

  private long nextReceiptNumber(String schoolId) {
    var item = client.getItem(GetItemRequest.builder().tableName(dynamo.tableName())
        .key(key(Keys.school(schoolId), Keys.RECEIPT_SEQUENCE)).consistentRead(true).build()).item();
    long current = item == null || !item.containsKey("seq") ? 0 : Long.parseLong(item.get("seq").n());
    return current + 1;
  }

  private TransactWriteItem bumpReceiptCounter(String schoolId, long receiptNo) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":next", n(receiptNo));
    values.put(":type", s("ReceiptCounter"));
    String condition;
    if (receiptNo == 1) {
      condition = "attribute_not_exists(seq)";
    } else {
      condition = "seq = :current";
      values.put(":current", n(receiptNo - 1));
    }
    return TransactWriteItem.builder().update(Update.builder()
        .tableName(dynamo.tableName())
        .key(key(Keys.school(schoolId), Keys.RECEIPT_SEQUENCE))
        .updateExpression("SET seq = :next, #type = :type")
        .conditionExpression(condition)
        .expressionAttributeNames(Map.of("#type", "type"))
        .expressionAttributeValues(values)
        .build()).build();
  }

  private TransactWriteItem putCredit(String schoolId, String paymentId, String provider, String providerTxnId,
      String txnKey, long amountVnd, Long receiptNo, Map<String, Long> allocation, Instant at) {
    CreditItem item = new CreditItem();
    item.pk = Keys.providerTxn(schoolId, provider, txnKey);
    item.sk = Keys.REF;
    item.type = CreditItem.TYPE;
    item.schoolId = schoolId;
    item.paymentId = paymentId;
    item.provider = provider;
    item.providerTxnId = providerTxnId;
    item.amountVnd = amountVnd;
    item.receiptNo = receiptNo;
    Map<String, String> shares = new LinkedHashMap<>();
    allocation.forEach((id, vnd) -> shares.put(id, Long.toString(vnd)));
    item.allocations = shares;
    item.at = at.toString();
    return TransactWriteItem.builder().put(Put.builder()
        .tableName(dynamo.tableName())
        .item(CreditItem.SCHEMA.itemToMap(item, true))
        .conditionExpression("attribute_not_exists(pk)")
        .build()).build();
  }

  private TransactWriteItem creditInvoice(InvoiceItem invoice, long share, String creditRef) {
    long paid = invoice.paidVnd + share;
    String status = paid == invoice.amountVnd ? "PAID" : "OPEN";
    return TransactWriteItem.builder().update(Update.builder()
        .tableName(dynamo.tableName())
        .key(key(invoice.pk, invoice.sk))
        .updateExpression("SET paidVnd = :paid, #status = :status, version = version + :one, "
            + "credits = list_append(if_not_exists(credits, :none), :credit)")
        .conditionExpression("version = :version AND #status = :open AND paidVnd = :before")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(
            ":paid", n(paid), ":status", s(status), ":one", n(1), ":none", AttributeValue.fromL(List.of()),
            ":credit", AttributeValue.fromL(List.of(s(creditRef))), ":version", n(invoice.version),
            ":open", s("OPEN"), ":before", n(invoice.paidVnd)))
        .build()).build();
  }

  private TransactWriteItem settlePayment(PaymentItem payment, Payment.State next, long credited, String providerTxnId,
      Instant at) {
    String update = "SET #state = :next, creditedVnd = :credited, providerTxnId = :txn, settledAt = :at, "
        + "version = version + :one" + (next.isFinal() ? " REMOVE gsi1pk, gsi1sk" : "");
    return TransactWriteItem.builder().update(Update.builder()
        .tableName(dynamo.tableName())
        .key(key(payment.pk, payment.sk))
        .updateExpression(update)
        .conditionExpression("version = :version")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(
            ":next", s(next.name()), ":credited", n(credited), ":txn", s(providerTxnId), ":at", s(at.toString()),
            ":one", n(1), ":version", n(payment.version)))
        .build()).build();
  }

  Optional<PaymentItem> paymentItem(String schoolId, String paymentId) {
    if (!Ids.isValid(paymentId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(get(payments, Keys.payment(schoolId, paymentId), Keys.PAYMENT));
  }

  Map<String, InvoiceItem> invoicesOf(String schoolId, List<String> invoiceIds) {
    List<Key> keys = invoiceIds.stream()
        .map(id -> Key.builder().partitionValue(Keys.invoice(schoolId, id)).sortValue(Keys.INVOICE).build()).toList();
    Map<String, InvoiceItem> byId = new HashMap<>();
    Reads.batchGet(dynamo.enhanced(), invoices, keys).forEach(i -> byId.put(i.invoiceId, i));
    return byId;
  }

  /** The provider transaction (receipt) item of a credit reference {@code provider|txnKey} in an invoice's credits. */
  Optional<CreditItem> creditOf(String schoolId, String creditRef) {
    int bar = creditRef.indexOf('|');
    return Optional.ofNullable(get(credits,
        Keys.providerTxn(schoolId, creditRef.substring(0, bar), creditRef.substring(bar + 1)), Keys.REF));
  }

  static Payment toPayment(PaymentItem item) {
    return new Payment(item.paymentId, item.schoolId, Payment.Method.valueOf(item.method),
        Payment.State.valueOf(item.state), item.amountVnd, item.creditedVnd, item.invoiceIds, item.studentIds,
        item.paymentId, null, item.providerTxnId,
        vn.lienlac.model.common.SchoolTime.show(Instant.parse(item.createdAt)),
        item.settledAt == null ? null : vn.lienlac.model.common.SchoolTime.show(Instant.parse(item.settledAt)));
  }

  /** A strongly consistent GetItem of one key, or null. */
  static <T> T get(DynamoDbTable<T> table, String pk, String sk) {
    return table.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(pk).sortValue(sk).build()).consistentRead(true).build());
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(5L + new Random().nextInt(10 + 20 * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while crediting", e);
    }
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
