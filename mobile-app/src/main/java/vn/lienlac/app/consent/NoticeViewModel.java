package vn.lienlac.app.consent;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.lienlac.app.core.AppContext;
import vn.lienlac.app.core.ScreenModel;

/** One school's current purpose notice, to read (from settings: "Đọc thông báo"). */
public final class NoticeViewModel extends ScreenModel {
  private final String schoolId;
  private final ObjectProperty<NoticeText> notice = new SimpleObjectProperty<>();

  public NoticeViewModel(AppContext context, String schoolId) {
    super(context);
    this.schoolId = schoolId;
  }

  public String schoolId() {
    return schoolId;
  }

  /** The notice as shown; null until read. */
  public ObjectProperty<NoticeText> noticeProperty() {
    return notice;
  }

  public void load() {
    load(() -> NoticeText.of(context.client().privacyNotice(schoolId), text), notice::set, this::load);
  }
}
