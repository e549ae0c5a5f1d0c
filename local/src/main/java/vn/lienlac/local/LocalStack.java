package vn.lienlac.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.local.auth.DevIdentity;
import vn.lienlac.local.dynamo.LocalDynamo;
import vn.lienlac.local.events.LocalEvents;
import vn.lienlac.local.events.LocalSqs;
import vn.lienlac.local.gateway.DevGateway;
import vn.lienlac.local.gateway.FrontDoor;
import vn.lienlac.local.seed.DemoSeed;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.local.seed.SeedSnapshot;
import vn.lienlac.local.template.SamTemplate;
import vn.lienlac.local.vnpay.VnpaySandbox;

/**
 * The whole API in this JVM: DynamoDB Local with the template's table, the demo seed, every
 * function of template.yaml behind the dev gateway and the local token issuer, and the template's
 * queues in ElasticMQ with their event source mappings and schedules ({@link #events()}). Ready (serving)
 * when {@link #start} returns.
 */
public final class LocalStack implements AutoCloseable {
  private final LocalDynamo dynamo;
  private final Dynamo table;
  private final DevIdentity identity;
  private final DevGateway gateway;
  private final LocalEvents events;
  private final List<DevUser> users;
  private final List<String> warnings;
  private final Map<String, Duration> phases;
  private final Clock clock;
  private final VnpaySandbox vnpay;

