package vn.lienlac.functions.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.payments.PaymentItems.PaymentItem;
import vn.lienlac.functions.payments.bank.BankConfig;
import vn.lienlac.functions.payments.bank.BankTransaction;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.payments.BankTransfer;
import vn.lienlac.model.payments.PaymentReference;

/**
 * Bank-transfer reconciliation (docs/ARCHITECTURE.md §4): each verified bank transaction is either
 * credited once through {@link PaymentLedger#credit} (reference found in the note, the payment
 * exists, the amount fits) or parked in the school's review queue ({@link BankReviewItem}), which
 * staff list and resolve by hand. Nothing is dropped; nothing is credited twice: the ledger's
 * provider-transaction item is the uniqueness condition, and a parked transaction is put with
 * {@code attribute_not_exists}.
 */
final class BankReconciler {
  /** What happened to one bank transaction. */
  enum Outcome { CREDITED, ALREADY_CREDITED, PARKED, ALREADY_PARKED }

  /** At most this many references of one note are looked up (a note is ≤ 500 characters). */
  private static final int MAX_LOOKUPS = 5;
  private final Dynamo dynamo;
  private final PaymentLedger ledger;
  private final Clock clock;
  private final DynamoDbTable<BankReviewItem> reviews;
  private final DynamoDbTable<PaymentItem> payments;

  BankReconciler(Dynamo dynamo, PaymentLedger ledger, Clock clock) {
    this.dynamo = dynamo;
    this.ledger = ledger;
    this.clock = clock;
    this.reviews = dynamo.enhanced().table(dynamo.tableName(), BankReviewItem.SCHEMA);
    this.payments = dynamo.enhanced().table(dynamo.tableName(), PaymentItem.SCHEMA);
  }

  /** Credits or parks one verified transaction of {@code school}'s account. */
  Outcome process(BankConfig.School school, BankTransaction tx) {
    String schoolId = school.schoolId();
    if (!tx.incoming()) {
      return park(schoolId, tx, BankTransfer.Reason.OUTGOING, List.of());
    }
    if (school.account() != null && tx.accountNumber() != null && !tx.accountNumber().isBlank()
        && !PaymentReference.normalise(school.account()).equals(PaymentReference.normalise(tx.accountNumber()))) {
      return park(schoolId, tx, BankTransfer.Reason.WRONG_ACCOUNT, List.of());
    }
    List<String> candidates = PaymentReference.find(tx.note()).stream().limit(MAX_LOOKUPS).toList();
    List<String> existing = candidates.stream().filter(ref -> ledger.paymentItem(schoolId, ref).isPresent()).toList();
    if (existing.size() != 1) {
      BankTransfer.Reason reason = existing.size() > 1 ? BankTransfer.Reason.AMBIGUOUS_REFERENCE
          : candidates.isEmpty() ? BankTransfer.Reason.NO_REFERENCE : BankTransfer.Reason.UNKNOWN_REFERENCE;
      return park(schoolId, tx, reason, candidates);
    }
    PaymentLedger.Result result = ledger.credit(schoolId, existing.getFirst(), tx.amountVnd(), tx.provider(), tx.id(),
        PaymentLedger.Rule.UP_TO_OUTSTANDING, clock.instant());
    return switch (result.outcome()) {
      case CREDITED -> Outcome.CREDITED;
      case ALREADY_CONFIRMED -> creditedAmount(schoolId, tx).map(amount -> amount == tx.amountVnd())
          .orElse(true) ? Outcome.ALREADY_CREDITED
          : park(schoolId, tx, BankTransfer.Reason.DUPLICATE_DIFFERENT_AMOUNT, existing);
      case NOT_FOUND -> park(schoolId, tx, BankTransfer.Reason.UNKNOWN_REFERENCE, candidates);
      case MISMATCH -> park(schoolId, tx, BankTransfer.Reason.WRONG_AMOUNT, existing);
    };
  }

