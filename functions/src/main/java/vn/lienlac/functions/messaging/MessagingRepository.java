package vn.lienlac.functions.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.messaging.MessagingItems.ClientMessageItem;
import vn.lienlac.functions.messaging.MessagingItems.ConversationItem;
import vn.lienlac.functions.messaging.MessagingItems.MessageItem;
import vn.lienlac.functions.messaging.MessagingItems.OfficeHoursItem;
import vn.lienlac.functions.messaging.MessagingItems.ParticipantItem;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;

/**
 * Conversations, participants, messages and office hours: the only code that knows their items
 * and keys. Every read is a GetItem, a Query on one conversation or one inbox, or a BatchGetItem
 * of known keys; every write is conditional.
 */
final class MessagingRepository {
  private static final Expression EXISTS = Expression.builder().expression("attribute_exists(pk)").build();

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<ConversationItem> conversations;
  private final DynamoDbTable<ParticipantItem> participants;
  private final DynamoDbIndex<ParticipantItem> inboxes;
  private final DynamoDbTable<MessageItem> messages;
  private final DynamoDbTable<ClientMessageItem> clientIds;
  private final DynamoDbTable<OfficeHoursItem> officeHours;

  MessagingRepository(Dynamo dynamo) {
    this.enhanced = dynamo.enhanced();
    this.conversations = enhanced.table(dynamo.tableName(), ConversationItem.SCHEMA);
    this.participants = enhanced.table(dynamo.tableName(), ParticipantItem.SCHEMA);
    this.inboxes = participants.index(Keys.GSI1);
    this.messages = enhanced.table(dynamo.tableName(), MessageItem.SCHEMA);
    this.clientIds = enhanced.table(dynamo.tableName(), ClientMessageItem.SCHEMA);
    this.officeHours = enhanced.table(dynamo.tableName(), OfficeHoursItem.SCHEMA);
  }

  /** A20: the conversation. */
  Optional<ConversationItem> conversation(String schoolId, String conversationId) {
    return Optional.ofNullable(get(conversations, Keys.conversation(schoolId, conversationId), Keys.CONVERSATION));
  }

  /** A21: one participant of a conversation (is the caller in it?). */
  Optional<ParticipantItem> participant(String schoolId, String conversationId, String subject) {
    return Optional.ofNullable(get(participants, Keys.conversation(schoolId, conversationId), Keys.PARTICIPANT + subject));
  }

  /** A22: every participant of a conversation, with their read state. */
  List<ParticipantItem> participants(String schoolId, String conversationId) {
    return query(participants, Keys.conversation(schoolId, conversationId), Keys.PARTICIPANT);
  }

