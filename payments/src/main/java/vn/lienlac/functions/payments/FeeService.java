package vn.lienlac.functions.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.RosterRepository;
import vn.lienlac.functions.identity.SchoolClass;
import vn.lienlac.functions.identity.Student;
import vn.lienlac.functions.payments.PaymentItems.FeeItem;
import vn.lienlac.functions.payments.PaymentItems.InvoiceItem;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Ids;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.functions.platform.Reads;
import vn.lienlac.functions.platform.Writes;
import vn.lienlac.model.common.SchoolTime;
import vn.lienlac.model.common.Validation;
import vn.lienlac.model.common.Violation;
import vn.lienlac.model.payments.Fee;
import vn.lienlac.model.payments.Money;

/**
 * Fees and their invoices. A fee's id is a hash of its content, and an invoice's id a hash of
 * (fee, pupil): posting the same fee again reaches the same keys and creates nothing new. The fee
 * item is written first with the pupils it resolved to; invoices follow in bounded transactions
 * of conditional puts ({@value #CHUNK} at a time), and the fee is marked complete last. A crash
 * half-way leaves an incomplete fee; posting it again resumes on the same pupils, without
 * duplicates.
 */
public final class FeeService {
  static final int CHUNK = 25;
  static final int MAX_PUPILS = 3000;
  static final int MAX_LIST = 200;
  static final int MAX_NAME = 120;
  static final int MAX_REASON = 200;
  private final Dynamo dynamo;
  private final RosterRepository roster;
  private final Clock clock;
  private final DynamoDbTable<FeeItem> fees;
  private final DynamoDbTable<InvoiceItem> invoices;
  /** Tests: called after each chunk of invoices is written (a crash point). */
  private volatile IntConsumer afterChunk = chunk -> {};

  public FeeService(Dynamo dynamo, RosterRepository roster, Clock clock) {
    this.dynamo = dynamo;
    this.roster = roster;
    this.clock = clock;
    this.fees = dynamo.enhanced().table(dynamo.tableName(), FeeItem.SCHEMA);
    this.invoices = dynamo.enhanced().table(dynamo.tableName(), InvoiceItem.SCHEMA);
  }

  void afterChunk(IntConsumer hook) {
    this.afterChunk = hook;
  }

  /** The fee, and whether this call created it (false: the same fee existed, or was resumed). */
  public record Created(Fee fee, boolean created) {}