  /** A signed notification we could not read: parked whole (cut to 500 characters), keyed by its digest. */
  Outcome parkUnreadable(String schoolId, String provider, String rawBody) {
    String id = "body-" + PaymentLedger.txnKey("x" + rawBody).substring(1, 25);
    String note = rawBody.length() > 500 ? rawBody.substring(0, 500) : rawBody;
    return park(schoolId, new BankTransaction(provider, id, true, 0, note, null, null, null),
        BankTransfer.Reason.UNREADABLE, List.of());
  }

  private Optional<Long> creditedAmount(String schoolId, BankTransaction tx) {
    return ledger.creditOf(schoolId, tx.provider() + "|" + PaymentLedger.txnKey(tx.id())).map(c -> c.amountVnd);
  }

  private Outcome park(String schoolId, BankTransaction tx, BankTransfer.Reason reason, List<String> candidates) {
    String key = PaymentLedger.txnKey(tx.id());
    BankReviewItem item = newItem(schoolId, tx, key, reason, candidates);
    try {
      reviews.putItem(PutItemEnhancedRequest.builder(BankReviewItem.class).item(item)
          .conditionExpression(Writes.NOT_EXISTS).build());
      return Outcome.PARKED;
    } catch (ConditionalCheckFailedException e) {
      BankReviewItem first = get(schoolId, item.sk).orElseThrow();
      if (first.amountVnd.equals(item.amountVnd) || reason == BankTransfer.Reason.DUPLICATE_DIFFERENT_AMOUNT) {
        return Outcome.ALREADY_PARKED;
      }
      // The same bank transaction id, another amount: keep both for staff.
      BankReviewItem twin = newItem(schoolId, tx, key + "#" + tx.amountVnd(), BankTransfer.Reason.DUPLICATE_DIFFERENT_AMOUNT,
          candidates);
      try {
        reviews.putItem(PutItemEnhancedRequest.builder(BankReviewItem.class).item(twin)
            .conditionExpression(Writes.NOT_EXISTS).build());
        return Outcome.PARKED;
      } catch (ConditionalCheckFailedException again) {
        return Outcome.ALREADY_PARKED;
      }
    }
  }

  private BankReviewItem newItem(String schoolId, BankTransaction tx, String key, BankTransfer.Reason reason,
      List<String> candidates) {
    Instant now = clock.instant();
    BankReviewItem item = new BankReviewItem();
    item.pk = Keys.bankTransfers(schoolId);
    item.sk = Keys.BANK_TRANSACTION + tx.provider() + "#" + key;
    item.type = BankReviewItem.TYPE;
    item.schoolId = schoolId;
    item.reviewId = reviewId(tx.provider(), key);
    item.provider = tx.provider();
    item.transactionId = tx.id();
    item.incoming = tx.incoming();
    item.amountVnd = tx.amountVnd();
    item.note = tx.note();
    item.accountNumber = tx.accountNumber();
    item.bankReference = tx.bankReference();
    item.occurredAt = tx.occurredAt();
    item.receivedAt = now.toString();
    item.reason = reason.name();
    item.candidates = candidates.isEmpty() ? null : candidates;
    item.status = BankTransfer.Status.OPEN.name();
    item.gsi1pk = Keys.openBankTransfers(schoolId);
    item.gsi1sk = now + "#" + tx.provider() + "#" + key;
    return item;
  }

  /** {@code sepay-92704}: the API id of a parked transaction (an {@link Ids}-valid id, '#' becomes '.'). */
  static String reviewId(String provider, String key) {
    return provider.toLowerCase(Locale.ROOT) + "-" + key.replace('#', '.');
  }

  private static String sortKey(String reviewId) {
    int dash = reviewId.indexOf('-');
    return Keys.BANK_TRANSACTION + reviewId.substring(0, dash).toUpperCase(Locale.ROOT) + "#"
        + reviewId.substring(dash + 1).replace('.', '#');
  }

