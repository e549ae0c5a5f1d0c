package vn.lienlac.functions.platform;

import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Conditions shared by every write: nothing in this table is written unconditionally. */
public final class Writes {
  /** Create, never overwrite: the item must not exist yet. */
  public static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

  private Writes() {}

  /** True when a transaction was cancelled because one of its conditions did not hold. */
  public static boolean failedOnCondition(TransactionCanceledException e) {
    return e.hasCancellationReasons() && e.cancellationReasons().stream()
        .map(CancellationReason::code)
        .anyMatch("ConditionalCheckFailed"::equals);
  }

  /** True when a transaction was cancelled because another transaction was writing the same item. */
  public static boolean conflicted(TransactionCanceledException e) {
    return e.hasCancellationReasons() && e.cancellationReasons().stream()
        .map(CancellationReason::code)
        .anyMatch("TransactionConflict"::equals);
  }
}
