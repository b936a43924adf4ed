package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.log.JsonLog;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Work of a cold function that does not need to wait for the first request, moved to a background thread of Lambda's
 * init phase, where it overlaps with what the main thread does meanwhile (start Micronaut's context; then, on
 * Lambda, fetch and deserialize the first event) instead of running one step after the other on the first request.
 *
 * <ul>
 *   <li><b>SDK clients</b>: handlers ask for them in their static initializer, which runs before the handler's
 *       constructor: {@code static { InitPhaseWarmup.prebuildClients(SubmitReportHandler.class, AwsClient.S3_PRESIGNER); }}. The DynamoDB
 *       client, which every function uses, is always built first, followed (beside the other builds) by one
 *       read-only {@code GetItem} of the priming key: AWS's "invoke priming", which loads the marshallers, signer and
 *       HTTP path before the first request needs them. The presigner signs one URL (local computation, no call).</li>
 *   <li><b>After the context started</b>: {@link #afterContextStart(Runnable)} (the handler base warms the JSON
 *       mapper and loads the tenant documents the first request will need).</li>
 * </ul>
 *
 * <p>Only for the process's own configuration (Lambda; the cold-start benchmark): a function is configured by the
 * process environment when it has {@code TABLE_NAME}. {@link AwsClientsFactory} takes a prebuilt client when its
 * {@link FunctionEnvironment} equals that environment, once. With any other configuration (the local stack and tests,
 * where several functions share one JVM) nothing runs in the background and the factory builds as before. A failed
 * step is logged and ignored: the factory then builds the client itself, the request loads what it needs. Off with
 * {@code LAPOR_INIT_WARMUP=false}. With SnapStart, all of it ends up in the snapshot (priming waits for the clients).
 */
public final class InitPhaseWarmup {
    /**
     * Clients that can be prebuilt, with their bean type, named rather than referenced: SDK modules are optional (the
     * SNS SDK ships only with the functions that publish or subscribe; the roster function ships no S3), and this enum
     * is loaded by every function.
     */
    public enum AwsClient {
        DYNAMODB("software.amazon.awssdk.services.dynamodb.DynamoDbClient"),
        S3("software.amazon.awssdk.services.s3.S3Client"),
        S3_PRESIGNER("software.amazon.awssdk.services.s3.presigner.S3Presigner"),
        SNS("software.amazon.awssdk.services.sns.SnsClient");

        private final String typeName;

        AwsClient(String typeName) {
            this.typeName = typeName;
        }

        public Class<?> type() {
            try {
                return Class.forName(typeName, false, AwsClient.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name() + ": " + typeName + " is not in this function's package", e);
            }
        }
    }

    private static final JsonLog LOG = JsonLog.get(InitPhaseWarmup.class);
    static final String SWITCH = "LAPOR_INIT_WARMUP";
    /** One short-lived daemon thread per step, the steps chained one after the other: nothing lingers after init. */
    private static final Executor BACKGROUND = task -> {
        Thread thread = new Thread(task, "lapor-init-warmup");
        thread.setDaemon(true);
        thread.start();
    };
    private static final Map<AwsClient, CompletableFuture<Object>> PREBUILT = new EnumMap<>(AwsClient.class);
    private static final Set<AwsClient> SCHEDULED = EnumSet.noneOf(AwsClient.class);
    /** The clients each handler class declared (besides DynamoDB), prebuilt or not: SnapStart priming creates them. */
    private static final Map<Class<?>, List<AwsClient>> DECLARED = new ConcurrentHashMap<>();
    private static CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    /** The priming GetItem, which runs beside the chain of {@link #tail}. */
    private static CompletableFuture<?> primingCall = CompletableFuture.completedFuture(null);
    private static FunctionEnvironment processEnvironment;
    private static boolean checked;

    private InitPhaseWarmup() {
    }

    /**
     * Declares the SDK clients {@code handler} uses besides DynamoDB (see {@link #declaredClients(Class)}) and starts
     * building them (the DynamoDB client first, always) for the process environment, if it configures a function and
     * the switch is not off. Idempotent per client.
     */
    public static synchronized void prebuildClients(Class<?> handler, AwsClient... clients) {
        DECLARED.put(handler, List.of(clients));
        if (!active()) {
            return;
        }
        if (SCHEDULED.add(AwsClient.DYNAMODB)) {
            primingCall = schedule(AwsClient.DYNAMODB).thenAcceptAsync(InitPhaseWarmup::primingRoundTrip, BACKGROUND)
                    .exceptionally(e -> null);
        }
        for (AwsClient client : clients) {
            if (SCHEDULED.add(client)) {
                schedule(client);
            }
        }
    }

