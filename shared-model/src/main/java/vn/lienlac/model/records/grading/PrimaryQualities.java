package vn.lienlac.model.records.grading;

import java.util.List;
import java.util.stream.Stream;

/**
 * The qualities (phẩm chất) and competencies (năng lực) the 2018 programme forms, which primary
 * teachers rate Tốt / Đạt / Cần cố gắng ({@link QualityRating}) at each {@link PrimaryPoint}
 * (Circular 27/2020, Article 7). Codes are stable identifiers; display names are the
 * {@code quality.<code>} and {@code competency.<code>} messages.
 */
public final class PrimaryQualities {
  // The five main qualities.
  public static final String YEU_NUOC = "yeu-nuoc";
  public static final String NHAN_AI = "nhan-ai";
  public static final String CHAM_CHI = "cham-chi";
  public static final String TRUNG_THUC = "trung-thuc";
  public static final String TRACH_NHIEM = "trach-nhiem";
  // General competencies.
  public static final String TU_CHU_TU_HOC = "tu-chu-tu-hoc";
  public static final String GIAO_TIEP_HOP_TAC = "giao-tiep-hop-tac";
  public static final String GIAI_QUYET_VAN_DE = "giai-quyet-van-de-sang-tao";
  // Specific competencies.
  public static final String NGON_NGU = "ngon-ngu";
  public static final String TINH_TOAN = "tinh-toan";
  public static final String KHOA_HOC = "khoa-hoc";
  public static final String CONG_NGHE = "cong-nghe";
  public static final String TIN_HOC = "tin-hoc";
  public static final String THAM_MI = "tham-mi";
  public static final String THE_CHAT = "the-chat";

  /** Yêu nước, nhân ái, chăm chỉ, trung thực, trách nhiệm. */
  public static final List<String> QUALITIES = List.of(YEU_NUOC, NHAN_AI, CHAM_CHI, TRUNG_THUC, TRACH_NHIEM);
  /** Tự chủ và tự học; giao tiếp và hợp tác; giải quyết vấn đề và sáng tạo. */
  public static final List<String> GENERAL_COMPETENCIES = List.of(TU_CHU_TU_HOC, GIAO_TIEP_HOP_TAC, GIAI_QUYET_VAN_DE);
  /** Ngôn ngữ, tính toán, khoa học, công nghệ, tin học, thẩm mĩ, thể chất. */
  public static final List<String> SPECIFIC_COMPETENCIES =
      List.of(NGON_NGU, TINH_TOAN, KHOA_HOC, CONG_NGHE, TIN_HOC, THAM_MI, THE_CHAT);
  /** General then specific competencies. */
  public static final List<String> COMPETENCIES =
      Stream.concat(GENERAL_COMPETENCIES.stream(), SPECIFIC_COMPETENCIES.stream()).toList();
  /** Every quality then every competency: what a pupil is rated on, and what the year evaluation needs. */
  public static final List<String> ALL = Stream.concat(QUALITIES.stream(), COMPETENCIES.stream()).toList();

  private PrimaryQualities() {}

  public static boolean isQuality(String code) {
    return QUALITIES.contains(code);
  }

  public static boolean isCompetency(String code) {
    return COMPETENCIES.contains(code);
  }

  /** The message key of the code's display name: {@code quality.<code>} or {@code competency.<code>}. */
  public static String messageKey(String code) {
    if (isQuality(code)) {
      return "quality." + code;
    }
    if (isCompetency(code)) {
      return "competency." + code;
    }
    throw new IllegalArgumentException("Not a quality or competency: " + code);
  }
}
