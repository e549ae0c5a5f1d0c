package vn.lienlac.functions.platform;

import java.util.Map;

/**
 * What a route answers, before it becomes API Gateway's response. JSON bodies are serialised by
 * {@link ApiFunction}; binary bodies (PDF, PNG, xlsx) go out base64-encoded as API Gateway expects.
 */
public record ApiResponse(int status, Object body, byte[] binary, String contentType, Map<String, String> headers) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body, null, "application/json", Map.of());
  }

  public static ApiResponse created(Object body, String location) {
    return new ApiResponse(201, body, null, "application/json", Map.of("location", location));
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null, null, null, Map.of());
  }

  public static ApiResponse binary(byte[] content, String contentType, Map<String, String> headers) {
    return new ApiResponse(200, null, content.clone(), contentType, headers);
  }
}
