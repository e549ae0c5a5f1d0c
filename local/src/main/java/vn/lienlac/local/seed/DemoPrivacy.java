package vn.lienlac.local.seed;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import vn.lienlac.functions.identity.Caller;
import vn.lienlac.functions.identity.School;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.privacy.ConsentService;
import vn.lienlac.functions.privacy.NoticeService;
import vn.lienlac.local.seed.DemoSchools.Person;
import vn.lienlac.local.seed.DemoSchools.World;
import vn.lienlac.model.identity.Role;
import vn.lienlac.model.privacy.Consent;
import vn.lienlac.model.privacy.PrivacyNotice;

/**
 * Issue 18: each demo school's purpose notice (version 1, Vietnamese first), published by its
 * office, and every demo parent's consent for each child (channel APP, at the seed's instant),
 * through the production services, except {@link #UNCONSENTED_PARENT}'s, whom {@code /dev/users}
 * marks as not yet consented.
 */
final class DemoPrivacy {
  /** The one demo parent who has not consented yet (the last family of THCS Nguyễn Trãi: no test's search reaches it). */
  static final String UNCONSENTED_PARENT = "nt-ph-078";
  static final int NOTICE_VERSION = 1;

  private DemoPrivacy() {}

  /** The consent a demo parent's grants carry: none for {@link #UNCONSENTED_PARENT}. */
  static Integer consentOf(String personId) {
    return UNCONSENTED_PARENT.equals(personId) ? null : NOTICE_VERSION;
  }

  static void write(Dynamo dynamo, Clock clock, World world, ExecutorService pool) {
    NoticeService notices = new NoticeService(dynamo, clock);
    ConsentService consents = new ConsentService(dynamo, clock);
    for (School school : world.schools()) {
      Person office = world.people().stream()
          .filter(p -> p.role() == Role.STAFF && p.schoolId().equals(school.id())).findFirst().orElseThrow();
      notices.publish(office.caller(), school, notice(school), "seed");
    }
    List<Person> parents = world.people().stream().filter(p -> p.grants().stream()
        .anyMatch(g -> g instanceof Caller.ChildGrant c && c.consented())).toList();
    DemoSeed.inParallel(pool, parents, parent -> {
      // The service records consent only where the grant has none yet: as the parent was before consenting.
      Caller before = new Caller(parent.id(), parent.grants().stream().map(g -> g instanceof Caller.ChildGrant c
          ? new Caller.ChildGrant(c.schoolId(), c.studentId(), c.relationship()) : g).toList());
      parent.grants().stream().filter(g -> g instanceof Caller.ChildGrant c && c.consented())
          .map(Caller.ChildGrant.class::cast)
          .forEach(c -> consents.give(before, new Consent.Grant(c.studentId(), NOTICE_VERSION, Consent.Channel.APP),
              "seed"));
    });
  }

  /** The notice: what, why, statutory or optional, rights, the DPO. */
  static PrivacyNotice.Draft notice(School school) {
    String bodyVi = String.join("\n\n",
        "1. Dữ liệu nhà trường xử lý: họ tên, ngày sinh, lớp của học sinh; điểm số, nhận xét, chuyên cần, đơn xin"
            + " nghỉ học; họ tên, số điện thoại của cha mẹ hoặc người giám hộ; học phí và các khoản thu.",
        "2. Hồ sơ bắt buộc theo quy định (không cần sự đồng ý, nhà trường lưu giữ theo luật): điểm số và đánh giá,"
            + " chuyên cần, đơn xin nghỉ học, học bạ, thông báo của nhà trường, sổ sách học phí. Phụ huynh luôn xem"
            + " được các hồ sơ này.",
        "3. Xử lý không bắt buộc, chỉ khi cha mẹ hoặc người giám hộ đồng ý cho từng con: tin nhắn giữa gia đình"
            + " và giáo viên, thông báo đẩy trên điện thoại, thanh toán học phí qua ứng dụng và biên lai điện tử.",
        "4. Quyền của gia đình (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): được biết, xem và nhận bản sao dữ"
            + " liệu (Cài đặt → Tải dữ liệu), yêu cầu chỉnh sửa (liên hệ văn phòng nhà trường), rút lại sự đồng ý bất"
            + " cứ lúc nào (Cài đặt → Quyền riêng tư; việc rút lại không ảnh hưởng hồ sơ bắt buộc), yêu cầu xoá dữ liệu"
            + " không bắt buộc (Cài đặt → Xoá tài khoản).",
        "5. Ai được xem: giáo viên của lớp, văn phòng nhà trường và người phụ trách bảo vệ dữ liệu cá nhân; mọi lần"
            + " cán bộ xem hồ sơ của học sinh đều được ghi lại và gia đình xem được nhật ký này.");
    String bodyEn = String.join("\n\n",
        "1. Data the school processes: the pupil's name, date of birth and class; grades, comments, attendance,"
            + " leave requests; the parents' or guardians' names and phone numbers; fees and payments.",
        "2. Statutory records (no consent needed; the school keeps them by law): grades and assessments, attendance,"
            + " leave requests, the record book, school announcements, fee accounts. Parents can always read them.",
        "3. Optional processing, only with a parent's or guardian's consent for each child: messages between the"
            + " family and teachers, push notifications, paying fees in the app and electronic receipts.",
        "4. The family's rights (Law on Personal Data Protection No. 91/2025/QH15): to know, to access and receive a"
            + " copy (Settings → Download my data), to have data corrected (contact the school office), to withdraw"
            + " consent at any time (Settings → Privacy; withdrawal does not touch statutory records), to have"
            + " optional data deleted (Settings → Delete account).",
        "5. Who sees it: the class's teachers, the school office and the data-protection officer; every time staff"
            + " read a pupil's file it is logged, and the family can read that log.");
    return new PrivacyNotice.Draft(0, "Thông báo xử lý dữ liệu cá nhân – " + school.name(), bodyVi,
        "Personal data notice – " + school.name(), bodyEn,
        "Người phụ trách bảo vệ dữ liệu cá nhân, văn phòng " + school.name() + " (giờ hành chính)");
  }

  /** For {@code /dev/users}: whether a parent has consented for all their children (null for others). */
  static Boolean consented(Person person) {
    List<Caller.ChildGrant> children = person.grants().stream().filter(Caller.ChildGrant.class::isInstance)
        .map(Caller.ChildGrant.class::cast).toList();
    return children.isEmpty() ? null : children.stream().allMatch(Caller.ChildGrant::consented);
  }
}
