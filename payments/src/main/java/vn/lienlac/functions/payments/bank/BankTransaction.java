package vn.lienlac.functions.payments.bank;

/**
 * One bank transaction as a notification service (SePay, Casso) reports it, in our terms.
 *
 * @param provider {@code SEPAY} or {@code CASSO}
 * @param id the provider's id of the transaction: what we deduplicate on
 * @param incoming money in ({@code false}: an outgoing transfer, which is never credited)
 * @param amountVnd the amount, positive, whole VND
 * @param note the transfer note as the bank wrote it (content/description)
 * @param accountNumber the school's account the transaction is on
 * @param bankReference the bank's own reference (FT…), for the receipt and staff
 * @param occurredAt the bank's time of the transaction, as the provider wrote it (Vietnam time)
 */
public record BankTransaction(String provider, String id, boolean incoming, long amountVnd, String note,
    String accountNumber, String bankReference, String occurredAt) {}
