/**
 * The typed client of the Lienlac HTTP API, shared by the mobile app and the integration tests.
 * Plain Java ({@code java.net.http}, Jackson, {@code shared-model} DTOs): no AWS, no JavaFX.
 */
package vn.lienlac.client;