  /** A23: a person's FAMILY and STAFF conversations, latest activity first: one Query on gsi1. */
  List<ParticipantItem> inbox(String subject, int limit) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.inbox(subject)).build()))
        .scanIndexForward(false)
        .limit(limit)
        .build();
    return first(inboxes.query(request), limit);
  }

  /** A24: class channels by id, and the caller's read state in them: one BatchGetItem each. */
  List<ConversationItem> conversations(String schoolId, Collection<String> conversationIds) {
    return Reads.batchGet(enhanced, conversations, conversationIds.stream().distinct()
        .map(id -> key(Keys.conversation(schoolId, id), Keys.CONVERSATION)).toList());
  }

  List<ParticipantItem> participantsOf(String subject, Map<String, String> schoolByConversation) {
    return Reads.batchGet(enhanced, participants, schoolByConversation.entrySet().stream()
        .map(e -> key(Keys.conversation(e.getValue(), e.getKey()), Keys.PARTICIPANT + subject)).toList());
  }

  /** A25: messages older than {@code beforeSeq} (all when null), newest first, at most {@code limit}. */
  List<MessageItem> messages(String schoolId, String conversationId, Long beforeSeq, int limit) {
    String pk = Keys.conversation(schoolId, conversationId);
    QueryConditional condition = beforeSeq == null
        ? QueryConditional.sortBeginsWith(key(pk, Keys.MESSAGE))
        : QueryConditional.sortBetween(key(pk, Keys.message(1)), key(pk, Keys.message(beforeSeq - 1)));
    var request = QueryEnhancedRequest.builder().queryConditional(condition)
        .scanIndexForward(false).limit(limit).consistentRead(true).build();
    return first(messages.query(request), limit);
  }

  /** The first {@code limit} items of a Query's pages (reading no page beyond them). */
  private static <T> List<T> first(Iterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages, int limit) {
    List<T> found = new ArrayList<>();
    for (var page : pages) {
      for (T item : page.items()) {
        if (found.size() < limit) {
          found.add(item);
        }
      }
      if (found.size() >= limit) {
        break;
      }
    }
    return found;
  }

  Optional<MessageItem> message(String schoolId, String conversationId, long seq) {
    return Optional.ofNullable(get(messages, Keys.conversation(schoolId, conversationId), Keys.message(seq)));
  }

  /** A26: which message a client message id stored. */
  Optional<ClientMessageItem> clientMessage(String schoolId, String conversationId, String hash) {
    return Optional.ofNullable(get(clientIds, Keys.conversation(schoolId, conversationId), Keys.CLIENT_MESSAGE + hash));
  }

  /** A27: a teacher's office hours in a school. */
  Optional<OfficeHoursItem> officeHours(String schoolId, String subject) {
    return Optional.ofNullable(get(officeHours, Keys.teacher(schoolId, subject), Keys.OFFICE_HOURS));
  }

  /** Creates or replaces office hours, conditionally on the version read (the extension checks it). */
  boolean putOfficeHours(OfficeHoursItem item) {
    try {
      officeHours.putItem(item);
      return true;
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return false;
    }
  }

  /** Creates the conversation and its participants, all or nothing; false if it exists already. */
  boolean create(ConversationItem conversation, List<ParticipantItem> members) {
    var writes = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(conversations, TransactPutItemEnhancedRequest.builder(ConversationItem.class)
            .item(conversation).conditionExpression(Writes.NOT_EXISTS).build());
    members.forEach(m -> writes.addPutItem(participants, TransactPutItemEnhancedRequest.builder(ParticipantItem.class)
        .item(m).conditionExpression(Writes.NOT_EXISTS).build()));
    try {
      enhanced.transactWriteItems(writes.build());
      return true;
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        return false;
      }
      throw e;
    }
  }

  /** What a send writes together. */
  record Send(ConversationItem conversation, MessageItem message, ClientMessageItem clientId,
      List<ParticipantItem> updates, boolean upsertSender) {}

  /** The outcome of a send transaction. */
  enum Outcome { SENT, RETRY }

  /**
   * One transaction: the conversation (conditional on the version read: its seq goes up by one),
   * the message and the client-id record (both created, never overwritten), and each participant's
   * lastSeq / read state / inbox position (partial updates of existing participants; the sender's
   * own item in a class channel is created if needed). Cancelled (a concurrent send, or the
   * client id taken): RETRY, nothing written.
   */
  Outcome send(Send send) {
    var writes = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(conversations, TransactPutItemEnhancedRequest.builder(ConversationItem.class)
            .item(send.conversation()).build())
        .addPutItem(messages, TransactPutItemEnhancedRequest.builder(MessageItem.class)
            .item(send.message()).conditionExpression(Writes.NOT_EXISTS).build())
        .addPutItem(clientIds, TransactPutItemEnhancedRequest.builder(ClientMessageItem.class)
            .item(send.clientId()).conditionExpression(Writes.NOT_EXISTS).build());
    for (int i = 0; i < send.updates().size(); i++) {
      boolean upsert = send.upsertSender() && i == 0;
      var update = TransactUpdateItemEnhancedRequest.builder(ParticipantItem.class)
          .item(send.updates().get(i)).ignoreNulls(true);
      if (!upsert) {
        update.conditionExpression(EXISTS);
      }
      writes.addUpdateItem(participants, update.build());
    }
    try {
      enhanced.transactWriteItems(writes.build());
      return Outcome.SENT;
    } catch (TransactionCanceledException e) {
      if (Writes.failedOnCondition(e) || Writes.conflicted(e)) {
        return Outcome.RETRY;
      }
      throw e;
    }
  }

  /** Puts an edited message, conditionally on the version read; false when it changed meanwhile. */
  boolean edit(MessageItem message) {
    try {
      messages.putItem(PutItemEnhancedRequest.builder(MessageItem.class).item(message).conditionExpression(EXISTS).build());
      return true;
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return false;
    }
  }

  /**
   * Moves a participant's read mark forward to {@code item.readSeq} (never back: the condition
   * keeps it monotone), creating the participant item of a class-channel reader on first read.
   * False when the participant has read further already.
   */
  boolean markRead(ParticipantItem item, boolean mayCreate) {
    String condition = mayCreate
        ? "attribute_not_exists(readSeq) OR readSeq <= :seq"
        : "attribute_exists(pk) AND readSeq <= :seq";
    try {
      participants.updateItem(UpdateItemEnhancedRequest.builder(ParticipantItem.class).item(item).ignoreNulls(true)
          .conditionExpression(Expression.builder().expression(condition)
              .putExpressionValue(":seq", AttributeValue.fromN(Long.toString(item.readSeq))).build())
          .build());
      return true;
    } catch (ConditionalCheckFailedException readFurther) {
      return false;
    }
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  private static <T> T get(DynamoDbTable<T> table, String pk, String sk) {
    return table.getItem(GetItemEnhancedRequest.builder().key(key(pk, sk)).consistentRead(true).build());
  }

  private static <T> List<T> query(DynamoDbTable<T> table, String pk, String prefix) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(key(pk, prefix)))
        .consistentRead(true)
        .build();
    List<T> found = new ArrayList<>();
    table.query(request).items().forEach(found::add);
    return found;
  }
}
