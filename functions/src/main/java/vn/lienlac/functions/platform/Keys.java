package vn.lienlac.functions.platform;

/**
 * Every key of the single table, in one place (docs/ARCHITECTURE.md explains each access pattern).
 * The school (tenant) is in every key; ids are checked by {@link Ids} before they reach a key, so
 * no id can contain the {@code #} separator.
 */
public final class Keys {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";

  // Sort keys and sort-key prefixes.
  public static final String SCHOOL = "SCHOOL";
  public static final String CLASS = "CLASS";
  public static final String PROFILE = "PROFILE";
  public static final String MEMBER = "MEMBER#";
  /** A pupil's enrolment period: {@code ENROL#{schoolYear}#{from}#{class}} under the pupil. */
  public static final String ENROLMENT = "ENROL#";
  public static final String GRADE = "GRADE#";
  public static final String GRADE_AUDIT = "AUDIT#GRADE#";
  public static final String ATTENDANCE = "ATT#";
  public static final String ATTENDANCE_AUDIT = "AUDIT#ATT#";
  public static final String LEAVE = "LEAVE#";
  public static final String IDEMPOTENCY = "IDEMPOTENCY#";
  public static final String REF = "REF";
  // Announcements (docs/ARCHITECTURE.md §3, AN1-AN10).
  public static final String ANNOUNCEMENT = "ANN#";
  public static final String RECEIPT = "RECEIPT#";
  /** The scope partitions' suffixes: {@code SCHOOL}, {@code G#{grade}}, {@code C#{class}}. */
  public static final String SCOPE_SCHOOL = "SCHOOL";
  public static final String SCOPE_GRADE = "G#";
  public static final String SCOPE_CLASS = "C#";
  // Messaging (docs/ARCHITECTURE.md §3, A20-A27).
  public static final String CONVERSATION = "CONV";
  public static final String PARTICIPANT = "PARTICIPANT#";
  public static final String MESSAGE = "MSG#";
  public static final String CLIENT_MESSAGE = "CLIENT#";
  public static final String OFFICE_HOURS = "OFFICE_HOURS";
  // Fees and payments (issue 14).
  public static final String FEE = "FEE#";
  public static final String INVOICE = "INVOICE";
  public static final String INVOICE_LINK = "INV#";
  public static final String INVOICE_AUDIT = "AUDIT#";
  public static final String PAYMENT = "PAYMENT";
  public static final String RECEIPT_SEQUENCE = "RECEIPTSEQ";
  // Primary e-records (issue 16, Circular 27/2020): a primary subject's marks use GRADE#{term}#{subject};
  // the qualities and competencies of a pupil in a term, and their audit.
  /** {@code S#{school}#ST#{student}} / {@code COMPETENCY#{term}}: a pupil's qualities and competencies in a term. */
  public static final String COMPETENCY = "COMPETENCY#";
  public static final String COMPETENCY_AUDIT = "AUDIT#COMPETENCY#";

  // Push (devices, settings, the dispatcher's send markers).
  /** Push devices: {@code USER#{sub}} / {@code S#{school}#DEVICE#{sha256(token)}} (read by announcements too). */
  public static final String DEVICE = "DEVICE#";
  public static final String PUSH_SETTINGS = "PUSH#SETTINGS";
  public static final String PUSH_CHUNK = "CHUNK#";

  // Secondary e-records (issue 16): conduct per pupil and term, the school's grading settings.
  /** {@code S#{school}#ST#{student}} / {@code CONDUCT#{term}}: a pupil's term conduct. */
  public static final String CONDUCT = "CONDUCT#";
  public static final String CONDUCT_AUDIT = "AUDIT#CONDUCT#";
  /** {@code S#{school}} / {@code SETTINGS#GRADING}: the school's grading settings. */
  public static final String GRADING_SETTINGS = "SETTINGS#GRADING";
  public static final String GRADING_SETTINGS_AUDIT = "AUDIT#SETTINGS#GRADING#";

  // Privacy (issue 18): a school's purpose notice, consent history (consent itself is on the CHILD grant).
  /** {@code S#{school}} / {@code NOTICE}: the school's current purpose notice (which version). */
  public static final String NOTICE_CURRENT = "NOTICE";
  /** {@code S#{school}} / {@code NOTICE#{version, 4 digits}}: one published version of the notice. */
  public static final String NOTICE = "NOTICE#";
  /** {@code S#{school}#ST#{student}} / {@code AUDIT#CONSENT#{at}#{sub}}: a guardian's consent given or withdrawn. */
  public static final String CONSENT_AUDIT = "AUDIT#CONSENT#";

  private Keys() {}

  /** {@code S#{school}}: the school's own items. */
  public static String school(String schoolId) {
    return "S#" + schoolId;
  }

  /** {@code S#{school}#ST#{student}}: one pupil's profile and records (spreads results-day reads). */
  public static String student(String schoolId, String studentId) {
    return school(schoolId) + "#ST#" + studentId;
  }

  /** {@code S#{school}#C#{class}}: a class and its roster. */
  public static String schoolClass(String schoolId, String classId) {
    return school(schoolId) + "#C#" + classId;
  }

