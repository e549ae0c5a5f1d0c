package vn.lienlac.functions.platform;

/** One route of a function: parse, authorize, call the feature's service, respond. */
@FunctionalInterface
public interface Route {
  ApiResponse handle(ApiRequest request);
}