  /** Checks the draft (all violations at once); the caller is staff of {@code draft.schoolId()}. */
  public Created create(Caller caller, Fee.Draft draft) {
    Validation v = new Validation();
    String schoolId = draft.schoolId();
    String name = v.text("name", draft.name(), MAX_NAME, true);
    Long amount = v.required("amountVnd", draft.amountVnd());
    if (amount != null && (amount < 1 || amount > Money.MAX_VND)) {
      v.add(Violation.of("amountVnd", "payments.amountRange", 1, Money.MAX_VND));
    }
    LocalDate due = v.required("dueDate", draft.dueDate());
    if (due != null && !SchoolTime.isSupported(due)) {
      v.add(Violation.of("dueDate", "request.badDate", due));
    }
    Fee.Scope scope = v.required("scope", draft.scope());
    List<String> classIds = ids(v, "classIds", draft.classIds());
    List<String> studentIds = ids(v, "studentIds", draft.studentIds());
    if (scope != null) {
      switch (scope) {
        case SCHOOL -> { }
        case GRADE -> {
          if (draft.grade() == null || draft.grade() < 1 || draft.grade() > 12) {
            v.add(Violation.of("grade", "payments.gradeRange", 1, 12));
          }
        }
        case CLASS -> {
          if (classIds.isEmpty()) {
            v.add(Violation.of("classIds", "text.required"));
          }
        }
        case PUPILS -> {
          if (studentIds.isEmpty()) {
            v.add(Violation.of("studentIds", "text.required"));
          }
        }
      }
    }
    List<Fee.Adjustment> adjustments = adjustments(v, draft.adjustments(), amount);
    if (!v.isValid()) {
      throw new ApiException.Invalid(v.violations());
    }
    Integer grade = scope == Fee.Scope.GRADE ? draft.grade() : null;
    List<String> scopeClasses = scope == Fee.Scope.CLASS ? sorted(classIds) : List.of();
    List<String> scopePupils = scope == Fee.Scope.PUPILS ? sorted(studentIds) : List.of();
    String feeId = feeId(schoolId, name, amount, due, scope, grade, scopeClasses, scopePupils, adjustments);

    FeeItem fee = PaymentLedger.get(fees, Keys.school(schoolId), Keys.FEE + feeId);
    boolean created = false;
    if (fee == null) {
      List<String> pupils = resolve(schoolId, scope, grade, scopeClasses, scopePupils);
      Set<String> inScope = new HashSet<>(pupils);
      Validation late = new Validation();
      for (int i = 0; i < adjustments.size(); i++) {
        if (!inScope.contains(adjustments.get(i).studentId())) {
          late.add(Violation.of("adjustments/" + i + "/studentId", "payments.notInScope", adjustments.get(i).studentId()));
        }
      }
      if (pupils.isEmpty()) {
        late.add(Violation.of("scope", "payments.nobodyInScope"));
      }
      if (!late.isValid()) {
        throw new ApiException.Invalid(late.violations());
      }
      fee = new FeeItem();
      fee.pk = Keys.school(schoolId);
      fee.sk = Keys.FEE + feeId;
      fee.type = FeeItem.TYPE;
      fee.schoolId = schoolId;
      fee.feeId = feeId;
      fee.name = name;
      fee.amountVnd = amount;
      fee.dueDate = due.toString();
      fee.scope = scope.name();
      fee.grade = grade;
      fee.classIds = scopeClasses;
      fee.studentIds = pupils;
      fee.adjustments = adjustments.stream().map(FeeService::adjustmentText).toList();
      fee.complete = false;
      fee.invoiceCount = 0;
      fee.createdBy = caller.subject();
      fee.createdAt = clock.instant().toString();
      try {
        fees.putItem(PutItemEnhancedRequest.builder(FeeItem.class).item(fee).conditionExpression(Writes.NOT_EXISTS).build());
        created = true;
      } catch (ConditionalCheckFailedException e) {
        fee = PaymentLedger.get(fees, Keys.school(schoolId), Keys.FEE + feeId);
      }
    }
    if (!Boolean.TRUE.equals(fee.complete)) {
      writeInvoices(fee);
    }
    return new Created(toFee(fee), created);
  }

