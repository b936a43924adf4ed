package id.laporwarga.emulators;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS emulators for the local stack and for integration tests: AWS's DynamoDB Local in-process and
 * {@code moto_server} (S3, SNS, SQS, with S3 event notifications, SNS filter policies and SNS-to-SQS fan-out) as a
 * child process, plus real SDK v2 clients pointed at them.
 *
 * <p>If the environment variable {@code AWS_ENDPOINT_URL} is set (LocalStack or a moto the user runs), nothing is
 * started and every service uses that endpoint.
 *
 * <p>Both emulators keep their state in memory: {@link #restartDynamoDb()} and {@link #restartMoto()} (for fault
 * injection) keep the ports but lose the data; provision again with {@link StackProvisioner} (idempotent) if needed.
 *
 * <p>Region: {@value #DEFAULT_REGION} (moto 5 accepts it; bucket creation needs a LocationConstraint there, which
 * {@link StackProvisioner} sends). Credentials are the static pair test/test. moto's account id is
 * {@value #MOTO_ACCOUNT_ID}; with an external endpoint the account is {@code LOCAL_AWS_ACCOUNT_ID} if set, else
 * LocalStack's default {@code 000000000000}.
 */
public final class LocalAws implements AutoCloseable {
    public static final String DEFAULT_REGION = "ap-southeast-3";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final String MOTO_ACCOUNT_ID = "123456789012";
    /** The services this class gives endpoints and clients for. */
    public static final List<String> SERVICES = List.of("dynamodb", "s3", "sns", "sqs", "secretsmanager", "cognito-idp",
            "ses");

    private static final System.Logger LOG = System.getLogger(LocalAws.class.getName());
    private static final String HOST = "127.0.0.1";
    private static LocalAws shared;

    /** Ports 0 mean "pick a free port". */
    public record Options(int dynamoDbPort, int motoPort, String region, String motoCommand) {
        public Options {
            region = region == null || region.isBlank() ? DEFAULT_REGION : region;
            motoCommand = motoCommand == null || motoCommand.isBlank() ? "moto_server" : motoCommand;
        }

        public static Options defaults() {
            return new Options(0, 0, DEFAULT_REGION, System.getenv("MOTO_SERVER"));
        }

        public Options withPorts(int dynamoDbPort, int motoPort) {
            return new Options(dynamoDbPort, motoPort, region, motoCommand);
        }
    }

    private final String externalEndpoint;
    private final String region;
    private final String accountId;
    private final String motoCommand;
    private final int dynamoPort;
    private final int motoPort;
    private final Path motoLog;
    private final Thread shutdownHook;
    private DynamoDBProxyServer dynamo;
    private Process moto;
    private DynamoDbClient dynamoClient;
    private DynamoDbStreamsClient streamsClient;
    private S3Client s3Client;
    private SnsClient snsClient;
    private SqsClient sqsClient;
    private SecretsManagerClient secretsClient;
    private CognitoIdentityProviderClient cognitoClient;
    private boolean closed;

    private LocalAws(Options options, String externalEndpoint) {
        this.externalEndpoint = externalEndpoint;
        this.region = options.region();
        this.motoCommand = options.motoCommand();
        if (externalEndpoint != null) {
            this.dynamoPort = -1;
            this.motoPort = -1;
            this.motoLog = null;
            String account = System.getenv("LOCAL_AWS_ACCOUNT_ID");
            this.accountId = account == null || account.isBlank() ? "000000000000" : account;
        } else {
            this.dynamoPort = options.dynamoDbPort() > 0 ? options.dynamoDbPort() : freePort();
            int m = options.motoPort() > 0 ? options.motoPort() : freePort();
            while (m == dynamoPort) {
                m = freePort();
            }
            this.motoPort = m;
            this.accountId = MOTO_ACCOUNT_ID;
            try {
                this.motoLog = Files.createTempFile("moto-" + motoPort + "-", ".log");
                this.motoLog.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.shutdownHook = new Thread(this::close, "local-aws-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts DynamoDB Local and moto_server on free ports (or uses {@code AWS_ENDPOINT_URL} if set). */
    public static LocalAws start() {
        return start(Options.defaults());
    }

    public static LocalAws start(Options options) {
        String external = System.getenv("AWS_ENDPOINT_URL");
        LocalAws aws = new LocalAws(options, external == null || external.isBlank() ? null : external.trim());
        try {
            if (!aws.isExternal()) {
                aws.startDynamoDb();
                aws.startMoto();
            }
            aws.createClients();
            return aws;
        } catch (RuntimeException | Error e) {
            aws.close();
            throw e;
        }
    }

    /**
     * One instance per JVM, started on first use and stopped by a shutdown hook: the cheapest way for many test
     * classes to share the emulators (CI has 2 cores). Give each test class its own stack name (see
     * {@link StackProvisioner}) so their resources do not collide. Never {@link #close()} it.
     */
    public static synchronized LocalAws shared() {
        if (shared == null || shared.closed) {
            shared = start();
        }
        return shared;
    }

    // ------------------------------------------------------------------ endpoints and clients

    public boolean isExternal() {
        return externalEndpoint != null;
    }

    /**
     * Endpoint of one service: "dynamodb", "s3", "sns", "sqs", "secretsmanager", "cognito-idp" or "ses"
     * (case-insensitive).
     */
    public URI endpoint(String service) {
        String s = service.toLowerCase(Locale.ROOT);
        if (!SERVICES.contains(s)) {
            throw new IllegalArgumentException("no emulator for service " + service + "; known: " + SERVICES);
        }
        if (externalEndpoint != null) {
            return URI.create(externalEndpoint);
        }
        return URI.create("http://" + HOST + ":" + ("dynamodb".equals(s) ? dynamoPort : motoPort));
    }

    /** -1 with an external endpoint. */
    public int dynamoDbPort() {
        return dynamoPort;
    }

    /** -1 with an external endpoint. */
    public int motoPort() {
        return motoPort;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public String accessKeyId() {
        return ACCESS_KEY;
    }

    public String secretAccessKey() {
        return SECRET_KEY;
    }

    /**
     * What a function (or the AWS CLI) needs to reach these emulators: {@code AWS_ENDPOINT_URL_<SERVICE>} for
     * DYNAMODB, S3, SNS, SQS, SECRETSMANAGER, COGNITO_IDENTITY_PROVIDER, SES, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, and the
     * static keys.
     */
    public Map<String, String> clientEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String s : SERVICES) {
            String name = "cognito-idp".equals(s) ? "COGNITO_IDENTITY_PROVIDER" : s.toUpperCase(Locale.ROOT);
            env.put("AWS_ENDPOINT_URL_" + name, endpoint(s).toString());
        }
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return env;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoClient;
    }

    public S3Client s3() {
        return s3Client;
    }

    public SnsClient sns() {
        return snsClient;
    }

    public SqsClient sqs() {
        return sqsClient;
    }

    /** DynamoDB Local's Streams API (the tables' streams: the outbox relay's source). */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return streamsClient;
    }

    /** Secrets Manager on moto (created on first use). */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsClient == null) {
            secretsClient = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                    .region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .endpointOverride(endpoint("secretsmanager")).build();
        }
        return secretsClient;
    }

    /** moto's Cognito user pools (the officials' sign-in). */
    public CognitoIdentityProviderClient cognito() {
        return cognitoClient;
    }

    private void createClients() {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        Region r = Region.of(region);
        dynamoClient = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("dynamodb")).build();
        streamsClient = DynamoDbStreamsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("dynamodb")).build();
        s3Client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("s3")).forcePathStyle(true).build();
        snsClient = SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("sns")).build();
        sqsClient = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("sqs")).build();
        cognitoClient = CognitoIdentityProviderClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(r).credentialsProvider(creds).endpointOverride(endpoint("cognito-idp")).build();
    }

    // ------------------------------------------------------------------ DynamoDB Local

    public synchronized void startDynamoDb() {
        requireOwned();
        if (dynamo != null) {
            return;
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(dynamoPort)});
            server.start();
            dynamo = server;
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + dynamoPort
                    + (portFree(dynamoPort) ? "" : " (the port is in use)") + ": " + e.getMessage(), e);
        }
        waitForPort(dynamoPort, Duration.ofSeconds(30), "DynamoDB Local");
    }

    /** Stops DynamoDB Local (its in-memory data is lost); requests fail with a connection error until restarted. */
    public synchronized void stopDynamoDb() {
        requireOwned();
        if (dynamo == null) {
            return;
        }
        try {
            dynamo.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping DynamoDB Local: " + e);
        }
        dynamo = null;
    }

    public synchronized void restartDynamoDb() {
        stopDynamoDb();
        startDynamoDb();
    }

    public synchronized boolean dynamoDbRunning() {
        return dynamo != null;
    }

    // ------------------------------------------------------------------ moto_server

    public synchronized void startMoto() {
        requireOwned();
        if (moto != null && moto.isAlive()) {
            return;
        }
        String executable = findExecutable(motoCommand);
        if (executable == null) {
            throw new IllegalStateException("'" + motoCommand + "' is not on the PATH. It emulates S3, SNS and SQS for "
                    + "the local stack and the integration tests. Install it with:  pip install \"moto[server]\"  "
                    + "(or set AWS_ENDPOINT_URL to a LocalStack/moto you run yourself, or MOTO_SERVER to its path)");
        }
        if (!portFree(motoPort)) {
            throw new IllegalStateException("cannot start moto_server: port " + motoPort + " is in use"
                    + " (set MOTO_PORT to another port)");
        }
        ProcessBuilder pb = new ProcessBuilder(executable, "-H", HOST, "-p", Integer.toString(motoPort))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(motoLog.toFile()));
        pb.environment().putIfAbsent("MOTO_ACCOUNT_ID", MOTO_ACCOUNT_ID);
        try {
            moto = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!moto.isAlive()) {
                String log = tail(motoLog);
                moto = null;
                throw new IllegalStateException("moto_server exited during start-up; its output:\n" + log);
            }
            if (answers("http://" + HOST + ":" + motoPort + "/moto-api/")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stopMoto();
                throw new IllegalStateException("moto_server did not answer on port " + motoPort + " within 60 s; "
                        + "its output:\n" + tail(motoLog));
            }
            sleep(100);
        }
    }

    /** Kills moto_server (its state is lost); requests fail with a connection error until restarted. */
    public synchronized void stopMoto() {
        requireOwned();
        Process p = moto;
        moto = null;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the port must be free again before a restart on the same port
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!portFree(motoPort) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    public synchronized void restartMoto() {
        stopMoto();
        startMoto();
    }

    public synchronized boolean motoRunning() {
        return moto != null && moto.isAlive();
    }

    /** moto_server's output (stdout and stderr), for diagnosing a test. */
    public Path motoLog() {
        return motoLog;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (var c : new AutoCloseable[] {dynamoClient, streamsClient, s3Client, snsClient, sqsClient, cognitoClient,
                secretsClient}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        }
        if (!isExternal()) {
            stopMoto();
            stopDynamoDb();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // JVM already shutting down
            }
        }
    }

    @Override
    public String toString() {
        return isExternal() ? "LocalAws[external " + externalEndpoint + "]"
                : "LocalAws[dynamodb=" + endpoint("dynamodb") + ", moto=" + endpoint("s3") + "]";
    }

    private void requireOwned() {
        if (isExternal()) {
            throw new UnsupportedOperationException("emulators are external (AWS_ENDPOINT_URL=" + externalEndpoint
                    + "): they cannot be started or stopped from here");
        }
    }

    // ------------------------------------------------------------------ helpers

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean portFree(int port) {
        try (Socket ignored = new Socket(HOST, port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void waitForPort(int port, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout);
            }
            sleep(50);
        }
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static String findExecutable(String command) {
        Objects.requireNonNull(command);
        if (command.contains(File.separator)) {
            File f = new File(command);
            return f.canExecute() ? f.getAbsolutePath() : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File f = new File(dir, command);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