  /** {@code S#{school}#C#{class}#LEAVE}: the class's leave requests (gsi1). */
  public static String classLeave(String schoolId, String classId) {
    return schoolClass(schoolId, classId) + "#LEAVE";
  }

  /** {@code S#{school}#LEAVE#{id}}: where a leave request is, found by its id alone. */
  public static String leaveRequest(String schoolId, String leaveId) {
    return school(schoolId) + "#" + LEAVE + leaveId;
  }

  /** {@code USER#{sub}}: the identity directory of one signed-in person, across schools. */
  public static String user(String subject) {
    return "USER#" + subject;
  }

  // --- announcements

  /** {@code S#{school}#ANN#{SCHOOL | G#{grade} | C#{class}}}: one scope's announcements, by time (ULID). */
  public static String announcementScope(String schoolId, String scope) {
    return school(schoolId) + "#" + ANNOUNCEMENT + scope;
  }

  /** {@code S#{school}#ANN#ID#{id}}: one announcement by id (its REF) and its receipts. */
  public static String announcement(String schoolId, String announcementId) {
    return school(schoolId) + "#" + ANNOUNCEMENT + "ID#" + announcementId;
  }

  /** {@code S#{school}#ANN} (gsi1): every announcement of the school, newest first. */
  public static String schoolAnnouncements(String schoolId) {
    return school(schoolId) + "#ANN";
  }

  /** {@code S#{school}#ANN#BY#{sub}} (gsi1): what one person published in the school. */
  public static String announcementsBy(String schoolId, String subject) {
    return school(schoolId) + "#" + ANNOUNCEMENT + "BY#" + subject;
  }

  /** {@code S#{school}#ANN#KEYS}: idempotency records of announcement POSTs. */
  public static String announcementKeys(String schoolId) {
    return school(schoolId) + "#" + ANNOUNCEMENT + "KEYS";
  }

  /** {@code S#{school}#CLASSES} (gsi1): the school's classes, by grade ({@code G#{grade}#{class}}). */
  public static String classesOf(String schoolId) {
    return school(schoolId) + "#CLASSES";
  }

  /** Sort key of a user's item in a school: {@code S#{school}#{rest}}. */
  public static String inSchool(String schoolId, String rest) {
    return school(schoolId) + "#" + rest;
  }

  // --- Messaging ---

  /** {@code S#{school}#CONV#{conversation}}: a conversation, its participants and its messages. */
  public static String conversation(String schoolId, String conversationId) {
    return school(schoolId) + "#CONV#" + conversationId;
  }

  /** {@code S#{school}#TEACHER#{sub}}: a teacher's own settings in a school (office hours). */
  public static String teacher(String schoolId, String subject) {
    return school(schoolId) + "#TEACHER#" + subject;
  }

  /** {@code USER#{sub}#CONV}: a person's conversations (gsi1), ordered by last activity. */
  public static String inbox(String subject) {
    return user(subject) + "#CONV";
  }

  /** {@code {activity millis, 13 digits}#S#{school}#CONV#{conversation}}: the inbox sort key (gsi1). */
  public static String inboxEntry(long activityMillis, String schoolId, String conversationId) {
    return String.format("%013d", activityMillis) + "#" + conversation(schoolId, conversationId);
  }

  /** {@code MSG#{seq, 10 digits}}: the n-th message of a conversation. */
  public static String message(long seq) {
    return MESSAGE + String.format("%010d", seq);
  }

  /** {@code S#{school}#DEVICE#{sha256(token)}}: a person's device, sort key in their {@code USER#{sub}} partition. */
  public static String device(String schoolId, String tokenHash) {
    return inSchool(schoolId, DEVICE + tokenHash);
  }

  /** {@code S#{school}#DEVICES}: gsi1 partition of every device registered in a school (school-wide pushes). */
  public static String schoolDevices(String schoolId) {
    return school(schoolId) + "#DEVICES";
  }

  /** gsi1 sort key of a device: {@code DEVICE#{sha256(token)}#{sub}} (the token's other owners are found by prefix). */
  public static String deviceInSchool(String tokenHash, String subject) {
    return DEVICE + tokenHash + "#" + subject;
  }

  /** {@code S#{school}#PUSH#{event}}: the dispatcher's send markers of one event (sk {@code CHUNK#{n}}). */
  public static String pushEvent(String schoolId, String eventId) {
    return school(schoolId) + "#PUSH#" + eventId;
  }

  // --- Fees and payments (issue 14) ------------------------------------------------------------

  /** {@code S#{school}#INV#{invoice}}: one invoice and its audit trail. */
  public static String invoice(String schoolId, String invoiceId) {
    return school(schoolId) + "#INV#" + invoiceId;
  }

  /** {@code S#{school}#PAY#{payment}}: one payment (its id is also its VNPay TxnRef and transfer reference). */
  public static String payment(String schoolId, String paymentId) {
    return school(schoolId) + "#PAY#" + paymentId;
  }

