package vn.lienlac.functions.privacy.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.lienlac.functions.messaging.MessagingService;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Keys;

/**
 * Collects everything Lienlac holds about a person and, for a guardian, their children: every item read by
 * key (no Scan), written out whole with its table key ({@code pk}, {@code sk}) except where another family's
 * data would come along:
 * <ul>
 *   <li>the person's directory partition {@code USER#{sub}} (grants, consents, push settings, export jobs;
 *       devices without their raw token: the key keeps its SHA-256);
 *   <li>their sign-in account {@code PHONE#{e164}} / {@code ACCOUNT}, found through their children's roster
 *       entries (the account whose {@code sub} is theirs);
 *   <li>each child's partition {@code S#{school}#ST#{student}} whole (profile, enrolments, grades, conduct,
 *       competencies, leave requests, audits, roster entry), except the roster entry's guardian phones other
 *       than the person's own (a co-guardian's relationship and name stay: they are on the school's record of
 *       the child; their phone does not);
 *   <li>each child's leave request references, invoices (gsi1) with their audit, the receipts (provider
 *       transactions) and payments that credited them;
 *   <li>attendance: registers are per class, so of each register of the child's classes (over the child's
 *       enrolment periods) only the child's own entry ({@code statuses}/{@code notes} of that child, present
 *       otherwise), and of each register audit only the child's changes; never the roster of the class;
 *   <li>the access log of each child ({@code ACCESS#S#{school}#ST#{student}}), when there is one;
 *   <li>announcement receipts {@code S#{school}#ANN#ID#{id}} / {@code RECEIPT#{sub}} of the children's scopes;
 *   <li>conversations the person is a party to (their inbox, gsi1): every item but the client-message-id
 *       records; in class channels only the person's read mark and the messages they wrote.
 * </ul>
 * A teacher or staff member gets their directory partition, their office hours and the messages they wrote
 * in the conversations of their inbox and their class channels (a family's words are that family's).
 */
public final class ExportCollector {
  private final DynamoDbClient client;
  private final String table;

  public ExportCollector(Dynamo dynamo, java.time.Clock clock) {
    this.client = dynamo.client();
    this.table = dynamo.tableName();
  }