  /**
   * How to start: {@code port} 0 picks a free one; {@code dataDir} null means
   * {@code <repoRoot>/.lienlac/data}; {@code repoRoot} null means {@link SamTemplate#repositoryRoot()};
   * {@code clock} null means the system clock (UTC). The clock is the stack's "now" everywhere:
   * the functions', the token issuer's and the gateway's.
   */
  public record Options(int port, boolean inMemory, Path dataDir, Path repoRoot, Clock clock, Duration retryDelay,
      boolean scheduleTimers) {
    public static final int DEFAULT_PORT = 3000;

    public Options(int port, boolean inMemory, Path dataDir, Path repoRoot, Clock clock) {
      this(port, inMemory, dataDir, repoRoot, clock, null, true);
    }

    public static Options defaults() {
      return new Options(DEFAULT_PORT, false, null, null, null);
    }

    /**
     * How long a record that an SQS function failed stays invisible before its retry: null (the
     * default) is the queue's visibility timeout, as in AWS; tests use {@link Duration#ZERO}.
     */
    public Options withRetryDelay(Duration delay) {
      return new Options(port, inMemory, dataDir, repoRoot, clock, delay, scheduleTimers);
    }

    /** Whether {@code rate(...)} schedules run on a timer (serve) or only when a test runs them. */
    public Options withScheduleTimers(boolean on) {
      return new Options(port, inMemory, dataDir, repoRoot, clock, retryDelay, on);
    }

    public Options withPort(int newPort) {
      return new Options(newPort, inMemory, dataDir, repoRoot, clock, retryDelay, scheduleTimers);
    }

    public Options withInMemory(boolean memory) {
      return new Options(port, memory, dataDir, repoRoot, clock, retryDelay, scheduleTimers);
    }

    public Options withDataDir(Path dir) {
      return new Options(port, inMemory, dir, repoRoot, clock, retryDelay, scheduleTimers);
    }

    public Options withRepoRoot(Path root) {
      return new Options(port, inMemory, dataDir, root, clock, retryDelay, scheduleTimers);
    }

    public Options withClock(Clock newClock) {
      return new Options(port, inMemory, dataDir, repoRoot, newClock, retryDelay, scheduleTimers);
    }

    /**
     * A clock that reads {@code start} now and runs at the pace of time from there: the demo world's
     * dates without freezing time, so that a later write gets a later instant, as in production.
     */
    public static Clock startingAt(Instant start) {
      return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    Clock clockOrSystem() {
      return clock != null ? clock : Clock.systemUTC();
    }

    Path root() {
      return repoRoot != null ? repoRoot : SamTemplate.repositoryRoot();
    }

    /** Where DynamoDB Local and the signing key persist; null in memory. */
    Path data(Path root) {
      if (inMemory) {
        return null;
      }
      return dataDir != null ? dataDir : root.resolve(".lienlac").resolve("data");
    }
  }

  private LocalStack(LocalDynamo dynamo, Dynamo table, DevIdentity identity, DevGateway gateway, LocalEvents events,
      List<DevUser> users, List<String> warnings, Map<String, Duration> phases, Clock clock, VnpaySandbox vnpay) {
    this.vnpay = vnpay;
    this.dynamo = dynamo;
    this.table = table;
    this.identity = identity;
    this.gateway = gateway;
    this.events = events;
    this.users = List.copyOf(users);
    this.warnings = List.copyOf(warnings);
    this.phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    this.clock = clock;
  }

  public static LocalStack start(Options options) {
    return start(options, System.out);
  }

  /** Starts everything and returns once the gateway serves; {@code out} gets the functions' logs. */
  public static LocalStack start(Options options, PrintStream out) {
    Map<String, Duration> phases = new LinkedHashMap<>();
    long mark = System.nanoTime();
    try {
      DevGateway.ensureFree(options.port());
    } catch (IOException e) {
      throw cannotListen(options.port(), e);
    }
    Path root = options.root();
    Clock clock = options.clockOrSystem();
    SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
    Set<String> tables = template.tables().stream().map(SamTemplate.Table::logicalId).collect(Collectors.toSet());
    if (tables.size() != 1) {
      throw new IllegalStateException("The local stack seeds one table; template.yaml declares " + tables);
    }
    Path data = options.data(root);
    // RSA key generation and ElasticMQ's start overlap DynamoDB Local's start.
    CompletableFuture<RSAKey> key = CompletableFuture.supplyAsync(
        () -> DevIdentity.loadKey(data == null ? null : data.resolve(DevIdentity.KEY_FILE)));
    boolean hasQueues = !template.queues().isEmpty();
    CompletableFuture<LocalSqs> sqsStart = hasQueues ? CompletableFuture.supplyAsync(LocalSqs::start) : null;
    // Optional: the same stack against LocalStack's DynamoDB, on machines that can run it.
    String external = System.getenv("LOCALSTACK_ENDPOINT");
    LocalDynamo dynamo;
    try {
      dynamo = external == null || external.isBlank()
          ? SeedSnapshot.startLocalDynamo(data)
          : LocalDynamo.external(URI.create(external));
    } catch (RuntimeException | Error e) {
      closeWhenStarted(sqsStart);
      throw e;
    }
    LocalEvents events = null;
    try {
      mark = phase(phases, "DynamoDB Local", mark);
      template.tables().forEach(dynamo::createTable);
      Dynamo table = dynamo.table(template.tables().getFirst().logicalId());
      mark = phase(phases, "tables", mark);
      List<DevUser> users = DemoSeed.run(table);
      mark = phase(phases, "seed", mark);
      LocalSqs sqs = hasQueues ? sqsStart.join() : null;
      if (sqs != null) {
        events = new LocalEvents(sqs, clock, options.retryDelay(), options.scheduleTimers(), out);
        sqs.createQueues(template.queues());
        mark = phase(phases, "queues", mark);
      }

      List<String> warnings = new ArrayList<>();
      List<DevGateway.Deployed> functions = new ArrayList<>();
      for (SamTemplate.Function function : template.functions()) {
        Map<String, String> variables = new HashMap<>(function.environment(id -> tables.contains(id) ? id
            : sqs != null ? sqs.url(id) : null));
        variables.putAll(dynamo.environment());
        if (sqs != null) {
          variables.putAll(sqs.environment());
        }
        if (function.isHttp()) {
          functions.add(new DevGateway.Deployed(function, instantiate(function, Environment.of(variables), clock,
              warnings)));
        } else if (events != null) {
          RequestHandler<?, ?> handler = instantiateNonHttp(function, Environment.of(variables), clock, warnings);
          if (handler != null) {
            events.deploy(function, handler);
          }
        } else {
          warnings.add(function.logicalId() + ": no routes and the template declares no queue; not started");
        }
      }

      mark = phase(phases, "functions", mark);
      FrontDoor server = DevGateway.bind(options.port());
      DevIdentity identity = DevIdentity.create(DevGateway.baseUri(server).toString(), key.join(), clock);
      DevGateway gateway = DevGateway.start(server, identity, functions, users, clock, out);
      VnpaySandbox vnpay = new VnpaySandbox(DevGateway.baseUri(server), clock);
      gateway.mount(VnpaySandbox.PREFIX, vnpay);
      phase(phases, "gateway", mark);
      return new LocalStack(dynamo, table, identity, gateway, events, users, warnings, phases, clock, vnpay);
    } catch (IOException e) {
      closeQuietly(events, sqsStart);
      dynamo.close();
      throw cannotListen(options.port(), e);
    } catch (RuntimeException | Error e) {
      closeQuietly(events, sqsStart);
      dynamo.close();
      throw e;
    }
  }

  private static void closeQuietly(LocalEvents events, CompletableFuture<LocalSqs> sqsStart) {
    if (events != null) {
      events.close();
    } else {
      closeWhenStarted(sqsStart);
    }
  }

  private static void closeWhenStarted(CompletableFuture<LocalSqs> sqsStart) {
    if (sqsStart != null) {
      sqsStart.thenAccept(LocalSqs::close);
    }
  }

  private static UncheckedIOException cannotListen(int port, IOException e) {
    return new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
  }

  private static long phase(Map<String, Duration> phases, String name, long since) {
    long now = System.nanoTime();
    phases.put(name, Duration.ofNanos(now - since));
    return now;
  }

  /**
   * The handler, built once as Lambda builds it once per container, from the environment the
   * template gives it: through its {@code (Dynamo, Clock)} constructor with
   * {@link Dynamo#fromEnvironment}, which is what its {@code (Environment)} constructor does with
   * the system clock. A class that is not there (not written yet) is a warning and its routes
   * answer 500; a constructor that fails stops the start.
   */
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(
      SamTemplate.Function function, Environment environment, Clock clock, List<String> warnings) {
    Class<? extends ApiFunction> type;
    try {
      type = Class.forName(function.handlerClass()).asSubclass(ApiFunction.class);
    } catch (ClassNotFoundException e) {
      warnings.add(function.logicalId() + ": handler " + function.handlerClass()
          + " is not on the class path; its routes answer 500");
      return (event, context) -> {
        throw new IllegalStateException("Handler class " + function.handlerClass() + " not found");
      };
    }
    try {
      if (environment.optional(Events.QUEUE_URL).isPresent()) {
        try {
          Constructor<? extends ApiFunction> publishing =
              type.getConstructor(Dynamo.class, Clock.class, EventPublisher.class);
          return publishing.newInstance(Dynamo.fromEnvironment(environment), clock, Events.publisher(environment));
        } catch (NoSuchMethodException e) {
          // a function that has the variable but does not publish yet: the two-argument constructor
        }
      }
      return type.getConstructor(Dynamo.class, Clock.class).newInstance(Dynamo.fromEnvironment(environment), clock);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(function.logicalId() + ": " + type.getName() + " failed to start", e.getCause());
    } catch (RuntimeException e) {
      throw new IllegalStateException(function.logicalId() + ": " + type.getName() + " failed to start", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(function.logicalId() + ": " + type.getName()
          + " needs a public constructor taking (vn.lienlac.functions.platform.Dynamo, java.time.Clock)", e);
    }
  }

  /**
   * A non-HTTP function (SQS, schedule), built once through its {@code (Environment, Clock)}
   * constructor with the template's variables and the local endpoints. A class that is not there is
   * a warning (nothing consumes its queue); a constructor that fails stops the start.
   */
  private static RequestHandler<?, ?> instantiateNonHttp(SamTemplate.Function function, Environment environment,
      Clock clock, List<String> warnings) {
    Class<? extends RequestHandler<?, ?>> type;
    try {
      @SuppressWarnings("unchecked")
      Class<? extends RequestHandler<?, ?>> found =
          (Class<? extends RequestHandler<?, ?>>) Class.forName(function.handlerClass()).asSubclass(RequestHandler.class);
      type = found;
    } catch (ClassNotFoundException e) {
      warnings.add(function.logicalId() + ": handler " + function.handlerClass()
          + " is not on the class path; nothing consumes its events");
      return null;
    }
    try {
      return type.getConstructor(Environment.class, Clock.class).newInstance(environment, clock);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(function.logicalId() + ": " + type.getName() + " failed to start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(function.logicalId() + ": " + type.getName()
          + " needs a public constructor taking (vn.lienlac.functions.platform.Environment, java.time.Clock)", e);
    }
  }

  public URI baseUri() {
    return gateway.baseUri();
  }

  /** The queues, event source mappings and schedules of the template (ElasticMQ); fails when it has none. */
  public LocalEvents events() {
    if (events == null) {
      throw new IllegalStateException("template.yaml declares no AWS::SQS::Queue");
    }
    return events;
  }

  /** Whether the template declares queues (then {@link #events()} has them). */
  public boolean hasEvents() {
    return events != null;
  }

  /** Runs every schedule of a non-HTTP function once, now, on the stack's clock (see {@link LocalEvents#runSchedule}). */
  public void runSchedule(String functionLogicalId) {
    events().runSchedule(functionLogicalId);
  }

  /** The demo users the seed wrote, in its order. */
  public List<DevUser> users() {
    return users;
  }

  /** Problems that did not stop the start but that a developer should see. */
  public List<String> warnings() {
    return warnings;
  }

  /** How long each step of the start took, in order (DynamoDB Local, tables, seed, functions, gateway). */
  public Map<String, Duration> startupPhases() {
    return phases;
  }

  /** A token for a demo user; a negative ttl gives one that has already expired. */
  public String issueToken(String userId, Duration ttl) {
    DevUser user = users.stream().filter(u -> u.id().equals(userId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo user " + userId + "; see users()"));
    return issueToken(user, ttl);
  }

  /** A token for any user, seeded or not: the gateway checks the token, the functions the directory. */
  public String issueToken(DevUser user, Duration ttl) {
    return identity.issue(user, ttl).token();
  }

  /** The stack's "now" ({@link Options#clock}). */
  public Clock clock() {
    return clock;
  }

  /** The dev stack's stand-in for VNPay's gateway (its pages under {@code /dev/vnpay/}). */
  public VnpaySandbox vnpaySandbox() {
    return vnpay;
  }

  /** The template's table in DynamoDB Local. */
  public Dynamo dynamo() {
    return table;
  }

  @Override
  public void close() {
    try {
      if (events != null) {
        events.close();
      }
    } finally {
      try {
        gateway.close();
      } finally {
        dynamo.close();
      }
    }
  }
}
