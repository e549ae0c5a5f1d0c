package vn.lienlac.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Keys;
import vn.lienlac.local.dynamo.LocalDynamo;
import vn.lienlac.local.template.SamTemplate;

/**
 * The demo seed's items, as the production services wrote them, kept to be loaded again fast.
 *
 * <p>The build ({@code local/pom.xml}, phase process-classes) runs {@link #main}: it writes the
 * demo world through the production services ({@link DemoSeed#writeThroughServices}) into a
 * DynamoDB Local on tmpfs, scans the table and stores every item, sorted by key, as gzipped JSON
 * lines in DynamoDB's attribute-value notation ({@value #RESOURCE} on the class path), and keeps
 * DynamoDB Local's data file with the seed marker ({@value #DATABASE_RESOURCE}). A first start
 * copies the data file in ({@link #startLocalDynamo}) or loads the items with BatchWriteItem
 * ({@link #load}) instead of running the services again: the same items, in a fraction of the
 * time. The first line records a fingerprint of everything that decides the items (the
 * project's classes and resources, the dependencies' coordinates, template.yaml); the build
 * regenerates the files only when it changed.
 */
public final class SeedSnapshot {
  /** Where the build puts the snapshot, on the class path of the local module. */
  public static final String RESOURCE = "/vn/lienlac/local/seed/demo-seed.jsonl.gz";
  /** The same items (and the seed marker) in DynamoDB Local's data file, gzipped. */
  static final String DATABASE_RESOURCE = "/vn/lienlac/local/seed/demo-seed.db.gz";
  /** The file DynamoDB Local keeps its tables in, with {@code -sharedDb}. */
  static final String DATABASE_FILE = "shared-local-instance.db";
  private static final String FORMAT = "lienlac-demo-seed/1";
  /** DynamoDB's limit of requests per BatchWriteItem. */
  private static final int BATCH_WRITE_LIMIT = 25;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<Map<String, AttributeValue>> BY_KEY =
      Comparator.<Map<String, AttributeValue>, String>comparing(item -> item.get(Keys.PK).s())
          .thenComparing(item -> item.get(Keys.SK).s());

  private final String fingerprint;
  private final List<Map<String, AttributeValue>> items;

  SeedSnapshot(String fingerprint, List<Map<String, AttributeValue>> items) {
    this.fingerprint = fingerprint;
    this.items = items.stream().sorted(BY_KEY).toList();
  }

  public List<Map<String, AttributeValue>> items() {
    return items;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** Every item of the table, sorted by key (a strongly consistent Scan). Dev and test code only. */
  public static List<Map<String, AttributeValue>> scan(Dynamo dynamo) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo.client().scanPaginator(r -> r.tableName(dynamo.tableName()).consistentRead(true)).items().forEach(items::add);
    items.sort(BY_KEY);
    return items;
  }