  /** The export: sections of items, each item with its table key ({@code pk}, {@code sk}). */
  public record Export(String subject, String exportId, Instant generatedAt,
      Map<String, List<Map<String, Object>>> sections) {

    /** Every exported key, {@code pk + " " + sk} (tests compare them with a table dump). */
    public Set<String> keys() {
      return sections.values().stream().flatMap(List::stream).map(i -> i.get("pk") + " " + i.get("sk"))
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
  }

  private record Child(String schoolId, String studentId) {}

  public Export collect(String subject, String exportId, Instant now) {
    Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
    for (String name : List.of("account", "children", "attendance", "leave", "payments", "announcements",
        "conversations", "accessLog")) {
      sections.put(name, new ArrayList<>());
    }
    List<Map<String, AttributeValue>> directory = query(Keys.user(subject), null);
    List<Child> children = new ArrayList<>();
    Set<String> staffSchools = new LinkedHashSet<>();
    Set<String> classChannels = new LinkedHashSet<>(); // school + "\n" + channel id
    for (Map<String, AttributeValue> item : directory) {
      String kind = text(item, "kind");
      if ("DEVICE".equals(kind)) {
        item = new HashMap<>(item);
        item.remove("token"); // the raw FCM token: the key keeps its hash
      }
      if ("CHILD".equals(kind)) {
        children.add(new Child(text(item, "schoolId"), text(item, "studentId")));
      } else if ("ROLE".equals(kind) && !"PARENT".equals(text(item, "role"))) {
        staffSchools.add(text(item, "schoolId"));
      } else if ("TEACHES".equals(kind) || "HOMEROOM".equals(kind)) {
        classChannels.add(text(item, "schoolId") + "\n"
            + MessagingService.classChannelId(text(item, "schoolId"), text(item, "classId")));
      }
      sections.get("account").add(json(item));
    }
    for (String schoolId : staffSchools) {
      get(Keys.teacher(schoolId, subject), Keys.OFFICE_HOURS).ifPresent(i -> sections.get("account").add(json(i)));
    }
    Set<String> phones = new LinkedHashSet<>();
    Map<String, String> ownPhone = new HashMap<>();
    for (Child child : children) {
      classChannels.addAll(child(subject, child, sections, phones));
    }
    for (String phone : phones) {
      get(Keys.phone(phone), Keys.ACCOUNT).filter(a -> subject.equals(text(a, "sub"))).ifPresent(account -> {
        ownPhone.put(phone, phone);
        sections.get("account").add(json(account));
      });
    }
    // The roster entries were added with every guardian phone masked; put the person's own back.
    for (Map<String, Object> item : sections.get("children")) {
      if (Keys.ROSTER_ENTRY.equals(item.get("sk")) && item.get("guardians") instanceof List<?> guardians) {
        item.put("guardians", guardians.stream().map(String::valueOf).map(g -> unmask(g, ownPhone.keySet())).toList());
      }
    }
    conversations(subject, !children.isEmpty(), classChannels, sections);
    return new Export(subject, exportId, now, sections);
  }

  /** One child's items; returns the class channels of the child's classes, collects the guardians' phones. */
  private Set<String> child(String subject, Child child, Map<String, List<Map<String, Object>>> sections,
      Set<String> phones) {
    String pupil = Keys.student(child.schoolId(), child.studentId());
    List<Map<String, AttributeValue>> items = query(pupil, null);
    List<String[]> periods = new ArrayList<>(); // classId, from, to
    String currentClass = null;
    for (Map<String, AttributeValue> item : items) {
      String sk = text(item, Keys.SK);
      Map<String, Object> json = json(item);
      if (Keys.ROSTER_ENTRY.equals(sk) && item.containsKey("guardians")) {
        List<String> masked = new ArrayList<>();
        for (String guardian : strings(item.get("guardians"))) {
          String[] parts = guardian.split("\\|", 3);
          if (parts.length == 3) {
            phones.add(parts[0]);
            masked.add(MASK + parts[0] + "|" + parts[1] + "|" + parts[2]);
          } else {
            masked.add(guardian);
          }
        }
        json.put("guardians", masked);
      }
      if (Keys.PROFILE.equals(sk)) {
        currentClass = text(item, "classId");
      }
      if (sk.startsWith(Keys.ENROLMENT)) {
        periods.add(new String[] {text(item, "classId"), text(item, "from"), text(item, "to")});
      }
      if (sk.startsWith(Keys.LEAVE)) {
        get(Keys.leaveRequest(child.schoolId(), sk.substring(Keys.LEAVE.length())), Keys.REF)
            .ifPresent(ref -> sections.get("leave").add(json(ref)));
      }
      sections.get("children").add(json);
    }
    if (periods.isEmpty() && currentClass != null) {
      periods.add(new String[] {currentClass, null, null});
    }
    Set<String> memberOf = new LinkedHashSet<>();
    periods.forEach(p -> memberOf.add(p[0]));
    for (String classId : memberOf) { // the child's line of each class roster (its id and name, nobody else's)
      get(Keys.schoolClass(child.schoolId(), classId), Keys.MEMBER + child.studentId())
          .ifPresent(member -> sections.get("children").add(json(member)));
    }
    attendance(child, periods, sections.get("attendance"));
    invoices(child, sections.get("payments"));
    sections.get("accessLog").addAll(query("ACCESS#" + pupil, null).stream().map(ExportCollector::json).toList());
    Set<String> classes = new LinkedHashSet<>();
    periods.forEach(p -> classes.add(p[0]));
    announcements(subject, child.schoolId(), classes, sections.get("announcements"));
    Set<String> channels = new LinkedHashSet<>();
    classes.forEach(c -> channels.add(child.schoolId() + "\n" + MessagingService.classChannelId(child.schoolId(), c)));
    return channels;
  }

  /** The child's entry of every register (and register audit) of their classes, within each enrolment period. */
  private void attendance(Child child, List<String[]> periods, List<Map<String, Object>> out) {
    String student = child.studentId();
    Set<String> seen = new LinkedHashSet<>();
    for (String[] period : periods) {
      String classPk = Keys.schoolClass(child.schoolId(), period[0]);
      for (Map<String, AttributeValue> register : query(classPk, Keys.ATTENDANCE)) {
        String date = text(register, Keys.SK).substring(Keys.ATTENDANCE.length());
        if (!within(date, period) || !seen.add(classPk + " " + text(register, Keys.SK))) {
          continue;
        }
        Map<String, AttributeValue> statuses = map(register.get("statuses"));
        Map<String, AttributeValue> notes = map(register.get("notes"));
        boolean onRoster = strings(register.get("roster")).contains(student);
        if (!onRoster && !statuses.containsKey(student) && !notes.containsKey(student)) {
          continue;
        }
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("pk", classPk);
        mark.put("sk", text(register, Keys.SK));
        mark.put("type", "AttendanceMark");
        mark.put("classId", period[0]);
        mark.put("studentId", student);
        mark.put("date", date);
        mark.put("status", statuses.containsKey(student) ? statuses.get(student).s() : "PRESENT");
        if (notes.containsKey(student)) {
          mark.put("note", notes.get(student).s());
        }
        mark.put("markedAt", text(register, "markedAt"));
        out.add(mark);
      }
      for (Map<String, AttributeValue> audit : query(classPk, Keys.ATTENDANCE_AUDIT)) {
        String rest = text(audit, Keys.SK).substring(Keys.ATTENDANCE_AUDIT.length());
        String date = rest.length() >= 10 ? rest.substring(0, 10) : rest;
        if (!within(date, period) || text(audit, "changes") == null) {
          continue;
        }
        List<Object> own = new ArrayList<>();
        Object changes = parse(text(audit, "changes"));
        if (changes instanceof List<?> list) {
          for (Object change : list) {
            if (change instanceof Map<?, ?> c && student.equals(c.get("studentId"))) {
              own.add(change);
            }
          }
        }
        if (own.isEmpty()) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pk", classPk);
        entry.put("sk", text(audit, Keys.SK));
        entry.put("type", "AttendanceChange");
        entry.put("studentId", student);
        entry.put("at", text(audit, "at"));
        entry.put("actorName", text(audit, "actorName"));
        entry.put("changes", own);
        out.add(entry);
      }
    }
  }

  private static Object parse(String json) {
    try {
      return Json.MAPPER.readValue(json, Object.class);
    } catch (java.io.IOException e) {
      return null; // not JSON: nothing of it is exported
    }
  }

  private static boolean within(String date, String[] period) {
    String from = period[1];
    String to = period[2];
    return (from == null || from.startsWith("0000") || date.compareTo(from) >= 0) && (to == null || date.compareTo(to) <= 0);
  }

  /** The child's invoices (gsi1), each invoice's partition (audit), its receipts and their payments. */
  private void invoices(Child child, List<Map<String, Object>> out) {
    Set<String> invoiceIds = new LinkedHashSet<>();
    Set<String> payments = new LinkedHashSet<>();
    for (Map<String, AttributeValue> link : queryIndex(Keys.student(child.schoolId(), child.studentId()), Keys.INVOICE_LINK)) {
      String invoicePk = text(link, Keys.PK);
      for (Map<String, AttributeValue> item : query(invoicePk, null)) {
        out.add(json(item));
        if (Keys.INVOICE.equals(text(item, Keys.SK))) {
          invoiceIds.add(invoicePk.substring(invoicePk.lastIndexOf('#') + 1));
          for (String credit : strings(item.get("credits"))) {
            String[] parts = credit.split("\\|", 2);
            if (parts.length == 2) {
              get(Keys.providerTxn(child.schoolId(), parts[0], parts[1]), Keys.REF).ifPresent(receipt -> {
                Map<String, Object> json = json(receipt);
                if (json.get("allocations") instanceof Map<?, ?> allocations) {
                  // Only this family's invoices (a transfer is one family's, but never show another's).
                  json.put("allocations", new TreeMap<>(allocations.entrySet().stream()
                      .filter(e -> invoiceIds.contains(String.valueOf(e.getKey())))
                      .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue))));
                }
                out.add(json);
                Optional.ofNullable(text(receipt, "paymentId")).ifPresent(payments::add);
              });
            }
          }
        }
      }
    }
    for (String payment : payments) {
      get(Keys.payment(child.schoolId(), payment), Keys.PAYMENT).ifPresent(p -> out.add(json(p)));
    }
  }

  /** The person's receipts of the announcements in the child's scopes: the school, its grades, its classes. */
  private void announcements(String subject, String schoolId, Set<String> classes, List<Map<String, Object>> out) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(Keys.SCOPE_SCHOOL);
    for (String classId : classes) {
      scopes.add(Keys.SCOPE_CLASS + classId);
      get(Keys.schoolClass(schoolId, classId), Keys.CLASS).map(c -> text(c, "grade"))
          .ifPresent(grade -> scopes.add(Keys.SCOPE_GRADE + grade));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String scope : scopes) {
      for (Map<String, AttributeValue> announcement : query(Keys.announcementScope(schoolId, scope), Keys.ANNOUNCEMENT)) {
        String id = text(announcement, Keys.SK).substring(Keys.ANNOUNCEMENT.length());
        if (seen.add(id)) {
          get(Keys.announcement(schoolId, id), Keys.RECEIPT + subject).ifPresent(r -> {
            Map<String, Object> json = json(r);
            json.put("announcementTitle", text(announcement, "title"));
            out.add(json);
          });
        }
      }
    }
  }

  /**
   * Conversations of the person's inbox (FAMILY, STAFF: a family sees them whole; school staff only their own
   * messages) and the class channels (the read mark and their own messages).
   */
  private void conversations(String subject, boolean family, Set<String> classChannels,
      Map<String, List<Map<String, Object>>> sections) {
    List<Map<String, Object>> out = sections.get("conversations");
    Set<String> done = new LinkedHashSet<>();
    for (Map<String, AttributeValue> seat : queryIndex(Keys.inbox(subject), null)) {
      String conversationPk = text(seat, Keys.PK);
      if (!done.add(conversationPk)) {
        continue;
      }
      boolean whole = family && "FAMILY".equals(text(seat, "side"));
      for (Map<String, AttributeValue> item : query(conversationPk, null)) {
        String sk = text(item, Keys.SK);
        if (sk.startsWith(Keys.CLIENT_MESSAGE)) {
          continue; // retry records (hash, seq): no content, and not necessarily the person's
        }
        boolean own = sk.equals(Keys.PARTICIPANT + subject) || subject.equals(text(item, "senderId"));
        if (whole || own || (Keys.CONVERSATION.equals(sk) && family)) {
          Map<String, Object> json = json(item);
          json.remove("cursorKey"); // the server's key for paging cursors, never sent to anyone
          out.add(json);
        }
      }
    }
    for (String channel : classChannels) {
      String[] parts = channel.split("\n", 2);
      String conversationPk = Keys.conversation(parts[0], parts[1]);
      if (!done.add(conversationPk)) {
        continue;
      }
      get(conversationPk, Keys.PARTICIPANT + subject).ifPresent(mark -> out.add(json(mark)));
      for (Map<String, AttributeValue> message : query(conversationPk, Keys.MESSAGE)) {
        if (subject.equals(text(message, "senderId"))) {
          out.add(json(message));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- reads

  private List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
    return query(null, Keys.PK, Keys.SK, pk, skPrefix);
  }

  private List<Map<String, AttributeValue>> queryIndex(String gsi1pk, String skPrefix) {
    return query(Keys.GSI1, Keys.GSI1_PK, Keys.GSI1_SK, gsi1pk, skPrefix);
  }

  /** Every item of a partition (of the table, consistent, or of gsi1), or those whose sort key starts so. */
  private List<Map<String, AttributeValue>> query(String index, String pkName, String skName, String pk,
      String skPrefix) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
        .consistentRead(index == null ? Boolean.TRUE : null);
    if (skPrefix == null) {
      request.keyConditionExpression(pkName + " = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)));
    } else {
      request.keyConditionExpression(pkName + " = :pk AND begins_with(" + skName + ", :prefix)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(skPrefix)));
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    client.queryPaginator(request.build()).items().forEach(items::add);
    return items;
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk))).build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  // ------------------------------------------------------------------------------------------ as JSON

  /** A masked guardian entry: {@code \u0000{e164}|REL|name} until the person's own phone is known. */
  private static final String MASK = "\u0000";

  private static String unmask(String guardian, Set<String> own) {
    if (!guardian.startsWith(MASK)) {
      return guardian;
    }
    String[] parts = guardian.substring(MASK.length()).split("\\|", 3);
    return own.contains(parts[0]) ? String.join("|", parts) : "(số điện thoại không xuất)|" + parts[1] + "|" + parts[2];
  }

  /** An item as JSON: attribute names sorted, pk and sk first. */
  static Map<String, Object> json(Map<String, AttributeValue> item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pk", text(item, Keys.PK));
    json.put("sk", text(item, Keys.SK));
    new TreeMap<>(item).forEach((name, value) -> {
      if (!name.equals(Keys.PK) && !name.equals(Keys.SK)) {
        json.put(name, value(value));
      }
    });
    return json;
  }

  private static Object value(AttributeValue value) {
    return switch (value.type()) {
      case S -> value.s();
      case N -> new BigDecimal(value.n());
      case BOOL -> value.bool();
      case NUL -> null;
      case L -> value.l().stream().map(ExportCollector::value).toList();
      case M -> {
        Map<String, Object> map = new TreeMap<>();
        value.m().forEach((k, v) -> map.put(k, value(v)));
        yield map;
      }
      case SS -> value.ss();
      case NS -> value.ns().stream().map(BigDecimal::new).toList();
      case B -> java.util.Base64.getEncoder().encodeToString(value.b().asByteArray());
      case BS -> value.bs().stream().map(b -> java.util.Base64.getEncoder().encodeToString(b.asByteArray())).toList();
      default -> null;
    };
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static List<String> strings(AttributeValue value) {
    if (value == null) {
      return List.of();
    }
    if (value.hasL()) {
      return value.l().stream().map(AttributeValue::s).toList();
    }
    return value.hasSs() ? value.ss() : List.of();
  }

  private static Map<String, AttributeValue> map(AttributeValue value) {
    return value != null && value.hasM() ? value.m() : Map.of();
  }
}
