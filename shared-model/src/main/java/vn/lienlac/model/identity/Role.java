package vn.lienlac.model.identity;

/** What a person is in a school. One person can hold several roles, in several schools. */
public enum Role {
  /** Phụ huynh: a legal representative of one or more pupils. */
  PARENT,
  /** Giáo viên: teaches subjects in classes; may be the homeroom teacher of one. */
  TEACHER,
  /** Văn phòng / ban giám hiệu: school office and management. */
  STAFF,
  /**
   * Người phụ trách bảo vệ dữ liệu cá nhân (data-protection officer, Law 91/2025/QH15): reads the
   * school's access log and its consents overview; none of the pupils' records.
   */
  DPO
}
