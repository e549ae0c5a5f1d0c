package vn.lienlac.model.records.grading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The subjects and activities of the 2018 general-education programme for primary school (grades
 * 1–5), rated under Circular 27/2020, with the points at which each has a periodic test. Codes are
 * stable identifiers; display names are the {@code subject.<code>} messages. Where a primary
 * subject is the one secondary school continues under the same name, it keeps the secondary code
 * ({@link Subjects#TOAN}, {@link Subjects#LICH_SU_DIA_LI}, {@link Subjects#GDTC},
 * {@link Subjects#NGHE_THUAT}); the rest are primary codes. The foreign language is
 * {@code ngoai-ngu-1} ("Ngoại ngữ 1", the name the circular and the record book use, whatever
 * language the school teaches) rather than secondary's {@code tieng-anh}; the experiential
 * activity is {@code hdtn} (Hoạt động trải nghiệm: no career guidance in primary, unlike
 * secondary's {@code hdtn-hn}). Optional subjects (a foreign language in grades 1–2, ethnic
 * minority languages) are not in the default plans.
 */
public final class PrimarySubjects {
  public static final String TIENG_VIET = "tieng-viet";
  public static final String TOAN = Subjects.TOAN;
  public static final String NGOAI_NGU_1 = "ngoai-ngu-1";
  public static final String DAO_DUC = "dao-duc";
  public static final String TU_NHIEN_XA_HOI = "tu-nhien-xa-hoi";
  public static final String LICH_SU_DIA_LI = Subjects.LICH_SU_DIA_LI;
  public static final String KHOA_HOC = "khoa-hoc";
  public static final String TIN_HOC_CONG_NGHE = "tin-hoc-cong-nghe";
  public static final String GDTC = Subjects.GDTC;
  public static final String NGHE_THUAT = Subjects.NGHE_THUAT;
  public static final String HDTN = "hdtn";

  private static final Set<String> CODES = Set.of(TIENG_VIET, TOAN, NGOAI_NGU_1, DAO_DUC, TU_NHIEN_XA_HOI,
      LICH_SU_DIA_LI, KHOA_HOC, TIN_HOC_CONG_NGHE, GDTC, NGHE_THUAT, HDTN);

  private PrimarySubjects() {}

  /**
   * The default plan of a primary grade (1..5), in the programme's order. Periodic tests: at the
   * end of term 1 and of the year in Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học and
   * Tin học và Công nghệ; in grades 4–5 also at mid-term 1 and 2 in Tiếng Việt and Toán.
   * IllegalArgumentException for other grades.
   */
  public static List<PrimarySubject> plan(int grade) {
    if (grade < 1 || grade > 5) {
      throw new IllegalArgumentException("Primary school is grades 1 to 5, not " + grade);
    }
    Set<PrimaryPoint> endOfTerms = EnumSet.of(PrimaryPoint.END_TERM_1, PrimaryPoint.END_OF_YEAR);
    Set<PrimaryPoint> core = grade >= 4 ? EnumSet.allOf(PrimaryPoint.class) : endOfTerms;
    List<PrimarySubject> plan = new ArrayList<>();
    plan.add(new PrimarySubject(TIENG_VIET, core));
    plan.add(new PrimarySubject(TOAN, core));
    if (grade >= 3) {
      plan.add(new PrimarySubject(NGOAI_NGU_1, endOfTerms));
    }
    plan.add(new PrimarySubject(DAO_DUC, Set.of()));
    if (grade <= 3) {
      plan.add(new PrimarySubject(TU_NHIEN_XA_HOI, Set.of()));
    } else {
      plan.add(new PrimarySubject(LICH_SU_DIA_LI, endOfTerms));
      plan.add(new PrimarySubject(KHOA_HOC, endOfTerms));
    }
    if (grade >= 3) {
      plan.add(new PrimarySubject(TIN_HOC_CONG_NGHE, endOfTerms));
    }
    plan.add(new PrimarySubject(GDTC, Set.of()));
    plan.add(new PrimarySubject(NGHE_THUAT, Set.of()));
    plan.add(new PrimarySubject(HDTN, Set.of()));
    return List.copyOf(plan);
  }

  /** Whether {@code code} is one of the primary subject codes above. */
  public static boolean isValidCode(String code) {
    return code != null && CODES.contains(code);
  }
}
