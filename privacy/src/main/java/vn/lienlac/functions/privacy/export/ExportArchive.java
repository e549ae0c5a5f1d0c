package vn.lienlac.functions.privacy.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.lienlac.functions.platform.Json;

/** The archive: {@code export.json} (every item, with its key) and {@code export.pdf} (the same, readable). */
public final class ExportArchive {
  public static final String JSON = "export.json";
  public static final String PDF = "export.pdf";

  private ExportArchive() {}

  /** {@code language}: {@code vi} or {@code en}, the PDF's headings. */
  public static byte[] zip(ExportCollector.Export export, String language) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("exportId", export.exportId());
    json.put("subject", export.subject());
    json.put("generatedAt", export.generatedAt().toString());
    json.put("sections", export.sections());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(JSON));
      zip.write(Json.write(json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(PDF));
      zip.write(ExportPdf.render(export, language));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
