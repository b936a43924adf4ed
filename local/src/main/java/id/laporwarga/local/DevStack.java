package id.laporwarga.local;

import com.sun.net.httpserver.HttpServer;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.emulators.TableStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole application on this machine: starts the emulators ({@link LocalAws}), provisions template.yaml as a stack
 * ({@code lapor-warga-local} by default), onboards the sample tenants, runs every function of the template in this
 * JVM, serves the HTTP API like API Gateway (payload 2.0; {@link HttpApiBridge}) with the runner's own
 * {@link ControlEndpoints} under {@code /_local/} and the web app at {@code /} ({@link StaticSite}), polls the SQS
 * queues of the functions' SQS events and the table streams of their DynamoDB events like Lambda's event source
 * mappings ({@link SqsEventSource}, {@link StreamEventSource}: the outbox relay) and runs their {@link Schedules}.
 *
 * <p>{@link #start(DevStackOptions)} starts it (from a test or benchmark: {@link DevStackOptions#forTests()}, free
 * ports); {@link #close()} stops all of it. {@code ./lapor-local} runs {@link DevStackMain}, which prints the
 * {@link DevStackBanner}.
 */
public final class DevStack implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DevStack.class.getName());
    public static final String DEFAULT_STACK_NAME = "lapor-warga-local";
    /** The template parameter naming the web app's origin (CORS of the API and of the photo uploads). */
    static final String WEB_ORIGIN_PARAMETER = "CorsAllowedOrigin";

    private final DevStackOptions options;
    private final LocalAws aws;
    private final boolean ownsAws;
    private final List<AutoCloseable> closeables = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final List<SqsEventSource> eventSources = new ArrayList<>();
    private final List<StreamEventSource> streamSources = new ArrayList<>();
    private final List<String> onboarded = new ArrayList<>();
    private final Map<String, Object> rosters = new LinkedHashMap<>();
    private final List<LocalPlugin> registered = new ArrayList<>();
    private ProvisionedStack stack;
    private RouteTable routes;
    private Schedules schedules;
    private HttpServer server;
    private ExecutorService httpExecutor;
    private volatile RequestAuthorizer authorizer = RequestAuthorizer.PASS_THROUGH;
    private volatile boolean closed;
    private final LocalClock clock = new LocalClock();

    private DevStack(DevStackOptions options, LocalAws aws, boolean ownsAws) {
        this.options = options;
        this.aws = aws;
        this.ownsAws = ownsAws;
    }

    /** Starts everything; {@link #close()} stops it (and the emulators, unless they were given in the options). */
    public static DevStack start(DevStackOptions options) {
        boolean owns = options.aws() == null;
        LocalAws aws = owns ? LocalAws.start(new LocalAws.Options(options.dynamoDbPort(), options.motoPort(),
                LocalAws.DEFAULT_REGION, System.getenv("MOTO_SERVER"))) : options.aws();
        DevStack local = new DevStack(options, aws, owns);
        try {
            local.startUp();
            return local;
        } catch (RuntimeException | Error e) {
            local.close();
            throw e;
        }
    }

    private void startUp() {
        Path templatePath = options.template() != null ? options.template() : SamTemplate.findRepositoryTemplate();
        SamTemplate template = SamTemplate.load(templatePath);
        bindHttp();
        Map<String, String> parameters = new LinkedHashMap<>(options.parameterOverrides());
        if (template.parameters().containsKey(WEB_ORIGIN_PARAMETER)) {
            // the web app is served here: its origin is the one the photo bucket's CORS rules allow (uploads)
            parameters.putIfAbsent(WEB_ORIGIN_PARAMETER, baseUrl());
        }
        stack = StackProvisioner.provision(template, options.stackName(), aws, parameters);

        if (options.onboardSampleTenants() && hasTenantTable(template)) {
            try {
                onboarded.addAll(SampleTenants.onboardAllIfAbsent(stack));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not onboard the sample tenants from " + SampleTenants.directory(), e);
            }
        }

        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : DevStack.class.getClassLoader();
        for (SamTemplate.Function f : template.functions()) {
            String name = stack.physicalId(f.logicalId());
            String arn = stack.attribute(f.logicalId(), "Arn");
            try {
                Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(f.logicalId()));
                env.putAll(options.functionEnvironment());
                functions.put(f.logicalId(), LocalFunction.load(f, env, clock, name, arn,
                        options.maxConcurrency(), loader));
            } catch (ClassNotFoundException e) {
                missing.put(f.logicalId(), "handler class " + f.handlerClass() + " is not on the classpath");
            } catch (NoSuchMethodException e) {
                missing.put(f.logicalId(), f.handlerClass() + " has no public (ApplicationContextBuilder) constructor");
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                missing.put(f.logicalId(), "cannot start " + f.handlerClass() + ": " + e);
                LOG.log(Level.WARNING, "cannot start " + f.logicalId(), e);
            }
        }
        missing.forEach((id, why) -> LOG.log(Level.WARNING, "skipping function " + id + ": " + why));
        if (functions.containsKey(NoticeSender.FUNCTION)) {
            NoticeSender.verify(aws, stack.functionEnvironment(NoticeSender.FUNCTION));
        }
        if (options.onboardSampleTenants()) {
            syncSampleTenants();
            importSampleRosters();
        }

        routes = RouteTable.fromTemplate(stack);
        startHttp();
        if (options.pollQueues()) {
            startEventSources(template);
            startStreamSources(template);
        }
        ExportConversionEmulation.attach(stack, functions, aws.s3());
        schedules = new Schedules(stack, functions);
        if (options.runSchedules()) {
            schedules.start();
        }
        List<LocalPlugin> plugins = new ArrayList<>(options.plugins());
        if (options.loadServicePlugins()) {
            ServiceLoader.load(LocalPlugin.class, loader).forEach(plugins::add);
        }
        LocalRuntime runtime = runtime();
        for (LocalPlugin p : plugins) {
            try {
                p.register(runtime);
                registered.add(p);
                LOG.log(Level.INFO, "plugin " + p.name() + " registered");
            } catch (Exception e) {
                throw new IllegalStateException("plugin " + p.name() + " failed: " + e.getMessage(), e);
            }
        }
        server.start();
    }

    /**
     * Imports each sample tenant's {@code roster.csv} through the roster function itself (a platform admin's
     * {@code PUT /v1/admin/tenants/{id}/roster}), so the sample tenants have rostered RTs and their heads' accounts.
     * Idempotent: importing the same file again changes nothing.
     */
    private void importSampleRosters() {
        LocalFunction rosterFunction = functions.get(SampleRosters.FUNCTION);
        if (rosterFunction == null) {
            return;
        }
        for (String tenantId : SampleTenants.ids()) {
            try {
                SampleRosters.csv(tenantId).ifPresent(csv -> rosters.put(tenantId,
                        rosterFunction.invoke(SampleRosters.importEvent(tenantId, csv))));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not import the sample roster of " + tenantId, e);
            }
        }
    }

    /**
     * Onboards each sample tenant again through the tenant admin function itself (a platform admin's
     * {@code PUT /v1/admin/tenants/{id}} with the sample document), exactly as a deployment is onboarded: the
     * agencies' channels become filtered subscriptions on the alerts topic. Idempotent.
     */
    private void syncSampleTenants() {
        LocalFunction tenantAdmin = functions.get(SampleRosters.TENANT_FUNCTION);
        if (tenantAdmin == null) {
            return;
        }
        for (String tenantId : SampleTenants.ids()) {
            try {
                tenantAdmin.invoke(SampleRosters.tenantEvent(tenantId, SampleTenants.document(tenantId)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not onboard the sample tenant " + tenantId + " through its PUT", e);
            }
        }
    }

    /** The one clock every function of this stack reads ({@code POST /_local/clock} moves it). */
    public LocalClock clock() {
        return clock;
    }

    /** The plugins registered at start (options' and service-loaded ones), e.g. to reach the local token signer. */
    public List<LocalPlugin> plugins() {
        return List.copyOf(registered);
    }

    /** The roster function's answers to the sample rosters imported at start, by tenant. */
    public Map<String, Object> importedRosters() {
        return Collections.unmodifiableMap(rosters);
    }

    private static boolean hasTenantTable(SamTemplate template) {
        return template.functionGlobals().get("Environment") instanceof Map<?, ?> env
                && env.get("Variables") instanceof Map<?, ?> vars && vars.containsKey("TABLE_NAME");
    }

    /** Binds the HTTP port first (free port in tests), so the stack knows its own origin before provisioning. */
    private void bindHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.httpPort()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.httpPort() + " ("
                    + e.getMessage() + "); set PORT to another port", e);
        }
    }

    private void startHttp() {
        AtomicInteger n = new AtomicInteger();
        httpExecutor = Executors.newFixedThreadPool(options.httpThreads(), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpExecutor);
        server.createContext("/", new HttpApiBridge(routes, functions, missing, () -> authorizer,
                HttpApiBridge.corsConfigurations(stack), HttpApiBridge.apiIds(stack), aws.accountId(),
                options.accessLog(), new StaticSite(DevStack.class.getClassLoader(), aws.endpoint("s3"),
                        options.tileUrl())));
        new ControlEndpoints(this).register(server);
    }

    private void startEventSources(SamTemplate template) {
        forEachEnabled(template, SamTemplate.SqsEvent.class, SamTemplate.SqsEvent::enabled, (f, fn, e) -> {
            String arn = stack.resolveString(e.queue());
            String url = stack.queueUrlForArn(arn).orElseThrow(() -> new IllegalStateException(f.logicalId() + "."
                    + e.name() + ": queue " + arn + " is not a queue of the template"));
            SqsEventSource source = new SqsEventSource(fn, e, url, arn, aws.region(), aws.sqs(),
                    options.retryVisibilitySeconds(), options.pollWaitSeconds(),
                    a -> stack.queueUrlForArn(a).orElse(null));
            eventSources.add(source);
            source.start();
        });
    }

    /** Lambda's DynamoDB stream event source mappings: the table's stream, read through DynamoDB Local. */
    private void startStreamSources(SamTemplate template) {
        forEachEnabled(template, SamTemplate.StreamEvent.class, SamTemplate.StreamEvent::enabled, (f, fn, e) -> {
            String streamArn = stack.resolveString(e.stream());
            String onFailure = e.onFailureDestination() == null ? null
                    : stack.queueUrlForArn(stack.resolveString(e.onFailureDestination())).orElseThrow(() ->
                            new IllegalStateException(f.logicalId() + "." + e.name()
                                    + ": the on-failure destination is not a queue of the template"));
            StreamEventSource source = new StreamEventSource(fn, e, new TableStream(aws.dynamoDbStreams(),
                    streamArn, aws.region(), e.startingPosition()), stack.attribute(f.logicalId(), "Arn"),
                    aws.sqs(), onFailure, options.streamPollMillis(), options.streamRetryMillis());
            streamSources.add(source);
            source.start();
        });
    }

    private interface EventStarter<E> {
        void start(SamTemplate.Function f, LocalFunction fn, E event);
    }

    /** Each enabled event of {@code type} of a function that runs here (a disabled one is logged). */
    private <E extends SamTemplate.Event> void forEachEnabled(SamTemplate template, Class<E> type,
                                                              java.util.function.Predicate<E> enabled,
                                                              EventStarter<E> starter) {
        for (SamTemplate.Function f : template.functions()) {
            LocalFunction fn = functions.get(f.logicalId());
            for (E e : f.events(type)) {
                if (fn == null) {
                    continue;
                }
                if (!enabled.test(e)) {
                    LOG.log(Level.INFO, f.logicalId() + "." + e.name() + " is disabled in the template");
                    continue;
                }
                starter.start(f, fn, e);
            }
        }
    }

    // ------------------------------------------------------------------ handle

    public String baseUrl() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public LocalAws aws() {
        return aws;
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public Map<String, LocalFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** Functions of the template that are not running, with the reason (e.g. class not on the classpath yet). */
    public Map<String, String> missingFunctions() {
        return Collections.unmodifiableMap(missing);
    }

    /** Sample tenants stored at this start (empty if they were there already). */
    public List<String> onboardedTenants() {
        return List.copyOf(onboarded);
    }

    public RouteTable routes() {
        return routes;
    }

    public DevStackOptions options() {
        return options;
    }

    Schedules schedules() {
        return schedules;
    }

    List<SqsEventSource> eventSources() {
        return Collections.unmodifiableList(eventSources);
    }

    List<StreamEventSource> streamSources() {
        return Collections.unmodifiableList(streamSources);
    }

    /** Runs a function's (first) schedule now and returns its output, like POST /_local/schedules/{id}. */
    public Object runSchedule(String functionLogicalId) {
        return runSchedule(functionLogicalId, null);
    }

    /**
     * Runs a function's (first) schedule now with {@code inputJson} as the function's input instead of the
     * schedule's Input (null: the schedule's own), like POST /_local/schedules/{id} with a body.
     */
    public Object runSchedule(String functionLogicalId, String inputJson) {
        Schedules.Schedule s = schedules.find(functionLogicalId, null);
        if (s == null) {
            throw new IllegalArgumentException("no schedule for " + functionLogicalId);
        }
        return schedules.run(s, inputJson == null || inputJson.isBlank() ? null : Jsons.read(inputJson));
    }

    public LocalRuntime runtime() {
        return new LocalRuntime() {
            public HttpServer httpServer() {
                return server;
            }

            public String baseUrl() {
                return DevStack.this.baseUrl();
            }

            public ProvisionedStack stack() {
                return stack;
            }

            public LocalAws aws() {
                return aws;
            }

            public Map<String, LocalFunction> functions() {
                return DevStack.this.functions();
            }

            public Map<String, String> missingFunctions() {
                return DevStack.this.missingFunctions();
            }

            public RouteTable routes() {
                return routes;
            }

            public RequestAuthorizer authorizer() {
                return authorizer;
            }

            public void authorizer(RequestAuthorizer a) {
                authorizer = a == null ? RequestAuthorizer.PASS_THROUGH : a;
            }

            public Object invoke(String functionLogicalId, Object event) {
                LocalFunction f = functions.get(functionLogicalId);
                if (f == null) {
                    throw new IllegalArgumentException(functionLogicalId + " is not running: "
                            + missing.getOrDefault(functionLogicalId, "not in the template"));
                }
                return f.invoke(event);
            }

            public void onClose(AutoCloseable resource) {
                closeables.add(resource);
            }

            public DevStackOptions options() {
                return options;
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
        if (schedules != null) {
            schedules.close();
        }
        eventSources.forEach(SqsEventSource::stop);
        streamSources.forEach(StreamEventSource::stop);
        List<AutoCloseable> extra = new ArrayList<>(closeables);
        Collections.reverse(extra);
        for (AutoCloseable c : extra) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + c + ": " + e);
            }
        }
        functions.values().forEach(LocalFunction::close);
        if (ownsAws) {
            aws.close();
        }
    }
}
