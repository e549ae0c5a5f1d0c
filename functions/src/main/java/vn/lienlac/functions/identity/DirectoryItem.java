package vn.lienlac.functions.identity;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import vn.lienlac.functions.platform.Item;
import vn.lienlac.functions.platform.ItemSchema;

/**
 * One grant in the identity directory, {@code pk = USER#{sub}}; the sort key starts with the
 * school: {@code S#{school}#ROLE#{role}}, {@code S#{school}#CHILD#{student}},
 * {@code S#{school}#TEACHES#{class}#{subject}}, {@code S#{school}#HOMEROOM#{class}}.
 * CHILD and TEACHES items are also in gsi1 for the reverse lookups (a pupil's guardians, a
 * class's teachers) that messaging and push need.
 */
final class DirectoryItem extends Item {
  static final String TYPE = "Grant";
  static final TableSchema<DirectoryItem> SCHEMA = ItemSchema.of(DirectoryItem.class, DirectoryItem::new)
      .string("kind", i -> i.kind, (i, v) -> i.kind = v)
      .string("schoolId", i -> i.schoolId, (i, v) -> i.schoolId = v)
      .string("userId", i -> i.userId, (i, v) -> i.userId = v)
      .string("role", i -> i.role, (i, v) -> i.role = v)
      .string("displayName", i -> i.displayName, (i, v) -> i.displayName = v)
      .string("studentId", i -> i.studentId, (i, v) -> i.studentId = v)
      .string("relationship", i -> i.relationship, (i, v) -> i.relationship = v)
      .string("classId", i -> i.classId, (i, v) -> i.classId = v)
      .string("subject", i -> i.subject, (i, v) -> i.subject = v)
      .string("createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v)
      // Consent (issue 18), on CHILD grants only: written by privacy's ConsentService with update
      // expressions (never by a put, so re-granting cannot wipe them); consent* removed on withdrawal.
      .integer("consentVersion", i -> i.consentVersion, (i, v) -> i.consentVersion = v)
      .string("consentAt", i -> i.consentAt, (i, v) -> i.consentAt = v)
      .string("consentChannel", i -> i.consentChannel, (i, v) -> i.consentChannel = v)
      .string("consentWithdrawnAt", i -> i.consentWithdrawnAt, (i, v) -> i.consentWithdrawnAt = v)
      .gsi1(i -> i.gsi1pk, (i, v) -> i.gsi1pk = v, i -> i.gsi1sk, (i, v) -> i.gsi1sk = v)
      .build();

  static final String ROLE = "ROLE";
  static final String CHILD = "CHILD";
  static final String TEACHES = "TEACHES";
  static final String HOMEROOM = "HOMEROOM";

  String kind;
  String schoolId;
  String userId;
  String role;
  String displayName;
  String studentId;
  String relationship;
  String classId;
  String subject;
  String createdAt;
  Integer consentVersion;
  String consentAt;
  String consentChannel;
  String consentWithdrawnAt;
  String gsi1pk;
  String gsi1sk;
}
