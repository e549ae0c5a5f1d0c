package vn.lienlac.functions.privacy.export;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienlac.functions.platform.Dynamo;

/** Collects everything Lienlac holds about a person and their children (filled in next). */
public final class ExportCollector {
  private final Dynamo dynamo;
  private final Clock clock;

  public ExportCollector(Dynamo dynamo, Clock clock) {
    this.dynamo = dynamo;
    this.clock = clock;
  }

  /** The export: sections of items, each item with its table key ({@code pk}, {@code sk}). */
  public record Export(String subject, String exportId, Instant generatedAt,
      Map<String, List<Map<String, Object>>> sections) {}

  public Export collect(String subject, String exportId, Instant now) {
    Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
    sections.put("account", new ArrayList<>());
    return new Export(subject, exportId, now, sections);
  }
}