    /** The clients {@code handler} declared with {@link #prebuildClients(Class, AwsClient...)} (none if it did not). */
    public static List<AwsClient> declaredClients(Class<?> handler) {
        return DECLARED.getOrDefault(handler, List.of());
    }

    /**
     * Runs {@code task} in the background after the clients' builds, if this process prebuilds (see the class
     * comment); otherwise does nothing. For work the first request needs and that only reads.
     */
    public static synchronized void afterContextStart(Runnable task) {
        if (active()) {
            tail = tail.thenRunAsync(task, BACKGROUND).exceptionally(e -> {
                LOG.warn("init_warmup.failed", "step", "after_context_start", "error", rootCause(e));
                return null;
            });
        }
    }

    private static boolean active() {
        if (!checked) {
            configure(FunctionEnvironment.fromProcess());
        }
        return processEnvironment != null;
    }

    /** Decides once whether this environment configures a function that warms up (tests pass their own). */
    static synchronized void configure(FunctionEnvironment env) {
        checked = true;
        boolean on = env.get(FunctionEnvironment.TABLE_NAME).isPresent()
                && !"false".equalsIgnoreCase(env.get(SWITCH).orElse(""));
        processEnvironment = on ? env : null;
    }

    /**
     * Waits for every background step so far (a step's failure was logged already). SnapStart's checkpoint calls it:
     * no call may be in flight in the snapshot.
     */
    public static void awaitBackground() {
        CompletableFuture<?> last;
        CompletableFuture<?> priming;
        synchronized (InitPhaseWarmup.class) {
            last = tail;
            priming = primingCall;
        }
        last.join();
        priming.join();
    }

    /** Forgets everything (tests). */
    static synchronized void reset() {
        PREBUILT.clear();
        SCHEDULED.clear();
        tail = CompletableFuture.completedFuture(null);
        primingCall = CompletableFuture.completedFuture(null);
        processEnvironment = null;
        checked = false;
    }

    private static CompletableFuture<Object> schedule(AwsClient client) {
        FunctionEnvironment env = processEnvironment;
        CompletableFuture<Object> built = tail.thenApplyAsync(ignored -> build(client, env), BACKGROUND);
        PREBUILT.put(client, built);
        tail = built.exceptionally(e -> null);
        return built;
    }

    private static Object build(AwsClient client, FunctionEnvironment env) {
        return switch (client) {
            case DYNAMODB -> AwsClientsFactory.buildDynamoDb(env, AwsClientsFactory.buildHttpClient());
            case S3 -> AwsClientsFactory.buildS3(env, AwsClientsFactory.buildHttpClient());
            case S3_PRESIGNER -> presignOnce(AwsClientsFactory.buildS3Presigner(env), env);
            case SNS -> AwsClientsFactory.buildSns(env, AwsClientsFactory.buildHttpClient());
        };
    }

    /** Signs one upload URL (no AWS call): loads the S3 request model and the signer. */
    private static S3Presigner presignOnce(S3Presigner presigner, FunctionEnvironment env) {
        try {
            presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(1)).putObjectRequest(p -> p
                    .bucket(env.getOrDefault(FunctionEnvironment.PHOTOS_BUCKET, "priming"))
                    .key("priming/warmup.jpg").contentType("image/jpeg")));
        } catch (RuntimeException e) {
            LOG.warn("init_warmup.failed", "step", "presign", "error", rootCause(e));
        }
        return presigner;
    }

    private static void primingRoundTrip(Object dynamo) {
        try {
            AwsClientsFactory.primingGetItem((DynamoDbClient) dynamo, processEnvironment);
        } catch (RuntimeException e) {
            // no table access yet, a network hiccup: the first request makes the same call path anyway
            LOG.warn("init_warmup.failed", "step", "priming_get_item", "error", rootCause(e));
        }
    }

    /**
     * The prebuilt client of this kind if {@code env} is the process environment it was built for; each prebuilt client
     * is handed out once (a second context builds its own, so closing one context never closes another's client).
     * Waits for the build if it is still running.
     */
    static <T> Optional<T> take(AwsClient client, Class<T> type, FunctionEnvironment env) {
        CompletableFuture<Object> built;
        synchronized (InitPhaseWarmup.class) {
            if (processEnvironment == null || !processEnvironment.asMap().equals(env.asMap())) {
                return Optional.empty();
            }
            built = PREBUILT.remove(client);
        }
        if (built == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(built.join()));
        } catch (RuntimeException e) {
            LOG.warn("init_warmup.failed", "step", "build_" + client.name().toLowerCase(java.util.Locale.ROOT),
                    "error", rootCause(e));
            return Optional.empty();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
