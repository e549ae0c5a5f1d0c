/** The Lienlac client (JavaFX, Gluon Attach). A placeholder until the mobile-app issue. */
package vn.lienlac.app;