  /** {@code S#{school}#PAY#OPEN} (gsi1): payments still waiting for the provider, oldest first. */
  public static String openPayments(String schoolId) {
    return school(schoolId) + "#PAY#OPEN";
  }

  /**
   * {@code S#{school}#PROVIDERTXN#{provider}#{txn}}: a provider's transaction, credited once (its
   * put has {@code attribute_not_exists} in the crediting transaction); it holds the receipt.
   */
  public static String providerTxn(String schoolId, String provider, String txnKey) {
    return school(schoolId) + "#PROVIDERTXN#" + provider + "#" + txnKey;
  }

  // --- Bank transfers (paydocs): notifications that were not credited, parked for staff.
  /** Sort-key prefix of a parked bank transaction: {@code TXN#{provider}#{txnKey}}. */
  public static final String BANK_TRANSACTION = "TXN#";
  /** Sort-key prefix of a resolution's audit entry: {@code AUDIT#{at}#{requestId}}. */
  public static final String BANK_AUDIT = "AUDIT#";

  /** {@code S#{school}#BANKTXN}: the school's parked bank transactions and their audit. */
  public static String bankTransfers(String schoolId) {
    return school(schoolId) + "#BANKTXN";
  }

  /** {@code S#{school}#BANKTXN#OPEN}: gsi1 partition of the parked transactions still open. */
  public static String openBankTransfers(String schoolId) {
    return school(schoolId) + "#BANKTXN#OPEN";
  }

  // --- Roster import (issue 15): imports, the pupils' roster entries, learner ids, sign-in accounts.
  /** A pupil's roster entry (what the last import set): {@code ROSTER} under {@code S#{school}#ST#{student}}. */
  public static final String ROSTER_ENTRY = "ROSTER";
  /** An import's own item, its chunks (plan and report), and its chunk-done markers (each the chunk's audit entry). */
  public static final String IMPORT = "IMPORT";
  public static final String IMPORT_CHUNK = "CHUNK#";
  public static final String IMPORT_CHUNK_DONE = "DONE#";
  /** The school's roster state (one version per applied import): {@code S#{school}#ROSTER} / {@code STATE}. */
  public static final String ROSTER_STATE = "STATE";
  /** A sign-in account by phone, across schools: {@code PHONE#{e164}} / {@code ACCOUNT}. */
  public static final String ACCOUNT = "ACCOUNT";

  /** {@code S#{school}#IMPORT#{import}}: one roster import, its chunks, markers and audit. */
  public static String rosterImport(String schoolId, String importId) {
    return school(schoolId) + "#IMPORT#" + importId;
  }

  /** {@code S#{school}#IMPORTS} (gsi1): the school's roster imports, by id (time-ordered ULIDs). */
  public static String schoolImports(String schoolId) {
    return school(schoolId) + "#IMPORTS";
  }

  /** {@code S#{school}#ROSTER}: the school's roster state (its version changes with every applied import). */
  public static String rosterState(String schoolId) {
    return school(schoolId) + "#ROSTER";
  }

  /** {@code S#{school}#PUPILS} (gsi1): the school's roster entries, {@code {ACTIVE|LEFT}#{student}}. */
  public static String pupilsOf(String schoolId) {
    return school(schoolId) + "#PUPILS";
  }

  /** {@code S#{school}#LEARNER#{learnerId}}: one pupil per national learner id in the school (→ studentId). */
  public static String learner(String schoolId, String learnerKey) {
    return school(schoolId) + "#LEARNER#" + learnerKey;
  }

  /** {@code S#{school}#PUPILCODE#{code}}: one pupil per school pupil code (→ studentId). */
  public static String pupilCode(String schoolId, String codeKey) {
    return school(schoolId) + "#PUPILCODE#" + codeKey;
  }

  /** {@code PHONE#{e164}}: the one sign-in account of a phone number, across schools (→ sub). */
  public static String phone(String e164) {
    return "PHONE#" + e164;
  }

  // --- data export (issue 18, privacy/: data-rights-fn, export-worker-fn)
  /** {@code USER#{sub}} / {@code EXPORT#{id}}: one export job of a person (status, blob key; TTL expiresAt). */
  public static final String EXPORT = "EXPORT#";
  /** {@code USER#{sub}} / {@code EXPORT}: the person's latest export job (its id; the one-at-a-time guard). */
  public static final String EXPORT_LATEST = "EXPORT";

  /** {@code EXPORT#{id}}: sort key of an export job in its owner's {@code USER#{sub}} partition. */
  public static String export(String exportId) {
    return EXPORT + exportId;
  }

  // --- Privacy (issue 18) ------------------------------------------------------------------------

  /** {@code NOTICE#{version, 4 digits}}: one version of a school's purpose notice. */
  public static String notice(int version) {
    return NOTICE + String.format("%04d", version);
  }

  /** {@code S#{school}#CHILD#{student}}: a guardian's grant for one child, sort key in their {@code USER#{sub}} partition. */
  public static String childGrant(String schoolId, String studentId) {
    return inSchool(schoolId, "CHILD#" + studentId);
  }
}
