package vn.lienlac.functions.payments;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.lienlac.model.payments.Payment;

/**
 * VNPay's IPN (server to server, GET, signed): checks in VNPay's order — signature (97), order
 * (01), amount (04), already confirmed (02) — then records success or failure (00); anything
 * unexpected is 99, and VNPay retries. It answers VNPay's JSON {@code {RspCode, Message}}, never a
 * problem+json: VNPay reads only that.
 */
public final class VnpayIpn {
  /** VNPay's answer. */
  public record Answer(String RspCode, String Message) {
    static Answer of(String code) {
      return new Answer(code, switch (code) {
        case "00" -> "Confirm Success";
        case "01" -> "Order not found";
        case "02" -> "Order already confirmed";
        case "04" -> "Invalid amount";
        case "97" -> "Invalid signature";
        default -> "Unknown error";
      });
    }
  }

  private final PaymentLedger ledger;
  private final Supplier<VnpayConfig> config;
  private final Clock clock;

  public VnpayIpn(PaymentLedger ledger, Supplier<VnpayConfig> config, Clock clock) {
    this.ledger = ledger;
    this.config = config;
    this.clock = clock;
  }

  public Answer handle(Map<String, String> parameters) {
    try {
      if (!signed(parameters)) {
        return Answer.of("97");
      }
      Optional<VnpayConfig.Merchant> merchant = config.get().byTmnCode(parameters.get("vnp_TmnCode"));
      if (merchant.isEmpty() || !Vnpay.verify(merchant.get().hashSecret(), parameters)) {
        return Answer.of("97");
      }
      String schoolId = merchant.get().schoolId();
      String txnRef = parameters.get("vnp_TxnRef");
      Optional<Payment> payment = txnRef == null ? Optional.empty() : ledger.payment(schoolId, txnRef);
      if (payment.isEmpty() || payment.get().method() != Payment.Method.VNPAY) {
        return Answer.of("01");
      }
      Long amount = vnpAmount(parameters.get("vnp_Amount"));
      if (amount == null || amount != payment.get().amountVnd()) {
        return Answer.of("04");
      }
      boolean success = "00".equals(parameters.get("vnp_ResponseCode"))
          && "00".equals(parameters.get("vnp_TransactionStatus"));
      Payment.State state = payment.get().state();
      if (state == Payment.State.SUCCEEDED || state == Payment.State.REVIEW || (!success && state.isFinal())) {
        ledger.repairNotification(schoolId, txnRef);
        return Answer.of("02");
      }
      if (!success) {
        String why = "VNPay " + parameters.getOrDefault("vnp_ResponseCode", "?") + "/"
            + parameters.getOrDefault("vnp_TransactionStatus", "?");
        return Answer.of(ledger.fail(schoolId, txnRef, Payment.State.FAILED, why, clock.instant()) ? "00" : "02");
      }
      String transactionNo = parameters.getOrDefault("vnp_TransactionNo", "");
      PaymentLedger.Result result = ledger.credit(schoolId, txnRef, amount, "VNPAY",
          transactionNo.isEmpty() ? txnRef : transactionNo, PaymentLedger.Rule.EXACT, clock.instant());
      return Answer.of(switch (result.outcome()) {
        case CREDITED -> "00";
        case ALREADY_CONFIRMED -> "02";
        case NOT_FOUND -> "01";
        case MISMATCH -> "04";
      });
    } catch (RuntimeException e) {
      return Answer.of("99");
    }
  }

  /**
   * Whether the request carries a signature and a merchant at all: without them it is answered
   * (97) without reading the merchants' secret (so priming and probes never fetch it).
   */
  private static boolean signed(Map<String, String> parameters) {
    String hash = parameters.get("vnp_SecureHash");
    String tmn = parameters.get("vnp_TmnCode");
    return hash != null && hash.matches("[0-9a-fA-F]{128}") && tmn != null && !tmn.isEmpty();
  }

  /** vnp_Amount (VND × 100) as VND; null when it is not a whole number of đồng. */
  static Long vnpAmount(String raw) {
    if (raw == null || !raw.matches("\\d{1,18}")) {
      return null;
    }
    long value = Long.parseLong(raw);
    return value % 100 == 0 ? value / 100 : null;
  }

  /** What the return page shows: the signature checked, the payment's state read, nothing credited. */
  public Map<String, Object> result(Map<String, String> parameters) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<VnpayConfig.Merchant> merchant = signed(parameters)
        ? config.get().byTmnCode(parameters.get("vnp_TmnCode")) : Optional.empty();
    boolean signed = merchant.isPresent() && Vnpay.verify(merchant.get().hashSecret(), parameters);
    out.put("signatureValid", signed);
    if (signed) {
      String txnRef = parameters.get("vnp_TxnRef");
      out.put("paymentId", txnRef);
      out.put("responseCode", parameters.get("vnp_ResponseCode"));
      ledger.payment(merchant.get().schoolId(), txnRef == null ? "" : txnRef).ifPresent(p -> {
        out.put("state", p.state().name());
        out.put("amountVnd", p.amountVnd());
      });
    }
    return out;
  }
}
