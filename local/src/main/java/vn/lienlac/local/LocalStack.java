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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import vn.lienlac.functions.platform.ApiFunction;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.events.EventPublisher;
import vn.lienlac.functions.platform.events.Events;
import vn.lienlac.functions.platform.events.SqsEventPublisher;
import vn.lienlac.functions.push.Fcm;
import vn.lienlac.functions.roster.RosterImportWorkerFunction;
import vn.lienlac.functions.accounts.AccountDirectories;
import vn.lienlac.local.auth.DevIdentity;
import vn.lienlac.local.auth.FakeCognito;
import vn.lienlac.local.dynamo.LocalDynamo;
import vn.lienlac.local.events.LocalEvents;
import vn.lienlac.local.exports.LocalExports;
import vn.lienlac.local.events.LocalSqs;
import vn.lienlac.local.gateway.DevGateway;
import vn.lienlac.local.gateway.FrontDoor;
import vn.lienlac.local.iam.DynamoRequests;
import vn.lienlac.local.iam.IamGate;
import vn.lienlac.local.iam.TemplatePolicies;
import vn.lienlac.local.push.FakeFcm;
import vn.lienlac.local.seed.DemoSeed;
import vn.lienlac.local.seed.DevUser;
import vn.lienlac.local.seed.SeedSnapshot;
import vn.lienlac.local.template.SamTemplate;
import vn.lienlac.functions.payments.PaymentsReconcilerFunction;
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
  private final CompletableFuture<LocalEvents> events;
  private final boolean hasEvents;
  private final List<DevUser> users;
  private final List<String> warnings;
  private final Map<String, Duration> phases;
  private final Clock clock;
  private final FakeFcm fcm;
  private final VnpaySandbox vnpay;
  private final Map<String, Map<String, String>> functionVariables = new LinkedHashMap<>();
  private final LocalExports exports;
  private final FakeCognito cognito;

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

  private LocalStack(LocalDynamo dynamo, Dynamo table, DevIdentity identity, DevGateway gateway,
      CompletableFuture<LocalEvents> events, boolean hasEvents, List<DevUser> users, List<String> warnings,
      Map<String, Duration> phases, Clock clock, FakeFcm fcm, VnpaySandbox vnpay, LocalExports exports,
      FakeCognito cognito) {
    this.cognito = cognito;
    this.fcm = fcm;
    this.exports = exports;
    this.vnpay = vnpay;
    this.dynamo = dynamo;
    this.table = table;
    this.identity = identity;
    this.gateway = gateway;
    this.events = events;
    this.hasEvents = hasEvents;
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
    FakeFcm fcm = null;
    // RSA key generation overlaps DynamoDB Local's start.
    CompletableFuture<RSAKey> key = CompletableFuture.supplyAsync(
        () -> DevIdentity.loadKey(data == null ? null : data.resolve(DevIdentity.KEY_FILE)));
    // Optional: the same stack against LocalStack's DynamoDB, on machines that can run it.
    String external = System.getenv("LOCALSTACK_ENDPOINT");
    LocalDynamo dynamo = external == null || external.isBlank()
        ? SeedSnapshot.startLocalDynamo(data)
        : LocalDynamo.external(URI.create(external));
    try {
      mark = phase(phases, "DynamoDB Local", mark);
      template.tables().forEach(dynamo::createTable);
      Dynamo table = dynamo.table(template.tables().getFirst().logicalId());
      mark = phase(phases, "tables", mark);
      List<DevUser> users = DemoSeed.run(table);
      mark = phase(phases, "seed", mark);
      // IAM: from here on each function signs with its own access key and gets its template policy.
      dynamo.enforce(iam(root, template));

      // ElasticMQ starts after the gateway, in the background (it would double the start on a busy
      // 2-core machine); its port, hence every queue URL, is fixed now, and a publish waits for it.
      boolean hasQueues = !template.queues().isEmpty();
      URI sqsEndpoint = hasQueues ? URI.create("http://127.0.0.1:" + LocalDynamo.freePort()) : null;
      CompletableFuture<LocalEvents> eventsReady = new CompletableFuture<>();
      Set<String> queues = template.queues().stream().map(SamTemplate.Queue::logicalId).collect(Collectors.toSet());
      List<String> warnings = new ArrayList<>();
      List<DevGateway.Deployed> functions = new ArrayList<>();
      Map<String, Map<String, String>> functionVariables = new LinkedHashMap<>();
      Map<SamTemplate.Function, Environment> nonHttp = new LinkedHashMap<>();
      // Push: the fake FCM server the dispatcher sends to (firebase-admin's transport, host rewritten).
      fcm = FakeFcm.start();
      FrontDoor server = DevGateway.bind(options.port());
      // Data exports (issue 18): archives in the data dir, one-time links served by this gateway.
      LocalExports exports = new LocalExports(data, DevGateway.baseUri(server), clock);
      for (SamTemplate.Function function : template.functions()) {
        Map<String, String> variables = new HashMap<>(function.environment(id -> tables.contains(id) ? id
            : FIREBASE_SECRET_PARAMETER.equals(id) ? "unused-locally: FCM_ENDPOINT is set"
            : USER_POOL_RESOURCE.equals(id) ? AccountDirectories.LOCAL_POOL
            : EXPORT_BUCKET_RESOURCE.equals(id) ? "unused-locally: " + id
            : queues.contains(id) ? LocalSqs.queueUrl(sqsEndpoint, id) : null));
        variables.putAll(dynamo.environment(function.logicalId()));
        variables.putAll(pushOverrides(fcm));
        variables.putAll(rosterOverrides());
        variables.putAll(exports.environment());
        if (hasQueues) {
          variables.putAll(LocalSqs.environment(sqsEndpoint));
        }
        if (function.isHttp()) {
          functions.add(new DevGateway.Deployed(function, instantiate(function, Environment.of(variables), clock,
              warnings, eventsReady)));
        } else if (hasQueues) {
          // The VNPay reconciler asks the dev sandbox of this gateway, not VNPay (never set in AWS).
          variables.putAll(vnpaySandbox(DevGateway.baseUri(server), users));
          nonHttp.put(function, Environment.of(variables));
        } else {
          warnings.add(function.logicalId() + ": no routes and the template declares no queue; not started");
        }
        functionVariables.put(function.logicalId(), Map.copyOf(variables));
      }

      mark = phase(phases, "functions", mark);
      DevIdentity identity = DevIdentity.create(DevGateway.baseUri(server).toString(), key.join(), clock);
      DevGateway gateway = DevGateway.start(server, identity, functions, users, clock, out);
      gateway.devPage("/dev/outbox", fcm::outboxJson);
      VnpaySandbox vnpay = new VnpaySandbox(DevGateway.baseUri(server), clock);
      gateway.mount(VnpaySandbox.PREFIX, vnpay);
      gateway.mount(LocalExports.PREFIX, exports);
      // Cognito's phone sign-in (SMS code), its SMS outbox and the demo users' numbers.
      FakeCognito cognito = new FakeCognito(identity, users, clock, out);
      gateway.mount(FakeCognito.PREFIX, cognito);
      gateway.devPage(FakeCognito.SMS_PAGE, cognito::outboxJson);
      gateway.devPage(FakeCognito.ACCOUNTS_PAGE, cognito::accountsJson);
      phase(phases, "gateway", mark);
      if (hasQueues) {
        startEvents(template, sqsEndpoint, nonHttp, options, clock, out, eventsReady);
      } else {
        eventsReady.completeExceptionally(new IllegalStateException("template.yaml declares no AWS::SQS::Queue"));
      }
      LocalStack stack = new LocalStack(dynamo, table, identity, gateway, eventsReady, hasQueues, users, warnings, phases,
          clock, fcm, vnpay, exports, cognito);
      stack.functionVariables.putAll(functionVariables);
      return stack;
    } catch (IOException e) {
      closeQuietly(fcm);
      dynamo.close();
      throw cannotListen(options.port(), e);
    } catch (RuntimeException | Error e) {
      closeQuietly(fcm);
      dynamo.close();
      throw e;
    }
  }

  /**
   * The system property (or, without it, the environment variable {@value #IAM_VARIABLE}, which
   * reaches forked test JVMs and {@code ./lienlac serve}) that chooses how much of the template's IAM
   * the local stack enforces:
   * {@value #IAM_LEAST_PRIVILEGE} (the default: a function's request must be allowed by an Allow
   * statement and not denied by a Deny statement, as in AWS) or {@value #IAM_DENY_ONLY} (Deny
   * statements only).
   */
  public static final String IAM_PROPERTY = "lienlac.iam";
  public static final String IAM_VARIABLE = "LIENLAC_IAM";
  public static final String IAM_LEAST_PRIVILEGE = "least-privilege";
  public static final String IAM_DENY_ONLY = "deny-only";

  /** Each template function's policy, enforced on the requests signed with its access key id. */
  static IamGate.Enforcement iam(Path root, SamTemplate template) {
    String mode = System.getProperty(IAM_PROPERTY,
        Objects.requireNonNullElse(System.getenv(IAM_VARIABLE), IAM_LEAST_PRIVILEGE));
    if (!mode.equals(IAM_LEAST_PRIVILEGE) && !mode.equals(IAM_DENY_ONLY)) {
      throw new IllegalArgumentException(IAM_PROPERTY + " should be " + IAM_LEAST_PRIVILEGE + " or " + IAM_DENY_ONLY
          + ", not " + mode);
    }
    return new IamGate.Enforcement(TemplatePolicies.read(root.resolve("template.yaml"), LocalDynamo.REGION),
        new DynamoRequests(LocalDynamo.REGION, template.tables()), mode.equals(IAM_LEAST_PRIVILEGE));
  }

  /**
   * The variables the stack gave a template function (its DynamoDB client is built from them, as
   * the function builds it: {@code Dynamo.fromEnvironment}), e.g. to act with its own credentials.
   */
  public Map<String, String> functionVariables(String logicalId) {
    Map<String, String> variables = functionVariables.get(logicalId);
    if (variables == null) {
      throw new IllegalArgumentException("No function " + logicalId + " in template.yaml");
    }
    return variables;
  }

  /** The IAM gate in front of DynamoDB Local (null against an external DynamoDB). */
  public IamGate iamGate() {
    return dynamo.gate();
  }

  /** The template parameter naming the Firebase secret: locally the dispatcher talks to the fake FCM server. */
  static final String FIREBASE_SECRET_PARAMETER = "FirebaseSecretArn";

  /**
   * The VNPay reconciler's local variables: it asks this gateway's VNPay sandbox, for the demo
   * schools (never set in AWS; ContractTest checks template.yaml does not).
   */
  static Map<String, String> vnpaySandbox(URI gateway, List<DevUser> users) {
    return Map.of(PaymentsReconcilerFunction.LOCAL_SANDBOX, gateway.toString(),
        PaymentsReconcilerFunction.LOCAL_SANDBOX_SCHOOLS,
        users.stream().map(DevUser::schoolId).distinct().sorted().collect(Collectors.joining(",")));
  }

  /** The export bucket (issue 18): locally the stack's own store ({@link LocalExports}), never S3. */
  static final String EXPORT_BUCKET_RESOURCE = "ExportBucket";

  /** The Cognito user pool: locally the dev issuer's accounts (roster import, {@code AccountDirectories}). */
  static final String USER_POOL_RESOURCE = "UserPool";

  /**
   * Roster import's local variables: the test hook that lets an import simulate a crash of its job
   * (never set in AWS; ContractTest checks template.yaml does not).
   */
  static Map<String, String> rosterOverrides() {
    return Map.of(RosterImportWorkerFunction.TEST_FAULTS, "true");
  }

  /** The push dispatcher's local variables: the fake FCM server instead of fcm.googleapis.com. */
  static Map<String, String> pushOverrides(FakeFcm fcm) {
    return Map.of(Fcm.ENDPOINT, fcm.baseUri().toString(), Fcm.PROJECT_ID, "lienlac-local");
  }

  private static void closeQuietly(FakeFcm fcm) {
    if (fcm != null) {
      fcm.close();
    }
  }

  /**
   * In a background thread: ElasticMQ on its port, the template's queues, then every non-HTTP
   * function built and wired to its queue or schedule. Completes {@code ready} (exceptionally when
   * any step fails: the reason is printed, and {@link #events()} throws it).
   */
  private static void startEvents(SamTemplate template, URI endpoint, Map<SamTemplate.Function, Environment> nonHttp,
      Options options, Clock clock, PrintStream out, CompletableFuture<LocalEvents> ready) {
    Thread thread = new Thread(() -> {
      long started = System.nanoTime();
      LocalEvents events = null;
      try {
        LocalSqs sqs = LocalSqs.start(endpoint.getPort());
        events = new LocalEvents(sqs, clock, options.retryDelay(), options.scheduleTimers(), out);
        sqs.createQueues(template.queues());
        List<String> warnings = new ArrayList<>();
        for (var entry : nonHttp.entrySet()) {
          RequestHandler<?, ?> handler = instantiateNonHttp(entry.getKey(), entry.getValue(), clock, warnings);
          if (handler != null) {
            events.deploy(entry.getKey(), handler);
          }
        }
        warnings.forEach(w -> out.println("WARNING " + w));
        events.startedIn(Duration.ofNanos(System.nanoTime() - started));
        ready.complete(events);
      } catch (RuntimeException | Error e) {
        out.println("lienlac: the queues (ElasticMQ) did not start: " + e);
        if (events != null) {
          events.close();
        }
        ready.completeExceptionally(e);
      }
    }, "local-events-start");
    thread.setDaemon(true);
    thread.start();
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
      SamTemplate.Function function, Environment environment, Clock clock, List<String> warnings,
      CompletableFuture<LocalEvents> queuesReady) {
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
      try {
        // A function that needs more of its environment than the table (roster import: its queue,
        // the accounts) takes it with the stack's clock.
        return type.getConstructor(Environment.class, Clock.class).newInstance(environment, clock);
      } catch (NoSuchMethodException e) {
        // the usual (Dynamo, Clock) constructors below
      }
      if (environment.optional(Events.QUEUE_URL).isPresent()) {
        try {
          Constructor<? extends ApiFunction> publishing =
              type.getConstructor(Dynamo.class, Clock.class, EventPublisher.class);
          EventPublisher sqs = Events.publisher(environment);
          // The queues start in the background: a publish in the first seconds waits for them.
          EventPublisher publisher = event -> {
            queuesReady.handle((events, failure) -> null).join();
            sqs.publish(event);
          };
          return publishing.newInstance(Dynamo.fromEnvironment(environment), clock, publisher);
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

  /**
   * The queues, event source mappings and schedules of the template (ElasticMQ), waiting for their
   * background start if need be; fails when the template has none or they could not start.
   */
  public LocalEvents events() {
    return events.join();
  }

  /**
   * A function's variables as Lambda would give them in a sandbox against this stack: the
   * template's, each {@code !Ref} to a table resolved to its name and to a queue to its local URL,
   * plus the DynamoDB and SQS endpoint overrides and the fake FCM server. No credentials: a sandbox gets its own.
   */
  public Map<String, String> sandboxVariables(SamTemplate.Function function) {
    Map<String, String> queues = hasEvents ? events().queueUrls() : Map.of();
    Map<String, String> variables = new HashMap<>(function.environment(id -> id.equals(table.tableName()) ? id
        : FIREBASE_SECRET_PARAMETER.equals(id) ? "unused-locally: FCM_ENDPOINT is set"
        : USER_POOL_RESOURCE.equals(id) ? AccountDirectories.LOCAL_POOL
        : EXPORT_BUCKET_RESOURCE.equals(id) ? "unused-locally: " + id
        : queues.get(id)));
    variables.putAll(pushOverrides(fcm));
    variables.putAll(rosterOverrides());
    variables.putAll(exports.environment());
    if (!function.isHttp()) {
      variables.putAll(vnpaySandbox(gateway.baseUri(), users));
    }
    variables.put("AWS_ENDPOINT_URL_DYNAMODB", table.client().serviceClientConfiguration().endpointOverride()
        .orElseThrow().toString());
    if (hasEvents) {
      variables.put(SqsEventPublisher.ENDPOINT_VARIABLE, events().endpoint().toString());
    }
    return variables;
  }

  /** Whether the template declares queues (then {@link #events()} has them). */
  public boolean hasEvents() {
    return hasEvents;
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

  /** The stand-in for Cognito's phone sign-in ({@code POST /dev/cognito/}; codes at {@code GET /dev/sms}). */
  public FakeCognito fakeCognito() {
    return cognito;
  }

  /** The template's table in DynamoDB Local. */
  public Dynamo dynamo() {
    return table;
  }

  /** The local export store and its one-time links (issue 18). */
  public LocalExports exports() {
    return exports;
  }

  /** The fake FCM server the push dispatcher sends to ({@code GET /dev/outbox} shows what it received). */
  public FakeFcm fakeFcm() {
    return fcm;
  }

  @Override
  public void close() {
    try {
      if (hasEvents) {
        events.handle((e, failure) -> e).join(); // a start still under way finishes first
        if (!events.isCompletedExceptionally()) {
          events.join().close();
        }
      }
    } finally {
      try {
        gateway.close();
      } finally {
        fcm.close();
        dynamo.close();
      }
    }
  }
}
