package vn.lienlac.model.announcements;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A school announcement (thông báo): to the whole school, a grade (khối) or a class, from the office
 * or a teacher. {@code read} and {@code acknowledged} are this family's marks, present only in a
 * family's view (feed, or a parent reading one); null in the office's and teachers' lists.
 */
public record Announcement(String id, String schoolId, Scope scope, Integer grade, String classId, String className,
    String title, String body, boolean urgent, boolean acknowledgementRequired, List<Link> links, String authorId,
    String authorName, OffsetDateTime publishedAt, Boolean read, Boolean acknowledged) {

  public Announcement {
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** Who an announcement is for: every family of the school, of one grade, or of one class. */
  public enum Scope { SCHOOL, GRADE, CLASS }

  /** A link under the text, https only (a form, a document); the label is optional. */
  public record Link(String url, String label) {}

  /**
   * {@code POST /v1/announcements}: {@code grade} only for GRADE, {@code classId} only for CLASS;
   * {@code urgent} and {@code acknowledgementRequired} default to false.
   */
  public record Draft(String schoolId, Scope scope, Integer grade, String classId, String title, String body,
      Boolean urgent, Boolean acknowledgementRequired, List<Link> links) {}

  /** A family's marks on one announcement ({@code POST …/read}, {@code POST …/ack}). */
  public record Receipt(String announcementId, boolean read, OffsetDateTime readAt, boolean acknowledged,
      OffsetDateTime acknowledgedAt) {}

  /** {@code GET /v1/schools/{schoolId}/announcements}: what the office (all) or a teacher (theirs) sent. */
  public record Sent(String schoolId, List<Announcement> items, String next) {
    public Sent {
      items = List.copyOf(items);
    }
  }

  /**
   * {@code GET /v1/announcements/{id}/stats}: families (guardian accounts) the announcement is for
   * now, how many read it and acknowledged it, and a page of those not reached yet (not read; or
   * not acknowledged when acknowledgement is required), sorted by class and pupil.
   */
  public record Stats(String announcementId, Scope scope, boolean acknowledgementRequired, int families, int read,
      int acknowledged, int notReached, List<NotReached> items, String next) {
    public Stats {
      items = List.copyOf(items);
    }
  }

  /**
   * A family not reached yet: the guardian, their pupils in the scope, whether they read it
   * (when the acknowledgement is what is missing), and whether they have a phone registered for
   * notifications in this school: without one, only a printed note or a call reaches them.
   */
  public record NotReached(String guardianId, String guardianName, List<Pupil> pupils, boolean read,
      boolean hasDevice) {
    public NotReached {
      pupils = List.copyOf(pupils);
    }
  }

  /** A pupil in the scope, with their class. */
  public record Pupil(String studentId, String fullName, String classId, String className) {}
}
