/** push-dispatch-fn: domain events from SQS to FCM through firebase-admin (its own artifact). */
package vn.lienlac.functions.push;
