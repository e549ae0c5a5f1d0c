package vn.lienlac.model.common;

import java.util.List;

/** A list answer: an object, so that paging ({@code next}) can be added without breaking clients. */
public record ListResponse<T>(List<T> items, String next) {

  public static <T> ListResponse<T> of(List<T> items) {
    return new ListResponse<>(List.copyOf(items), null);
  }
}
