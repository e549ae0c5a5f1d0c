package vn.lienlac.functions.payments;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/**
 * {@code pk = S#{school}#BANKTXN, sk = TXN#{provider}#{txnKey}}: a bank transaction that was not
 * credited automatically (docs/ARCHITECTURE.md §3). While OPEN it is also on gsi1
 * {@code S#{school}#BANKTXN#OPEN} / {@code {receivedAt}#{provider}#{txnKey}} (the staff's list,
 * oldest first); resolving removes it from there. Put with {@code attribute_not_exists}, so a
 * redelivered notification parks nothing twice.
 */
final class BankReviewItem extends Item {
  static final String TYPE = "BankTransfer";
  static final TableSchema<BankReviewItem> SCHEMA = ItemSchema.of(BankReviewItem.class, BankReviewItem::new)
      .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
      .string("reviewId", i -> i.reviewId, (i, v) -> i.reviewId = v)
      .string("provider", i -> i.provider, (i, v) -> i.provider = v)
      .string("transactionId", i -> i.transactionId, (i, v) -> i.transactionId = v)
      .attribute(Boolean.class, "incoming", i -> i.incoming, (i, v) -> i.incoming = v)
      .attribute(Long.class, "amountVnd", i -> i.amountVnd, (i, v) -> i.amountVnd = v)
      .string("note", i -> i.note, (i, v) -> i.note = v)
      .string("accountNumber", i -> i.accountNumber, (i, v) -> i.accountNumber = v)
      .string("bankReference", i -> i.bankReference, (i, v) -> i.bankReference = v)
      .string("occurredAt", i -> i.occurredAt, (i, v) -> i.occurredAt = v)
      .string("receivedAt", i -> i.receivedAt, (i, v) -> i.receivedAt = v)
      .string("reason", i -> i.reason, (i, v) -> i.reason = v)
      .strings("candidates", i -> i.candidates, (i, v) -> i.candidates = v)
      .string("status", i -> i.status, (i, v) -> i.status = v)
      .string("paymentId", i -> i.paymentId, (i, v) -> i.paymentId = v)
      .string("dismissReason", i -> i.dismissReason, (i, v) -> i.dismissReason = v)
      .string("resolvedBy", i -> i.resolvedBy, (i, v) -> i.resolvedBy = v)
      .string("resolvedAt", i -> i.resolvedAt, (i, v) -> i.resolvedAt = v)
      .version(i -> i.version, (i, v) -> i.version = v)
      .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
      .build();

  String schoolId;
  String reviewId;
  String provider;
  String transactionId;
  Boolean incoming;
  Long amountVnd;
  String note;
  String accountNumber;
  String bankReference;
  String occurredAt;
  String receivedAt;
  String reason;
  List<String> candidates;
  String status;
  String paymentId;
  String dismissReason;
  String resolvedBy;
  String resolvedAt;
  Long version;
  String gsi1pk;
  String gsi1sk;
}