  /** The school's open parked transactions, oldest first (gsi1), or every one (newest first). */
  List<BankTransfer> list(String schoolId, boolean openOnly) {
    List<BankTransfer> out = new ArrayList<>();
    if (openOnly) {
      reviews.index(Keys.GSI1).query(QueryEnhancedRequest.builder()
              .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.openBankTransfers(schoolId))))
              .limit(200).build())
          .stream().limit(1).forEach(page -> page.items().forEach(i -> out.add(toDto(i))));
    } else {
      reviews.query(QueryEnhancedRequest.builder()
              .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(Keys.bankTransfers(schoolId))
                  .sortValue(Keys.BANK_TRANSACTION)))
              .limit(200).build())
          .stream().limit(1).forEach(page -> page.items().forEach(i -> out.add(toDto(i))));
      out.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    }
    return out;
  }

  /** One parked transaction; 404 when the id is not one of this school's. */
  BankReviewItem item(String schoolId, String reviewId) {
    if (!Ids.isValid(reviewId) || reviewId.indexOf('-') < 1) {
      throw new ApiException.NotFound();
    }
    return get(schoolId, sortKey(reviewId)).orElseThrow(ApiException.NotFound::new);
  }

  /**
   * Resolves an OPEN parked transaction, audited. ASSIGN credits it through the ledger with the
   * bank's own transaction id (so it is credited once, whoever comes second) and closes the item
   * and writes the audit in the same transaction; DISMISS closes it with the reason.
   */
  BankTransfer resolve(Caller caller, BankReviewItem item, BankTransfer.Resolution resolution, String requestId) {
    Validation check = new Validation();
    check.required("action", resolution.action());
    check.version("version", resolution.version());
    String reason = null;
    if (resolution.action() == BankTransfer.Resolution.Action.DISMISS) {
      reason = check.text("reason", resolution.reason(), 300, true);
    }
    if (resolution.action() == BankTransfer.Resolution.Action.ASSIGN
        && (resolution.paymentId() == null) == (resolution.invoiceId() == null)) {
      check.add(Violation.of("paymentId", "payments.bank.paymentOrInvoice"));
    }
    if (resolution.paymentId() != null && !Ids.isValid(resolution.paymentId())) {
      check.add(Violation.of("paymentId", "payments.badId", resolution.paymentId()));
    }
    if (resolution.invoiceId() != null && !Ids.isValid(resolution.invoiceId())) {
      check.add(Violation.of("invoiceId", "payments.badId", resolution.invoiceId()));
    }
    if (!check.isValid()) {
      throw new ApiException.Invalid(check.violations());
    }
    if (!BankTransfer.Status.OPEN.name().equals(item.status)
        || (resolution.version() != null && !resolution.version().equals(item.version))) {
      throw new ApiException.Conflict(item.version, "payments.bank.resolvedMeanwhile");
    }
    Instant now = clock.instant();
    String schoolId = item.schoolId;
    if (resolution.action() == BankTransfer.Resolution.Action.DISMISS) {
      try {
        dynamo.client().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
            close(item, BankTransfer.Status.DISMISSED, null, reason, caller, now),
            audit(item, caller, "DISMISS", reason, now, requestId)).build());
      } catch (TransactionCanceledException e) {
        throw new ApiException.Conflict(item.version, "payments.bank.resolvedMeanwhile");
      }
      return toDto(get(schoolId, item.sk).orElseThrow());
    }
    if (!item.incoming || item.amountVnd == null || item.amountVnd <= 0) {
      throw new ApiException.Conflict("payments.bank.notCreditable");
    }
    String paymentId = resolution.paymentId() != null ? resolution.paymentId()
        : openPaymentOf(schoolId, resolution.invoiceId());
    PaymentLedger.Result result = ledger.credit(schoolId, paymentId, item.amountVnd, item.provider, item.transactionId,
        PaymentLedger.Rule.UP_TO_OUTSTANDING, now, List.of(
            close(item, BankTransfer.Status.ASSIGNED, paymentId, null, caller, now),
            audit(item, caller, "ASSIGN", paymentId, now, requestId)));
    return switch (result.outcome()) {
      case CREDITED -> toDto(get(schoolId, item.sk).orElseThrow());
      case NOT_FOUND -> throw new ApiException.Invalid(List.of(Violation.of("paymentId", "payments.bank.noSuchPayment", paymentId)));
      case MISMATCH -> throw new ApiException.Conflict("payments.bank.amountDoesNotFit");
      case ALREADY_CONFIRMED -> throw new ApiException.Conflict("payments.bank.alreadyCredited");
    };
  }

  /** The one unsettled payment that includes this invoice (open payments of the school, gsi1). */
  private String openPaymentOf(String schoolId, String invoiceId) {
    List<String> found = new ArrayList<>();
    payments.index(Keys.GSI1).query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.openPayments(schoolId)))).build())
        .stream().limit(20).forEach(page -> page.items().stream()
            .filter(p -> p.invoiceIds != null && p.invoiceIds.contains(invoiceId))
            .forEach(p -> found.add(p.paymentId)));
    Set<String> distinct = new java.util.LinkedHashSet<>(found);
    if (distinct.size() != 1) {
      throw new ApiException.Invalid(List.of(Violation.of("invoiceId",
          distinct.isEmpty() ? "payments.bank.noOpenPayment" : "payments.bank.severalOpenPayments", invoiceId)));
    }
    return distinct.iterator().next();
  }

  private TransactWriteItem close(BankReviewItem item, BankTransfer.Status status, String paymentId, String reason,
      Caller caller, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", s(status.name()));
    values.put(":open", s(BankTransfer.Status.OPEN.name()));
    values.put(":by", s(caller.subject()));
    values.put(":at", s(now.toString()));
    values.put(":version", n(item.version));
    values.put(":next", n(item.version + 1));
    StringBuilder set = new StringBuilder("SET #status = :status, resolvedBy = :by, resolvedAt = :at, version = :next");
    if (paymentId != null) {
      set.append(", paymentId = :payment");
      values.put(":payment", s(paymentId));
    }
    if (reason != null) {
      set.append(", dismissReason = :reason");
      values.put(":reason", s(reason));
    }
    return TransactWriteItem.builder().update(Update.builder()
        .tableName(dynamo.tableName())
        .key(Map.of(Keys.PK, s(item.pk), Keys.SK, s(item.sk)))
        .updateExpression(set + " REMOVE gsi1pk, gsi1sk")
        .conditionExpression("#status = :open AND version = :version")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(values)
        .build()).build();
  }

  private TransactWriteItem audit(BankReviewItem item, Caller caller, String action, String detail, Instant now,
      String requestId) {
    Map<String, AttributeValue> audit = new HashMap<>();
    audit.put(Keys.PK, s(item.pk));
    audit.put(Keys.SK, s(Keys.BANK_AUDIT + now + "#" + requestId));
    audit.put("type", s("BankTransferAudit"));
    audit.put("reviewId", s(item.reviewId));
    audit.put("actor", s(caller.subject()));
    audit.put("action", s(action));
    audit.put("detail", s(detail));
    audit.put("at", s(now.toString()));
    return TransactWriteItem.builder().put(Put.builder().tableName(dynamo.tableName()).item(audit)
        .conditionExpression("attribute_not_exists(pk)").build()).build();
  }

  private Optional<BankReviewItem> get(String schoolId, String sortKey) {
    return Optional.ofNullable(reviews.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(Keys.bankTransfers(schoolId)).sortValue(sortKey).build())
        .consistentRead(true).build()));
  }

  static BankTransfer toDto(BankReviewItem i) {
    return new BankTransfer(i.reviewId, i.provider, i.transactionId, Boolean.TRUE.equals(i.incoming), i.amountVnd,
        i.note, i.accountNumber, i.bankReference, i.occurredAt, SchoolTime.show(Instant.parse(i.receivedAt)),
        BankTransfer.Reason.valueOf(i.reason), i.candidates, BankTransfer.Status.valueOf(i.status), i.paymentId,
        i.dismissReason, i.resolvedBy, i.resolvedAt == null ? null : SchoolTime.show(Instant.parse(i.resolvedAt)),
        i.version);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  private static AttributeValue n(long value) {
    return AttributeValue.builder().n(Long.toString(value)).build();
  }
}
