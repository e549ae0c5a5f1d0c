package vn.lienlac.model.records.grading;

import java.util.List;
import java.util.Set;

/**
 * The subjects of the 2018 general-education programme for lower secondary school (THCS, grades
 * 6–9). Codes are stable identifiers; display names are the {@code subject.<code>} messages.
 */
public final class Subjects {
  public static final String TOAN = "toan";
  public static final String NGU_VAN = "ngu-van";
  public static final String TIENG_ANH = "tieng-anh";
  public static final String KHTN = "khtn";
  public static final String LICH_SU_DIA_LI = "lich-su-dia-li";
  public static final String GDCD = "gdcd";
  public static final String CONG_NGHE = "cong-nghe";
  public static final String TIN_HOC = "tin-hoc";
  public static final String GDTC = "gdtc";
  public static final String NGHE_THUAT = "nghe-thuat";
  public static final String HDTN_HN = "hdtn-hn";
  public static final String GDDP = "gddp";

  private static final Set<String> CODES = Set.of(TOAN, NGU_VAN, TIENG_ANH, KHTN, LICH_SU_DIA_LI, GDCD,
      CONG_NGHE, TIN_HOC, GDTC, NGHE_THUAT, HDTN_HN, GDDP);

  private Subjects() {}

  /**
   * The default plan of a THCS grade (6..9), in the programme's order, with its periods a year:
   * scored subjects first, then the comment-only ones. IllegalArgumentException for other grades.
   */
  public static List<SubjectPlan> lowerSecondaryPlan(int grade) {
    if (grade < 6 || grade > 9) {
      throw new IllegalArgumentException("Lower secondary is grades 6 to 9, not " + grade);
    }
    // Technology gets 1 period a week in grades 6–7 and 1.5 in grades 8–9 (35 school weeks).
    int technologyPeriods = grade <= 7 ? 35 : 52;
    return List.of(
        scored(TOAN, 140),
        scored(NGU_VAN, 140),
        scored(TIENG_ANH, 105),
        scored(KHTN, 140),
        scored(LICH_SU_DIA_LI, 105),
        scored(GDCD, 35),
        scored(CONG_NGHE, technologyPeriods),
        scored(TIN_HOC, 35),
        commented(GDTC, 70),
        commented(NGHE_THUAT, 70),
        commented(HDTN_HN, 105),
        commented(GDDP, 35));
  }

  /** Whether {@code code} is one of the subject codes above. */
  public static boolean isValidCode(String code) {
    return code != null && CODES.contains(code);
  }

  private static SubjectPlan scored(String subject, int periodsPerYear) {
    return new SubjectPlan(subject, AssessmentKind.SCORED, periodsPerYear);
  }

  private static SubjectPlan commented(String subject, int periodsPerYear) {
    return new SubjectPlan(subject, AssessmentKind.COMMENTED, periodsPerYear);
  }
}
