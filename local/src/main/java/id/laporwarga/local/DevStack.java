package id.laporwarga.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole application on this machine ("the README's first command", {@code ./lapor-local}): starts the emulators
 * ({@link LocalAws}), provisions template.yaml as stack {@code lapor-warga-local}, onboards the sample tenants, runs
 * every function of the template in this JVM, serves the HTTP API on {@code http://127.0.0.1:3000} like API Gateway
 * (payload 2.0), polls the SQS queues of the functions' SQS events like Lambda's event source mappings and runs
 * their schedules. {@link #start(Options)} does the same from a test, on free ports.
 */
public final class DevStack implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DevStack.class.getName());
    public static final String DEFAULT_STACK_NAME = "lapor-warga-local";

    /** How to start; {@link #defaults()} for the command line, {@link #forTests()} for tests (free ports). */
    public static final class Options {
        private Path template;
        private String stackName = DEFAULT_STACK_NAME;
        private String host = "127.0.0.1";
        private int httpPort = 3000;
        private int dynamoDbPort = 8000;
        private int motoPort = 5000;
        private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
        private final Map<String, String> functionEnvironment = new LinkedHashMap<>();
        private boolean onboardSampleTenants = true;
        private boolean runSchedules = true;
        private boolean pollQueues = true;
        private int retryVisibilitySeconds = 1;
        private int pollWaitSeconds = 1;
        private int maxConcurrency = 4;
        private int httpThreads = 16;
        private boolean accessLog = true;
        private final List<LocalPlugin> plugins = new ArrayList<>();
        private boolean loadServicePlugins = true;
        private LocalAws aws;

        /** Fixed ports 3000/8000/5000, overridable with PORT, DYNAMODB_PORT, MOTO_PORT; HOST, TEMPLATE too. */
        public static Options defaults() {
            Options o = new Options();
            o.httpPort = intEnv("PORT", 3000);
            o.dynamoDbPort = intEnv("DYNAMODB_PORT", 8000);
            o.motoPort = intEnv("MOTO_PORT", 5000);
            String host = System.getenv("HOST");
            if (host != null && !host.isBlank()) {
                o.host = host.trim();
            }
            String template = System.getenv("TEMPLATE");
            if (template != null && !template.isBlank()) {
                o.template = Path.of(template);
            }
            String overrides = System.getenv("PARAMETER_OVERRIDES");
            if (overrides != null) {
                for (String kv : overrides.trim().split("\\s+")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        o.parameterOverrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            }
            return o;
        }

        /** Free ports everywhere, no timers for schedules (run them with {@link DevStack#runSchedule}). */
        public static Options forTests() {
            Options o = new Options();
            o.httpPort = 0;
            o.dynamoDbPort = 0;
            o.motoPort = 0;
            o.runSchedules = false;
            o.maxConcurrency = 2;
            o.httpThreads = 4;
            return o;
        }

        public Options template(Path template) {
            this.template = template;
            return this;
        }

        public Options stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Options host(String host) {
            this.host = host;
            return this;
        }

        public Options httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Options emulatorPorts(int dynamoDbPort, int motoPort) {
            this.dynamoDbPort = dynamoDbPort;
            this.motoPort = motoPort;
            return this;
        }

        public Options parameter(String name, String value) {
            this.parameterOverrides.put(name, value);
            return this;
        }

        /**
         * Sets a variable in every function's environment, over what the template and the emulators give (e.g.
         * {@code AWS_ENDPOINT_URL_DYNAMODB} of a fault-injection proxy, so that only the functions see an outage).
         */
        public Options functionEnvironment(String name, String value) {
            this.functionEnvironment.put(name, value);
            return this;
        }

        public Options onboardSampleTenants(boolean on) {
            this.onboardSampleTenants = on;
            return this;
        }

        public Options runSchedules(boolean on) {
            this.runSchedules = on;
            return this;
        }

        public Options pollQueues(boolean on) {
            this.pollQueues = on;
            return this;
        }

        /** Visibility timeout given to failed SQS messages so that they come back quickly (1 s by default). */
        public Options retryVisibilitySeconds(int seconds) {
            this.retryVisibilitySeconds = seconds;
            return this;
        }

        /** Handler instances per function at most (concurrent invocations beyond wait). */
        public Options maxConcurrency(int n) {
            this.maxConcurrency = n;
            return this;
        }

        public Options httpThreads(int n) {
            this.httpThreads = n;
            return this;
        }

        /** Whether the HTTP API prints a line per request on stdout (default true; a load test turns it off). */
        public Options accessLog(boolean on) {
            this.accessLog = on;
            return this;
        }

        public Options plugin(LocalPlugin plugin) {
            this.plugins.add(plugin);
            return this;
        }

        /** Whether plugins listed in META-INF/services are loaded too (default true). */
        public Options loadServicePlugins(boolean on) {
            this.loadServicePlugins = on;
            return this;
        }

        /** Uses emulators that are already running (not closed with the stack). */
        public Options aws(LocalAws aws) {
            this.aws = aws;
            return this;
        }

        public Path template() {
            return template;
        }

        public String stackName() {
            return stackName;
        }

        public Map<String, String> parameterOverrides() {
            return Collections.unmodifiableMap(parameterOverrides);
        }

        public List<LocalPlugin> plugins() {
            return List.copyOf(plugins);
        }

        public int retryVisibilitySeconds() {
            return retryVisibilitySeconds;
        }

        private static int intEnv(String name, int fallback) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, got " + v);
            }
        }
    }

    private final Options options;
    private final LocalAws aws;
    private final boolean ownsAws;
    private final List<AutoCloseable> closeables = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final List<SqsEventSource> eventSources = new ArrayList<>();
    private final List<String> onboarded = new ArrayList<>();
    private ProvisionedStack stack;
    private RouteTable routes;
    private Schedules schedules;
    private HttpServer server;
    private ExecutorService httpExecutor;
    private volatile RequestAuthorizer authorizer = RequestAuthorizer.PASS_THROUGH;
    private volatile boolean closed;

    private DevStack(Options options, LocalAws aws, boolean ownsAws) {
        this.options = options;
        this.aws = aws;
        this.ownsAws = ownsAws;
    }

    /** Starts everything; {@link #close()} stops it (and the emulators, unless they were given in the options). */
    public static DevStack start(Options options) {
        boolean owns = options.aws == null;
        LocalAws aws = owns ? LocalAws.start(new LocalAws.Options(options.dynamoDbPort, options.motoPort,
                LocalAws.DEFAULT_REGION, System.getenv("MOTO_SERVER"))) : options.aws;
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
        Path templatePath = options.template != null ? options.template : SamTemplate.findRepositoryTemplate();
        SamTemplate template = SamTemplate.load(templatePath);
        stack = StackProvisioner.provision(template, options.stackName, aws, options.parameterOverrides);

        if (options.onboardSampleTenants && hasTenantTable(template)) {
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
                env.putAll(options.functionEnvironment);
                functions.put(f.logicalId(), LocalFunction.load(f, env, name, arn,
                        options.maxConcurrency, loader));
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

        routes = RouteTable.fromTemplate(stack);
        startHttp();
        if (options.pollQueues) {
            startEventSources(template);
        }
        schedules = new Schedules(stack, functions);
        if (options.runSchedules) {
            schedules.start();
        }
        List<LocalPlugin> plugins = new ArrayList<>(options.plugins);
        if (options.loadServicePlugins) {
            ServiceLoader.load(LocalPlugin.class, loader).forEach(plugins::add);
        }
        LocalRuntime runtime = runtime();
        for (LocalPlugin p : plugins) {
            try {
                p.register(runtime);
                LOG.log(Level.INFO, "plugin " + p.name() + " registered");
            } catch (Exception e) {
                throw new IllegalStateException("plugin " + p.name() + " failed: " + e.getMessage(), e);
            }
        }
        server.start();
    }

    private static boolean hasTenantTable(SamTemplate template) {
        return template.functionGlobals().get("Environment") instanceof Map<?, ?> env
                && env.get("Variables") instanceof Map<?, ?> vars && vars.containsKey("TABLE_NAME");
    }

    private void startHttp() {
        Map<String, HttpApiBridge.Cors> cors = new LinkedHashMap<>();
        Map<String, String> apiIds = new LinkedHashMap<>();
        for (SamTemplate.Resource api : stack.template().resourcesOfType(SamTemplate.HTTP_API)) {
            apiIds.put(api.logicalId(), stack.physicalId(api.logicalId()));
            Object c = stack.resolve(api.properties().get("CorsConfiguration"));
            if (Boolean.TRUE.equals(c) || "true".equals(c)) {
                cors.put(api.logicalId(), new HttpApiBridge.Cors(List.of("*"), List.of("*"), List.of("*"), List.of(),
                        null, false));
            } else if (c instanceof Map<?, ?> m) {
                cors.put(api.logicalId(), new HttpApiBridge.Cors(strings(m.get("AllowOrigins")),
                        strings(m.get("AllowMethods")), strings(m.get("AllowHeaders")), strings(m.get("ExposeHeaders")),
                        m.get("MaxAge") == null ? null : Integer.valueOf(String.valueOf(m.get("MaxAge"))),
                        Boolean.parseBoolean(String.valueOf(m.get("AllowCredentials")))));
            }
        }
        try {
            server = HttpServer.create(new InetSocketAddress(options.host, options.httpPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + options.host + ":" + options.httpPort + " ("
                    + e.getMessage() + "); set PORT to another port", e);
        }
        AtomicInteger n = new AtomicInteger();
        httpExecutor = Executors.newFixedThreadPool(options.httpThreads, r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpExecutor);
        server.createContext("/", new HttpApiBridge(routes, functions, missing, () -> authorizer, cors, apiIds,
                aws.accountId(), options.accessLog));
        server.createContext("/_local/health", ex -> reply(ex, 200, Jsons.write(Map.of("status", "ok"))));
        server.createContext("/_local/functions", ex -> reply(ex, 200, Jsons.write(describeFunctions())));
        server.createContext("/_local/schedules", this::scheduleEndpoint);
    }

    private void startEventSources(SamTemplate template) {
        for (SamTemplate.Function f : template.functions()) {
            LocalFunction fn = functions.get(f.logicalId());
            for (SamTemplate.SqsEvent e : f.events(SamTemplate.SqsEvent.class)) {
                if (fn == null) {
                    continue;
                }
                if (!e.enabled()) {
                    LOG.log(Level.INFO, f.logicalId() + "." + e.name() + " is disabled in the template");
                    continue;
                }
                String arn = stack.resolveString(e.queue());
                String url = stack.queueUrlForArn(arn).orElseThrow(() -> new IllegalStateException(f.logicalId() + "."
                        + e.name() + ": queue " + arn + " is not a queue of the template"));
                SqsEventSource source = new SqsEventSource(fn, e, url, arn, aws.region(), aws.sqs(),
                        options.retryVisibilitySeconds, options.pollWaitSeconds,
                        a -> stack.queueUrlForArn(a).orElse(null));
                eventSources.add(source);
                source.start();
            }
        }
    }

    private void scheduleEndpoint(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.substring("/_local/schedules".length()).replaceAll("^/+|/+$", "");
        if (rest.isEmpty()) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, Jsons.message("Method Not Allowed"));
                return;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Schedules.Schedule s : schedules.schedules()) {
                out.add(Map.of("function", s.functionLogicalId(), "event", s.event().name(), "type", s.event().type(),
                        "expression", s.expression(), "enabled", s.event().enabled(),
                        "running", functions.containsKey(s.functionLogicalId())));
            }
            reply(ex, 200, Jsons.write(out));
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, Jsons.message("use POST /_local/schedules/{FunctionLogicalId} to run a schedule now"));
            return;
        }
        String query = ex.getRequestURI().getRawQuery();
        String eventName = null;
        if (query != null && query.startsWith("event=")) {
            eventName = URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
        }
        Schedules.Schedule s = schedules.find(rest, eventName);
        if (s == null) {
            reply(ex, 404, Jsons.message("no Schedule/ScheduleV2 event for function " + rest));
            return;
        }
        if (!functions.containsKey(s.functionLogicalId())) {
            reply(ex, 503, Jsons.message(rest + " is not running: " + missing.get(rest)));
            return;
        }
        // an optional JSON body replaces the schedule's Input for this run (e.g. a chosen period to score or export)
        Object input = null;
        String body;
        try (var in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!body.isBlank()) {
            try {
                input = Jsons.read(body);
            } catch (IllegalArgumentException e) {
                reply(ex, 400, Jsons.message("the body must be JSON (the function's input): " + e.getMessage()));
                return;
            }
        }
        try {
            Object out = schedules.run(s, input);
            reply(ex, 200, out instanceof LocalFunction.RawJson raw ? raw.json() : Jsons.write(out));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "schedule run of " + rest + " failed", e);
            reply(ex, 500, Jsons.write(Map.of("errorType", e.getClass().getName(),
                    "errorMessage", String.valueOf(e.getMessage()))));
        }
    }

    private List<Map<String, Object>> describeFunctions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SamTemplate.Function f : stack.template().functions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("logicalId", f.logicalId());
            m.put("handler", f.handler());
            m.put("running", functions.containsKey(f.logicalId()));
            if (missing.containsKey(f.logicalId())) {
                m.put("problem", missing.get(f.logicalId()));
            }
            LocalFunction fn = functions.get(f.logicalId());
            if (fn != null) {
                m.put("instances", fn.instances());
            }
            m.put("events", f.events().stream().map(e -> e.type() + " " + e.name()).toList());
            out.add(m);
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
        ex.close();
    }

    private static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    // ------------------------------------------------------------------ handle

    public String baseUrl() {
        String host = options.host.equals("0.0.0.0") ? "127.0.0.1" : options.host;
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

            public Options options() {
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

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %3$s - %5$s%6$s%n");
        }
        Options options = Options.defaults();
        long start = System.nanoTime();
        DevStack local;
        try {
            local = start(options);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("lapor-local could not start: " + e.getMessage());
            LOG.log(Level.DEBUG, "start-up failure", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local stack ...");
            local.close();
            stopped.countDown();
            System.out.println("stopped.");
            System.out.flush();
            // Ctrl-C is the normal way to stop: exit 0 (not 130) so that `mvn exec:exec` does not report a failure;
            // everything this process started is closed above.
            Runtime.getRuntime().halt(0);
        }, "lapor-local-shutdown"));
        local.printBanner(System.out, (System.nanoTime() - start) / 1_000_000);
        stopped.await();
    }

    /** What is running and how to reach it, with commands to paste. */
    public void printBanner(PrintStream out, long startMillis) {
        String region = aws.region();
        String ddb = aws.endpoint("dynamodb").toString();
        String moto = aws.endpoint("s3").toString();
        out.println();
        out.println("Lapor Warga local stack '" + stack.stackName() + "' is up (" + startMillis + " ms)");
        out.println();
        out.println("  HTTP API      " + baseUrl() + "   (payload 2.0; routes below)");
        out.println("  DynamoDB      " + ddb + (aws.isExternal() ? "" : "   (DynamoDB Local, in memory)"));
        out.println("  S3, SNS, SQS  " + moto + (aws.isExternal() ? "" : "   (moto_server, in memory; log: "
                + aws.motoLog() + ")"));
        out.println("  region " + region + ", account " + aws.accountId() + ", keys test/test");
        out.println();
        out.println("Resources:");
        stack.resources().forEach((id, p) -> {
            if (p.emulated()) {
                out.printf("  %-34s %-18s %s%n", id, p.type().replace("AWS::", ""), p.ref());
            }
        });
        if (!stack.skippedResources().isEmpty()) {
            out.println("  (not emulated: " + String.join(", ", stack.skippedResources()) + ")");
        }
        out.println();
        out.println("Functions:");
        for (SamTemplate.Function f : stack.template().functions()) {
            String state = functions.containsKey(f.logicalId()) ? "running" : "NOT RUNNING: " + missing.get(f.logicalId());
            out.printf("  %-34s %s%n", f.logicalId(), state);
        }
        out.println();
        out.println("Routes:");
        for (HttpRoute r : routes.routes()) {
            out.printf("  %-45s -> %s%s%n", r.routeKey(), r.functionLogicalId(),
                    r.authorizer() == null ? "" : "   [authorizer " + r.authorizer() + "]");
        }
        if (!eventSources.isEmpty()) {
            out.println();
            out.println("SQS event sources (failed messages return after " + options.retryVisibilitySeconds + " s):");
            eventSources.forEach(s -> out.println("  " + s.description()));
        }
        if (!schedules.schedules().isEmpty()) {
            out.println();
            out.println("Schedules (run now: curl -X POST " + baseUrl() + "/_local/schedules/<Function>"
                    + "  [-d '<JSON input instead of the schedule's Input>']):");
            schedules.schedules().forEach(s -> out.println("  " + s.functionLogicalId() + "." + s.event().name() + "  "
                    + s.expression() + (options.runSchedules && Schedules.rate(s.expression()) != null ? "  (timer)"
                    : "  (on demand)")));
        }
        if (!onboarded.isEmpty()) {
            out.println();
            out.println("Onboarded sample tenants: " + String.join(", ", onboarded));
        }
        out.println();
        out.println("Try:");
        out.println("  curl -s " + baseUrl() + "/v1/tenants");
        out.println("  curl -s " + baseUrl() + "/_local/functions");
        out.println();
        out.println("AWS CLI (DynamoDB Local keeps tables per access key and region, so use exactly these):");
        out.println("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + region);
        java.util.Set<String> polled = new java.util.HashSet<>();
        eventSources.forEach(s -> polled.add(s.queueUrl()));
        stack.resources().values().forEach(p -> {
            switch (p.type()) {
                case StackProvisioner.TABLE -> out.println("  aws --endpoint-url " + ddb + " dynamodb scan --table-name "
                        + p.ref() + " --region " + region);
                case StackProvisioner.BUCKET -> out.println("  aws --endpoint-url " + moto + " s3 ls s3://" + p.ref()
                        + " --recursive --region " + region);
                // a receive on a queue that a function polls would hide its messages from that function (for the
                // queue's visibility timeout): count those; peek at the others (DLQs, dashboards) without hiding
                case StackProvisioner.QUEUE -> out.println("  aws --endpoint-url " + moto + (polled.contains(p.ref())
                        ? " sqs get-queue-attributes --attribute-names ApproximateNumberOfMessages "
                        + "ApproximateNumberOfMessagesNotVisible --queue-url "
                        : " sqs receive-message --visibility-timeout 0 --max-number-of-messages 10 "
                        + "--attribute-names All --queue-url ") + p.ref() + " --region " + region);
                default -> {
                }
            }
        });
        out.println("  aws --endpoint-url " + moto + " sns list-subscriptions --region " + region);
        out.println();
        out.println("Ctrl-C stops everything; so does  kill -TERM " + ProcessHandle.current().pid()
                + "  (a shell ignores Ctrl-C/SIGINT for jobs started with '&').");
        out.flush();
    }
}