  /** Writes the fee's missing invoices, chunk by chunk, then marks it complete. */
  private void writeInvoices(FeeItem fee) {
    Map<String, Fee.Adjustment> adjustments = new LinkedHashMap<>();
    fee.adjustments.stream().map(FeeService::parseAdjustment).forEach(a -> adjustments.put(a.studentId(), a));
    List<String> charged = fee.studentIds.stream()
        .filter(id -> adjustments.get(id) == null || adjustments.get(id).kind() != Fee.Adjustment.Kind.EXEMPTION)
        .toList();
    Map<String, Student> students = roster.students(fee.schoolId, charged);
    int chunkNo = 0;
    for (int from = 0; from < charged.size(); from += CHUNK) {
      List<String> chunk = charged.subList(from, Math.min(charged.size(), from + CHUNK));
      for (int attempt = 0; ; attempt++) {
        List<Key> keys = chunk.stream().map(s -> invoiceKey(fee.schoolId, invoiceId(fee.feeId, s))).toList();
        Set<String> existing = new HashSet<>();
        Reads.batchGet(dynamo.enhanced(), invoices, keys).forEach(i -> existing.add(i.studentId));
        List<TransactWriteItem> puts = new ArrayList<>();
        for (String studentId : chunk) {
          if (!existing.contains(studentId)) {
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(dynamo.tableName())
                .item(InvoiceItem.SCHEMA.itemToMap(invoice(fee, students.get(studentId), studentId,
                    adjustments.get(studentId)), true))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
          }
        }
        if (puts.isEmpty()) {
          break;
        }
        try {
          dynamo.client().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(puts).build());
          break;
        } catch (TransactionCanceledException e) {
          if (attempt >= 5) {
            throw e;
          }
          // Another request is resuming the same fee: read again, write what is still missing.
        }
      }
      afterChunk.accept(chunkNo++);
    }
    fee.complete = true;
    fee.invoiceCount = charged.size();
    dynamo.client().updateItem(r -> r.tableName(dynamo.tableName())
        .key(PaymentLedger.key(fee.pk, fee.sk))
        .updateExpression("SET complete = :t, invoiceCount = :n")
        .expressionAttributeValues(Map.of(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true),
            ":n", PaymentLedger.n(charged.size()))));
  }

  private static InvoiceItem invoice(FeeItem fee, Student student, String studentId, Fee.Adjustment adjustment) {
    InvoiceItem item = new InvoiceItem();
    item.invoiceId = invoiceId(fee.feeId, studentId);
    item.pk = Keys.invoice(fee.schoolId, item.invoiceId);
    item.sk = Keys.INVOICE;
    item.type = InvoiceItem.TYPE;
    item.gsi1pk = Keys.student(fee.schoolId, studentId);
    item.gsi1sk = Keys.INVOICE_LINK + fee.feeId;
    item.schoolId = fee.schoolId;
    item.feeId = fee.feeId;
    item.feeName = fee.name;
    item.studentId = studentId;
    item.studentName = student == null ? null : student.fullName();
    item.classId = student == null ? null : student.classId();
    long discount = adjustment == null ? 0 : adjustment.discountVnd();
    item.amountVnd = fee.amountVnd - discount;
    item.discountVnd = discount;
    item.discountReason = adjustment == null ? null : adjustment.reason();
    item.paidVnd = 0L;
    item.dueDate = fee.dueDate;
    item.status = item.amountVnd == 0 ? "PAID" : "OPEN";
    item.credits = List.of();
    item.version = 1L;
    return item;
  }

  /** The pupils in scope, in a stable order; unknown classes or pupils are a 422. */
  private List<String> resolve(String schoolId, Fee.Scope scope, Integer grade, List<String> classIds,
      List<String> studentIds) {
    Set<String> pupils = new LinkedHashSet<>();
    Validation v = new Validation();
    switch (scope) {
      case SCHOOL, GRADE -> roster.classesOf(schoolId, grade).forEach(c ->
          roster.members(schoolId, c.id()).forEach(m -> pupils.add(m.studentId())));
      case CLASS -> {
        Map<String, SchoolClass> found = roster.classes(schoolId, classIds);
        for (int i = 0; i < classIds.size(); i++) {
          if (!found.containsKey(classIds.get(i))) {
            v.add(Violation.of("classIds/" + i, "payments.unknownClass", classIds.get(i)));
          } else {
            roster.members(schoolId, classIds.get(i)).forEach(m -> pupils.add(m.studentId()));
          }
        }
      }
      case PUPILS -> {
        Map<String, Student> found = roster.students(schoolId, studentIds);
        for (int i = 0; i < studentIds.size(); i++) {
          if (!found.containsKey(studentIds.get(i))) {
            v.add(Violation.of("studentIds/" + i, "payments.unknownPupil", studentIds.get(i)));
          }
        }
        pupils.addAll(studentIds);
      }
    }
    if (pupils.size() > MAX_PUPILS) {
      v.add(Violation.of("scope", "payments.tooManyPupils", MAX_PUPILS));
    }
    if (!v.isValid()) {
      throw new ApiException.Invalid(v.violations());
    }
    return List.copyOf(new TreeSet<>(pupils));
  }

  private static List<String> ids(Validation v, String field, List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw.size() > MAX_LIST) {
      v.add(Violation.of(field, "payments.tooMany", MAX_LIST));
      return List.of();
    }
    for (int i = 0; i < raw.size(); i++) {
      if (!Ids.isValid(raw.get(i))) {
        v.add(Violation.of(field + "/" + i, "payments.badId", raw.get(i)));
      }
    }
    return List.copyOf(new LinkedHashSet<>(raw));
  }

  private static List<Fee.Adjustment> adjustments(Validation v, List<Fee.Adjustment> raw, Long amount) {
    if (raw == null) {
      return List.of();
    }
    if (raw.size() > MAX_LIST) {
      v.add(Violation.of("adjustments", "payments.tooMany", MAX_LIST));
      return List.of();
    }
    List<Fee.Adjustment> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Fee.Adjustment a = raw.get(i);
      String at = "adjustments/" + i;
      if (a == null) {
        v.add(Violation.of(at, "text.required"));
        continue;
      }
      if (!Ids.isValid(a.studentId())) {
        v.add(Violation.of(at + "/studentId", "payments.badId", String.valueOf(a.studentId())));
      } else if (!seen.add(a.studentId())) {
        v.add(Violation.of(at + "/studentId", "payments.duplicateAdjustment", a.studentId()));
      }
      Fee.Adjustment.Kind kind = v.required(at + "/kind", a.kind());
      String reason = v.text(at + "/reason", a.reason(), MAX_REASON, true);
      long discount = 0;
      if (kind == Fee.Adjustment.Kind.DISCOUNT) {
        Long d = v.required(at + "/discountVnd", a.discountVnd());
        if (d != null && (d < 1 || (amount != null && d >= amount))) {
          v.add(Violation.of(at + "/discountVnd", "payments.discountRange", 1, amount == null ? 0 : amount - 1));
        }
        discount = d == null ? 0 : d;
      } else if (kind == Fee.Adjustment.Kind.EXEMPTION && a.discountVnd() != null) {
        v.add(Violation.of(at + "/discountVnd", "payments.exemptionHasNoAmount"));
      }
      out.add(new Fee.Adjustment(a.studentId(), kind, discount, reason));
    }
    out.sort(java.util.Comparator.comparing(Fee.Adjustment::studentId, java.util.Comparator.nullsFirst(String::compareTo)));
    return out;
  }

  private static String adjustmentText(Fee.Adjustment a) {
    return a.studentId() + "|" + a.kind() + "|" + a.discountVnd() + "|" + a.reason();
  }

  static Fee.Adjustment parseAdjustment(String text) {
    String[] parts = text.split("\\|", 4);
    return new Fee.Adjustment(parts[0], Fee.Adjustment.Kind.valueOf(parts[1]), Long.parseLong(parts[2]), parts[3]);
  }

  static Fee toFee(FeeItem item) {
    return new Fee(item.feeId, item.name, item.amountVnd, LocalDate.parse(item.dueDate), Fee.Scope.valueOf(item.scope),
        item.grade, item.classIds, item.studentIds, item.adjustments.stream().map(FeeService::parseAdjustment).toList(),
        item.invoiceCount == null ? 0 : item.invoiceCount, item.createdBy, SchoolTime.show(Instant.parse(item.createdAt)));
  }

  /** Every fee of the school (the report). */
  List<FeeItem> feesOf(String schoolId) {
    List<FeeItem> found = new ArrayList<>();
    fees.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
            .partitionValue(Keys.school(schoolId)).sortValue(Keys.FEE).build()))
        .consistentRead(true).build()).items().forEach(found::add);
    return found;
  }

  static String feeId(String schoolId, String name, long amount, LocalDate due, Fee.Scope scope, Integer grade,
      List<String> classIds, List<String> studentIds, List<Fee.Adjustment> adjustments) {
    String canonical = String.join("\n", schoolId, name, Long.toString(amount), due.toString(), scope.name(),
        Objects.toString(grade), String.join(",", classIds), String.join(",", studentIds),
        String.join(",", adjustments.stream().map(FeeService::adjustmentText).toList()));
    return "F" + base32(sha256(canonical), 19);
  }

  static String invoiceId(String feeId, String studentId) {
    return "I" + base32(sha256(feeId + "\n" + studentId), 19);
  }

  static Key invoiceKey(String schoolId, String invoiceId) {
    return Key.builder().partitionValue(Keys.invoice(schoolId, invoiceId)).sortValue(Keys.INVOICE).build();
  }

  private static List<String> sorted(List<String> ids) {
    return List.copyOf(new TreeSet<>(ids));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  /** The first {@code length} Crockford base-32 digits of {@code bytes}. */
  static String base32(byte[] bytes, int length) {
    StringBuilder out = new StringBuilder(length);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; out.length() < length; ) {
      if (bits < 5) {
        buffer = (buffer << 8) | (bytes[i++] & 0xFF);
        bits += 8;
      }
      out.append(CROCKFORD[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
    return out.toString();
  }

}
