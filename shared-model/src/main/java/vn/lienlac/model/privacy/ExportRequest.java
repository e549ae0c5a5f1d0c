package vn.lienlac.model.privacy;

/**
 * The body of {@code POST /v1/me/export}.
 *
 * @param language the language of the archive's readable part ({@code export.pdf}): {@code vi} or {@code en}
 */
public record ExportRequest(String language) {}
