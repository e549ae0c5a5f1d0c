package vn.lienlac.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * IAM in front of DynamoDB Local: a handler wrapped around DynamoDB Local's own (same port, same
 * Jetty, no extra hop) that takes the caller from the SigV4 {@code Authorization} header's
 * {@code Credential=<access key id>/...}, finds that function's template policy, and evaluates the
 * request as IAM would ({@link DynamoRequests}, {@link IamPolicy}). A refusal is answered as
 * DynamoDB answers it: HTTP 400, {@code com.amazon.coral.service#AccessDeniedException} with IAM's
 * message, so the SDK throws what it throws in AWS.
 *
 * <p>Access keys that name no function (the stack's admin key {@code local} that the seed, the
 * tests and the tools use) are not restricted. Explicit Deny statements are always enforced;
 * whether a request must also be allowed by an Allow statement (least privilege) is
 * {@link Enforcement#allowStatements}.
 */
public final class IamGate extends Handler.Wrapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";

  /** The policies by access key id, and whether Allow statements are enforced too. */
  public record Enforcement(Map<String, IamPolicy> policies, DynamoRequests requests, boolean allowStatements) {
    public static final Enforcement NONE = new Enforcement(Map.of(), null, false);
  }

  private volatile Enforcement enforcement = Enforcement.NONE;
  private final AtomicLong denied = new AtomicLong();
  private final AtomicLong evaluated = new AtomicLong();

  public IamGate(Handler handler) {
    super(handler);
  }

  public void enforce(Enforcement next) {
    this.enforcement = next;
  }

  public Enforcement enforcement() {
    return enforcement;
  }

  /** Requests evaluated against a function's policy since the start (refused or not). */
  public long evaluated() {
    return evaluated.get();
  }

  /** Requests refused since the start. */
  public long denied() {
    return denied.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Enforcement current = enforcement;
    IamPolicy policy = current.policies().isEmpty() ? null
        : current.policies().get(accessKeyId(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    String target = request.getHeaders().get("X-Amz-Target");
    if (policy == null || target == null || !target.startsWith(TARGET_PREFIX)) {
      return super.handle(request, response, callback);
    }
    evaluated.incrementAndGet();
    byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(request));
    Refusal refusal = authorize(current, policy, target.substring(TARGET_PREFIX.length()), body,
        region(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    if (refusal != null) {
      denied.incrementAndGet();
      deny(response, callback, refusal.message());
      return true;
    }
    return super.handle(new Replay(request, body), response, callback);
  }

  /** Why a request is refused: IAM's message. */
  public record Refusal(String action, String resource, boolean explicit, String message) {}

  /** Null when every check of the request passes; the first refusal otherwise. */
  static Refusal authorize(Enforcement enforcement, IamPolicy policy, String operation, byte[] body, String region) {
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (java.io.IOException e) {
      return null; // DynamoDB Local answers the malformed request itself
    }
    for (DynamoRequests.Check check : enforcement.requests().checks(operation, json)) {
      IamPolicy.Decision decision = policy.evaluate(check.action(), check.resource(), check.context());
      if (decision == IamPolicy.Decision.EXPLICIT_DENY
          || decision == IamPolicy.Decision.IMPLICIT_DENY && enforcement.allowStatements()) {
        return refusal(policy.principal(), check, decision == IamPolicy.Decision.EXPLICIT_DENY, region);
      }
    }
    return null;
  }

  /** IAM's wording, as AWS returns it to a Lambda function's role session. */
  static Refusal refusal(String principal, DynamoRequests.Check check, boolean explicit, String region) {
    String user = "arn:aws:sts::" + TemplatePolicies.ACCOUNT + ":assumed-role/lienlac-" + principal + "Role/" + principal;
    String message = "User: " + user + " is not authorized to perform: " + check.action() + " on resource: "
        + check.resource() + (explicit ? " with an explicit deny in an identity-based policy"
            : " because no identity-based policy allows the " + check.action() + " action");
    return new Refusal(check.action(), check.resource(), explicit, message);
  }

  private static void deny(Response response, Callback callback, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("__type", "com.amazon.coral.service#AccessDeniedException");
    error.put("Message", message);
    byte[] bytes = error.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    response.setStatus(400);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
    response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
    response.getHeaders().put("x-amz-crc32", Long.toString(crc.getValue()));
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** {@code AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/dynamodb/aws4_request, ...}. */
  static String accessKeyId(String authorization) {
    String[] scope = scope(authorization);
    return scope == null ? null : scope[0];
  }

  private static String region(String authorization) {
    String[] scope = scope(authorization);
    return scope == null || scope.length < 3 ? "ap-southeast-1" : scope[2];
  }

  private static String[] scope(String authorization) {
    if (authorization == null) {
      return null;
    }
    int start = authorization.indexOf("Credential=");
    if (start < 0) {
      return null;
    }
    int end = authorization.indexOf(',', start);
    return authorization.substring(start + "Credential=".length(), end < 0 ? authorization.length() : end).split("/");
  }

  /** The request with its body, already read, served again to DynamoDB Local's handler. */
  private static final class Replay extends Request.Wrapper {
    private Content.Chunk chunk;

    Replay(Request request, byte[] body) {
      super(request);
      this.chunk = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk next = chunk;
      chunk = Content.Chunk.EOF;
      return next;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }
}
