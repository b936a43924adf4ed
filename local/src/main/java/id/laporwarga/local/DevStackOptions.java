package id.laporwarga.local;

import id.laporwarga.emulators.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link DevStack}: {@link #defaults()} for the command line ({@code ./lapor-local}),
 * {@link #forTests()} for tests and benchmarks (free ports, no schedule timers, streams polled every 100 ms).
 */
public final class DevStackOptions {
    private Path template;
    private String stackName = DevStack.DEFAULT_STACK_NAME;
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
    private long streamPollMillis = 250;
    private long streamRetryMillis = 1000;
    private int maxConcurrency = 4;
    private int httpThreads = 16;
    private boolean accessLog = true;
    private final List<LocalPlugin> plugins = new ArrayList<>();
    private boolean loadServicePlugins = true;
    private LocalAws aws;
    /** The web app's map tiles ({z}/{x}/{y} URL template); null: no tiles (plain background, as in tests). */
    private String tileUrl;

    DevStackOptions() {
    }

    /** Fixed ports 3000/8000/5000, overridable with PORT, DYNAMODB_PORT, MOTO_PORT; HOST, TEMPLATE too. */
    public static DevStackOptions defaults() {
        DevStackOptions o = new DevStackOptions();
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
        // the web app's map tiles: OpenStreetMap's by default on a developer's machine; TILE_URL= (empty) for none
        String tiles = System.getenv("TILE_URL");
        o.tileUrl = tiles == null ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : tiles.isBlank() ? null : tiles.trim();
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

    /** Free ports everywhere, no timers for schedules (run them with {@link DevStack#runSchedule(String)}). */
    public static DevStackOptions forTests() {
        DevStackOptions o = new DevStackOptions();
        o.httpPort = 0;
        o.dynamoDbPort = 0;
        o.motoPort = 0;
        o.runSchedules = false;
        o.maxConcurrency = 2;
        o.httpThreads = 4;
        o.streamPollMillis = 100;
        o.streamRetryMillis = 300;
        return o;
    }

    /** The web app's tile URL template ({@code https://host/{z}/{x}/{y}.png}); null: no tiles. */
    public DevStackOptions tileUrl(String url) {
        this.tileUrl = url;
        return this;
    }

    public String tileUrl() {
        return tileUrl;
    }

    public DevStackOptions template(Path template) {
        this.template = template;
        return this;
    }

    public DevStackOptions stackName(String stackName) {
        this.stackName = stackName;
        return this;
    }

    public DevStackOptions host(String host) {
        this.host = host;
        return this;
    }

    public DevStackOptions httpPort(int port) {
        this.httpPort = port;
        return this;
    }

    public DevStackOptions emulatorPorts(int dynamoDbPort, int motoPort) {
        this.dynamoDbPort = dynamoDbPort;
        this.motoPort = motoPort;
        return this;
    }

    public DevStackOptions parameter(String name, String value) {
        this.parameterOverrides.put(name, value);
        return this;
    }

    /**
     * Sets a variable in every function's environment, over what the template and the emulators give (e.g.
     * {@code AWS_ENDPOINT_URL_DYNAMODB} of a fault-injection proxy, so that only the functions see an outage).
     */
    public DevStackOptions functionEnvironment(String name, String value) {
        this.functionEnvironment.put(name, value);
        return this;
    }

    public DevStackOptions onboardSampleTenants(boolean on) {
        this.onboardSampleTenants = on;
        return this;
    }

    public DevStackOptions runSchedules(boolean on) {
        this.runSchedules = on;
        return this;
    }

    public DevStackOptions pollQueues(boolean on) {
        this.pollQueues = on;
        return this;
    }

    /** Visibility timeout given to failed SQS messages so that they come back quickly (1 s by default). */
    public DevStackOptions retryVisibilitySeconds(int seconds) {
        this.retryVisibilitySeconds = seconds;
        return this;
    }

    /**
     * How often the DynamoDB stream event sources look for new records (250 ms; 100 ms in tests), and how long a
     * failed batch waits before its retry (1 s; 300 ms in tests).
     */
    public DevStackOptions streamPolling(long pollMillis, long retryMillis) {
        this.streamPollMillis = pollMillis;
        this.streamRetryMillis = retryMillis;
        return this;
    }

    /** Handler instances per function at most (concurrent invocations beyond wait). */
    public DevStackOptions maxConcurrency(int n) {
        this.maxConcurrency = n;
        return this;
    }

    public DevStackOptions httpThreads(int n) {
        this.httpThreads = n;
        return this;
    }

    /** Whether the HTTP API prints a line per request on stdout (default true; a load test turns it off). */
    public DevStackOptions accessLog(boolean on) {
        this.accessLog = on;
        return this;
    }

    public DevStackOptions plugin(LocalPlugin plugin) {
        this.plugins.add(plugin);
        return this;
    }

    /** Whether plugins listed in META-INF/services are loaded too (default true). */
    public DevStackOptions loadServicePlugins(boolean on) {
        this.loadServicePlugins = on;
        return this;
    }

    /** Uses emulators that are already running (not closed with the stack). */
    public DevStackOptions aws(LocalAws aws) {
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

    public long streamPollMillis() {
        return streamPollMillis;
    }

    public long streamRetryMillis() {
        return streamRetryMillis;
    }

    String host() {
        return host;
    }

    int httpPort() {
        return httpPort;
    }

    int dynamoDbPort() {
        return dynamoDbPort;
    }

    int motoPort() {
        return motoPort;
    }

    Map<String, String> functionEnvironment() {
        return Collections.unmodifiableMap(functionEnvironment);
    }

    boolean onboardSampleTenants() {
        return onboardSampleTenants;
    }

    boolean runSchedules() {
        return runSchedules;
    }

    boolean pollQueues() {
        return pollQueues;
    }

    int pollWaitSeconds() {
        return pollWaitSeconds;
    }

    int maxConcurrency() {
        return maxConcurrency;
    }

    int httpThreads() {
        return httpThreads;
    }

    boolean accessLog() {
        return accessLog;
    }

    boolean loadServicePlugins() {
        return loadServicePlugins;
    }

    /** The emulators given with {@link #aws(LocalAws)}, or null: the stack starts (and stops) its own. */
    LocalAws aws() {
        return aws;
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
