package vn.lienlac.functions.roster.file;

/**
 * A parent or guardian named on a pupil's row: the name as written (null when the file gives only
 * a phone), how they are related to the pupil, and their mobile number in E.164 ({@code +849…}).
 * The phone is the identity of the family account: one phone, one account, all their children.
 */
public record Guardian(String name, Relationship relationship, String phone) {

  /** Cha, mẹ, người giám hộ. A contact phone with no named parent counts as a guardian's. */
  public enum Relationship { FATHER, MOTHER, GUARDIAN }
}
