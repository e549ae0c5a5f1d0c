package vn.lienlac.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON Lambda sends to non-HTTP functions, for the emulation harness: an SQS event source
 * mapping's batch, and EventBridge's scheduled event. (API Gateway's: {@link ApiGatewayEvent}.)
 */
public final class LambdaEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaEvents() {}

  /**
   * A batch as the SQS event source mapping sends it: one record per entry (message id → body),
   * in order, each received for the {@code receiveCount}-th time from {@code queueName}.
   */
  public static String sqs(String queueName, Map<String, String> bodiesByMessageId, int receiveCount) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    long now = Instant.now().toEpochMilli();
    bodiesByMessageId.forEach((messageId, body) -> {
      ObjectNode record = records.addObject();
      record.put("messageId", messageId);
      record.put("receiptHandle", UUID.randomUUID().toString());
      record.put("body", body);
      ObjectNode attributes = record.putObject("attributes");
      attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
      attributes.put("SentTimestamp", Long.toString(now));
      attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
      attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
      record.putObject("messageAttributes");
      record.put("md5OfBody", md5(body));
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", "arn:aws:sqs:" + LambdaSandbox.REGION + ":" + LambdaSandbox.ACCOUNT + ":" + queueName);
      record.put("awsRegion", LambdaSandbox.REGION);
    });
    return event.toString();
  }

  /** EventBridge's "Scheduled Event" for a rule, at {@code time}. */
  public static String schedule(String ruleName, Instant time) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", LambdaSandbox.ACCOUNT);
    event.put("time", time.toString());
    event.put("region", LambdaSandbox.REGION);
    event.putArray("resources").add("arn:aws:events:" + LambdaSandbox.REGION + ":" + LambdaSandbox.ACCOUNT + ":rule/"
        + ruleName);
    event.putObject("detail");
    return event.toString();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
