/**
 * The Lienlac client: JavaFX with Gluon Attach, no Glisten. A placeholder for now: one window that
 * says the app is under construction. {@link vn.lienlac.app.Main} starts it; {@link
 * vn.lienlac.app.AppText} chooses its language without the JavaFX toolkit; {@link
 * vn.lienlac.app.DeviceServices} holds every Attach call, each with a desktop fallback.
 */
package vn.lienlac.app;