  /** The snapshot the build left on the class path, or empty when there is none (e.g. run from an IDE). */
  static java.util.Optional<SeedSnapshot> fromClassPath() {
    InputStream in = SeedSnapshot.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      return java.util.Optional.empty();
    }
    try (in) {
      return java.util.Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed snapshot " + RESOURCE, e);
    }
  }

  /**
   * Writes every item with BatchWriteItem, 25 per call, several calls at once; unprocessed items
   * are sent again. Puts overwrite: loading twice gives the same table.
   */
  void load(Dynamo dynamo) {
    List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
      batches.add(items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(DemoSeed.PARALLELISM);
    try {
      DemoSeed.inParallel(pool, batches, batch -> write(dynamo, batch));
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(Dynamo dynamo, List<Map<String, AttributeValue>> batch) {
    List<WriteRequest> requests = batch.stream().map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
    for (int attempt = 0; !requests.isEmpty(); attempt++) {
      if (attempt > 0) {
        sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
      }
      List<WriteRequest> pending = requests;
      BatchWriteItemResponse response = dynamo.client().batchWriteItem(r -> r.requestItems(Map.of(dynamo.tableName(), pending)));
      requests = response.unprocessedItems().getOrDefault(dynamo.tableName(), List.of());
      if (attempt > 20 && !requests.isEmpty()) {
        throw new IllegalStateException(requests.size() + " seed items stayed unprocessed after " + attempt + " attempts");
      }
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Seed interrupted", e);
    }
  }

  // --- The file: a header line, then one item per line, gzipped --------------------------------

  void write(OutputStream out) throws IOException {
    try (var writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
      ObjectNode header = JSON.createObjectNode().put("format", FORMAT).put("fingerprint", fingerprint)
          .put("items", items.size());
      writer.write(JSON.writeValueAsString(header));
      writer.newLine();
      for (Map<String, AttributeValue> item : items) {
        writer.write(JSON.writeValueAsString(toJson(item)));
        writer.newLine();
      }
    }
  }

  static SeedSnapshot read(InputStream in) throws IOException {
    try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      JsonNode header = JSON.readTree(reader.readLine());
      if (header == null || !FORMAT.equals(header.path("format").asText())) {
        throw new IOException("Not a " + FORMAT + " file");
      }
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        items.add(fromJson(JSON.readTree(line)));
      }
      if (items.size() != header.path("items").asInt(-1)) {
        throw new IOException("Truncated: " + items.size() + " items, the header says " + header.path("items"));
      }
      return new SeedSnapshot(header.path("fingerprint").asText(), items);
    }
  }

  /** The fingerprint in a snapshot file's header, or null when there is no readable file. */
  static String fingerprintOf(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      return JSON.readTree(reader.readLine()).path("fingerprint").asText(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** An item in DynamoDB's JSON notation ({@code {"pk":{"S":"…"}}}), attributes sorted by name. */
  static ObjectNode toJson(Map<String, AttributeValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(item).forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  private static ObjectNode toJson(AttributeValue value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case SS -> value.ss().forEach(node.putArray("SS")::add);
      case NS -> value.ns().forEach(node.putArray("NS")::add);
      case BS -> value.bs().forEach(b -> node.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
      case L -> {
        ArrayNode list = node.putArray("L");
        value.l().forEach(element -> list.add(toJson(element)));
      }
      case M -> node.set("M", toJson(value.m()));
      default -> throw new IllegalArgumentException("Attribute type not supported: " + value.type());
    }
    return node;
  }

  static Map<String, AttributeValue> fromJson(JsonNode item) {
    Map<String, AttributeValue> attributes = new TreeMap<>();
    item.properties().forEach(e -> attributes.put(e.getKey(), valueFromJson(e.getValue())));
    return attributes;
  }

  private static AttributeValue valueFromJson(JsonNode node) {
    var entry = node.properties().iterator().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "SS" -> AttributeValue.fromSs(texts(v));
      case "NS" -> AttributeValue.fromNs(texts(v));
      case "BS" -> AttributeValue.fromBs(texts(v).stream()
          .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(element -> list.add(valueFromJson(element)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(fromJson(v));
      default -> throw new IllegalArgumentException("Unknown attribute type " + entry.getKey());
    };
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  // --- The build step ------------------------------------------------------------------------

  /**
   * {@code SeedSnapshot <output file> <repository root>}: writes the snapshot unless the file
   * there already has the current fingerprint. Run by the local module's build.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("Usage: SeedSnapshot <output file> <repository root>");
      System.exit(2);
    }
    Path output = Path.of(args[0]).toAbsolutePath();
    Path database = output.resolveSibling(DATABASE_RESOURCE.substring(DATABASE_RESOURCE.lastIndexOf('/') + 1));
    Path root = Path.of(args[1]).toAbsolutePath().normalize();
    String fingerprint = fingerprint(System.getProperty("java.class.path"), root, output);
    if (fingerprint.equals(fingerprintOf(output)) && Files.isRegularFile(database)) {
      System.out.println("seed snapshot: up to date (" + output.getFileName() + ")");
      return;
    }
    long started = System.nanoTime();
    SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
    String tableName = template.tables().getFirst().logicalId();
    // One DynamoDB Local with a data folder, on tmpfs (memory) where there is one: DynamoDB Local
    // commits every call, and a disk's fsyncs would make that several times slower. The services
    // write the world; the Scan is the snapshot; with the marker, its file is the data file.
    Path shm = Path.of("/dev/shm");
    Path folder = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "lienlac-seed-")
        : Files.createTempDirectory("lienlac-seed-");
    SeedSnapshot snapshot;
    try {
      try (LocalDynamo dynamo = quietlyStart(folder)) {
        template.tables().forEach(dynamo::createTable);
        Dynamo table = dynamo.table(tableName);
        snapshot = generate(table, fingerprint, DemoSchools.build());
        DemoSeed.markSeeded(table, DemoSchools.build());
      }
      writeAtomically(database, out -> {
        try (OutputStream gzip = new GZIPOutputStream(out)) {
          Files.copy(folder.resolve(DATABASE_FILE), gzip);
        }
      });
      writeAtomically(output, snapshot::write); // last: its fingerprint says both files are current
    } finally {
      deleteFolder(folder);
    }
    System.out.printf("seed snapshot: %d items written through the services in %.1f s (%s, %d KB; %s, %d KB)%n",
        snapshot.items().size(), (System.nanoTime() - started) / 1e9, output.getFileName(), Files.size(output) / 1024,
        database.getFileName(), Files.size(database) / 1024);
    System.exit(0); // DynamoDB Local leaves non-daemon threads behind
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path file, Writer writer) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      writer.write(out);
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** DynamoDB Local without its banner on standard output. */
  private static LocalDynamo quietlyStart(Path dataDir) {
    java.io.PrintStream console = System.out;
    System.setOut(new java.io.PrintStream(OutputStream.nullOutputStream()));
    try {
      return LocalDynamo.start(dataDir);
    } finally {
      System.setOut(console);
    }
  }

  /**
   * DynamoDB Local with the build's seeded database wherever it can start from it. With a data
   * folder: installed there when the folder has no database yet ({@link #installDatabase}). In
   * memory ({@code dataDir} null): on tmpfs ({@code /dev/shm}, memory too), in a folder of its own
   * that is deleted when it stops; elsewhere, or without the build's database, DynamoDB Local's
   * own in-memory mode, and the seed loads the snapshot.
   */
  public static LocalDynamo startLocalDynamo(Path dataDir) {
    if (dataDir != null) {
      installDatabase(dataDir);
      return LocalDynamo.start(dataDir);
    }
    Path shm = Path.of("/dev/shm");
    if (SeedSnapshot.class.getResource(DATABASE_RESOURCE) == null || !Files.isDirectory(shm) || !Files.isWritable(shm)) {
      return LocalDynamo.start(null);
    }
    deleteAbandoned(shm);
    Path folder;
    try {
      folder = Files.createTempDirectory(shm, THROWAWAY + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a folder in " + shm, e);
    }
    try {
      installDatabase(folder);
      return LocalDynamo.start(folder).afterClose(() -> deleteFolder(folder));
    } catch (RuntimeException e) {
      deleteFolder(folder);
      throw e;
    }
  }

  private static final String THROWAWAY = "lienlac-memory-";

  /** The throwaway folders of processes that ended without stopping DynamoDB Local (kill -9). */
  private static void deleteAbandoned(Path shm) {
    try (Stream<Path> folders = Files.list(shm)) {
      folders.filter(f -> f.getFileName().toString().startsWith(THROWAWAY)).forEach(f -> {
        String[] parts = f.getFileName().toString().substring(THROWAWAY.length()).split("-");
        try {
          if (ProcessHandle.of(Long.parseLong(parts[0])).isEmpty()) {
            deleteFolder(f);
          }
        } catch (NumberFormatException e) {
          // not one of ours
        }
      });
    } catch (IOException e) {
      // nothing to clean up then
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort: a throwaway folder
    }
  }

  /**
   * Before DynamoDB Local starts on a data folder that has no database yet: puts the build's
   * seeded database there (the snapshot's items and the seed marker, in DynamoDB Local's own
   * file), so that a first start loads nothing. False when the folder has a database already or
   * the build made none; the seed then runs as usual.
   */
  public static boolean installDatabase(Path dataDir) {
    Path target = dataDir.resolve(DATABASE_FILE);
    InputStream resource = SeedSnapshot.class.getResourceAsStream(DATABASE_RESOURCE);
    if (resource == null || Files.exists(target)) {
      return false;
    }
    try (InputStream in = new GZIPInputStream(resource)) {
      Files.createDirectories(dataDir);
      Path partial = dataDir.resolve(DATABASE_FILE + ".partial");
      Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install the seeded database in " + dataDir, e);
    }
  }

  /** Writes {@code world} through the production services into an empty table and takes every item. */
  static SeedSnapshot generate(Dynamo emptyTable, String fingerprint, DemoSchools.World world) {
    DemoSeed.writeThroughServices(emptyTable, world);
    return new SeedSnapshot(fingerprint, scan(emptyTable));
  }

  /**
   * A SHA-256 over what decides the seed's items: the content of the class path entries inside the
   * repository (the project's classes and resources, folders or jars; build metadata and the
   * output itself left out), the paths of the others (dependency jars name their version), and
   * template.yaml.
   */
  static String fingerprint(String classPath, Path root, Path output) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
    digest.update(Files.readAllBytes(root.resolve("template.yaml")));
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      if (!path.startsWith(root)) {
        digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
      } else if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile)
              .filter(f -> !f.toAbsolutePath().normalize().getParent().equals(output.getParent())
                  || !f.getFileName().toString().startsWith("demo-seed."))
              .sorted().toList();
        }
        for (Path file : files) {
          digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      } else if (Files.isRegularFile(path)) {
        try (ZipFile jar = new ZipFile(path.toFile())) {
          List<? extends ZipEntry> entries = jar.stream()
              .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/maven/")
                  && !e.getName().equals("META-INF/MANIFEST.MF"))
              .sorted(Comparator.comparing(ZipEntry::getName)).toList();
          for (ZipEntry e : entries) {
            digest.update(e.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(e)) {
              digest.update(in.readAllBytes());
            }
          }
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
