package vn.lienlac.model.payments;

/**
 * {@code GET /v1/payments/{paymentId}/vietqr}: what a banking app needs to pay a VIETQR payment —
 * the EMVCo payload (to draw or scan; the same route answers a PNG with {@code Accept: image/png} or
 * {@code ?format=png}), and the same facts spelt out for a manual transfer.
 */
public record VietQrCode(String paymentId, String reference, String bin, String account, String accountName,
    long amountVnd, String payload) {}
