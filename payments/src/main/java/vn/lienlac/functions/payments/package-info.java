/** payments-fn: fees, invoices, VNPay, VietQR, bank webhooks, receipts and reports (its own artifact). */
package vn.lienlac.functions.payments;
