package id.laporwarga.benchmarks;

import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.TableKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Load test of the local stack ({@code ./lapor-bench load}): starts the whole system in this JVM on 127.0.0.1 (free
 * ports; the emulators, every function, the HTTP bridge) and, for a bounded time, keeps {@code submitters} clients
 * submitting complaints ({@code POST /v1/reports}, each with its own Idempotency-Key and one declared photo) and
 * {@code readers} clients reading the public tracking view of accepted reports ({@code GET /v1/reports/{code}}) as
 * fast as the answers come (closed loop). Then prints throughput, p50/p99/max latency and errors per kind against the
 * targets (>= 200 submits/s, p99 <= 50 ms, zero errors) and checks that the table holds exactly one case per accepted
 * submission. Stops by itself; only ever talks to 127.0.0.1.
 *
 * <p>Options: {@code --seconds=60 --warmup=5 --submitters=4 --readers=1 --http-threads=16 --instances=4 --verbose};
 * {@code --smoke}: 3 s after a 2 s warm-up (the other options as given). Exits 1 when a target was missed (0 in smoke
 * mode, where the smoke run judges the figures against sanity bounds instead).
 *
 * <p>4 submitters and 1 reader are the concurrency with the best throughput on the project's 2-core machines: with 8
 * and 2 (the former default, same 4:1 mix) the submits per second are the same or fewer, and every request waits
 * about twice as long, for the cores, DynamoDB Local's table lock and the function instances; with 12 and 3 fewer
 * still. Figures in docs/performance.md.
 */
public final class LoadTest {
    static final double TARGET_SUBMITS_PER_SECOND = 200;
    static final double TARGET_P99_MS = 50;

    private LoadTest() {
    }

    /** Latencies (µs) of one kind of request, and its errors. */
    static final class Recorder {
        final String name;
        final List<long[]> chunks = new CopyOnWriteArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

        Recorder(String name) {
            this.name = name;
        }

        /** One per worker thread: no contention while measuring. */
        final class Local {
            long[] values = new long[1 << 16];
            int n;

            void add(long micros) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = micros;
            }

            void flush() {
                chunks.add(Arrays.copyOf(values, n));
            }
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        long[] sorted() {
            long[] all = chunks.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    public static void main(String[] args) {
        Bench.run(args, LoadTest::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int seconds = intArg(args, "seconds", smoke ? 3 : 60);
        int warmup = intArg(args, "warmup", smoke ? 2 : 5);
        int submitters = intArg(args, "submitters", 4);
        int readers = intArg(args, "readers", 1);
        int httpThreads = intArg(args, "http-threads", 16);
        int instances = intArg(args, "instances", 4);
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("--seconds must be 1..3600");
        }
        Http.configure(submitters + readers);
        double[] point = insidePoint();
        System.out.printf(Locale.ROOT, "load test: %d s (+%d s warm-up), %d submitters, %d readers, %d HTTP threads, "
                + "up to %d instances per function, on %d cores%n", seconds, warmup, submitters, readers, httpThreads,
                instances, Runtime.getRuntime().availableProcessors());
        long startStack = System.nanoTime();
        try (DevStack local = DevStack.start(DevStackOptions.forTests()
                .stackName("load-" + UUID.randomUUID().toString().substring(0, 6))
                .pollQueues(false).runSchedules(false).maxConcurrency(instances).httpThreads(httpThreads)
                .accessLog(quiet(args)))) {
            URI base = URI.create(local.baseUrl());
            if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalStateException("the load test only runs against 127.0.0.1, not " + base);
            }
            System.out.printf(Locale.ROOT, "local stack up in %.1f s at %s%n",
                    (System.nanoTime() - startStack) / 1e9, base);
            // the bridge's access log (off unless --verbose) and the functions' JSON logs go to stdout; on Lambda they
            // are shipped asynchronously, here they would cost a synchronized console write per request: not measured
            PrintStream console = System.out;
            if (!quiet(args)) {
                console.println("(request logs suppressed during the run; --verbose keeps them)");
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                JsonLog.setOutput(new PrintStream(OutputStream.nullOutputStream()));
            }
            Http http = new Http();

            // warm-up (JIT, handler instances, connections): not measured, its cases counted separately
            Set<String> warmupCases = ConcurrentHashMap.newKeySet();
            List<String> codes = new CopyOnWriteArrayList<>();
            run(http, base, point, warmup, submitters, readers, new Recorder("warmup-submit"), new Recorder("warmup-read"),
                    warmupCases, codes);

            Recorder submits = new Recorder("POST /v1/reports");
            Recorder reads = new Recorder("GET /v1/reports/{code}");
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            long t0 = System.nanoTime();
            run(http, base, point, seconds, submitters, readers, submits, reads, accepted, codes);
            double elapsed = (System.nanoTime() - t0) / 1e9;

            long[] s = submits.sorted();
            long[] r = reads.sorted();
            double submitRate = s.length / elapsed;
            console.println();
            console.printf(Locale.ROOT, "%-24s %9s %10s %9s %9s %9s %7s%n", "request", "count", "per s",
                    "p50 ms", "p99 ms", "max ms", "errors");
            print(console, submits, s, elapsed);
            print(console, reads, r, elapsed);
            double p99 = percentile(s, 0.99) / 1000.0;
            long errors = submits.errors.get() + reads.errors.get();
            console.println();
            console.printf(Locale.ROOT, "target submits/s >= %.0f: %.1f  %s%n", TARGET_SUBMITS_PER_SECOND, submitRate,
                    submitRate >= TARGET_SUBMITS_PER_SECOND ? "MET" : "MISSED");
            console.printf(Locale.ROOT, "target submit p99 <= %.0f ms: %.1f ms  %s%n", TARGET_P99_MS, p99,
                    p99 <= TARGET_P99_MS ? "MET" : "MISSED");
            console.printf(Locale.ROOT, "target errors = 0: %d  %s%n", errors, errors == 0 ? "MET" : "MISSED");
            if (errors > 0) {
                submits.errorKinds.forEach((k, v) -> console.println("  submit error " + k + ": " + v));
                reads.errorKinds.forEach((k, v) -> console.println("  read error " + k + ": " + v));
            }

            // the table must hold exactly one case per accepted submission (warm-up included)
            long expected = accepted.size() + warmupCases.size();
            long inTable = countCases(local);
            console.printf(Locale.ROOT, "cases in the table: %d, accepted (201): %d  %s%n", inTable, expected,
                    inTable == expected ? "EXACT" : "MISMATCH");
            boolean ok = submitRate >= TARGET_SUBMITS_PER_SECOND && p99 <= TARGET_P99_MS && errors == 0
                    && inTable == expected;
            console.println(ok ? "RESULT: all targets met" : "RESULT: target(s) missed (see above)");
            Bench.figure(console, "load.submitsPerSecond", submitRate, "/s");
            Bench.figure(console, "load.submitP50Ms", percentile(s, 0.50) / 1000.0, "ms");
            Bench.figure(console, "load.submitP99Ms", p99, "ms");
            Bench.figure(console, "load.readP99Ms", percentile(r, 0.99) / 1000.0, "ms");
            Bench.figure(console, "load.submits", s.length, "requests");
            Bench.figure(console, "load.errors", errors, "errors");
            Bench.figure(console, "load.casesNotMatchingAccepted", Math.abs(inTable - expected), "cases");
            console.flush();
            System.setOut(console);
            return ok || smoke ? 0 : 1;
        }
    }

    private static void run(Http http, URI base, double[] point, int seconds, int submitters, int readers,
                            Recorder submits, Recorder reads, Set<String> accepted, List<String> codes)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < submitters; i++) {
            threads.add(Thread.ofPlatform().name("submitter-" + i).start(() -> {
                Recorder.Local lat = submits.new Local();
                while (System.nanoTime() < deadline) {
                    submitOnce(http, base, point, lat, submits, accepted, codes);
                }
                lat.flush();
            }));
        }
        for (int i = 0; i < readers; i++) {
            threads.add(Thread.ofPlatform().name("reader-" + i).start(() -> {
                Recorder.Local lat = reads.new Local();
                while (System.nanoTime() < deadline) {
                    if (codes.isEmpty()) {
                        sleep(5);
                        continue;
                    }
                    readOnce(http, base, codes.get(ThreadLocalRandom.current().nextInt(codes.size())), lat, reads);
                }
                lat.flush();
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void submitOnce(Http http, URI base, double[] point, Recorder.Local lat, Recorder rec,
                                   Set<String> accepted, List<String> codes) {
        String body = String.format(Locale.ROOT, "{\"kind\":\"COMPLAINT\",\"category\":\"SAMPAH\","
                + "\"description\":\"Sampah menumpuk di pinggir jalan, belum diangkut seminggu\","
                + "\"location\":{\"lat\":%.6f,\"lon\":%.6f},\"privacy\":\"PUBLIC\",\"reporter\":{\"name\":\"Warga\"},"
                + "\"photos\":[{\"contentType\":\"image/jpeg\",\"sizeBytes\":250000}]}", point[0], point[1]);
        URI uri = base.resolve("/v1/reports");
        String idempotencyKey = "load-" + UUID.randomUUID();
        long start = System.nanoTime();
        try {
            Http.Response r = http.send("POST", uri, Map.of("Content-Type", "application/json",
                    "Idempotency-Key", idempotencyKey), body);
            lat.add((System.nanoTime() - start) / 1000);
            if (r.status() != 201) {
                rec.error("HTTP " + r.status() + " " + abbreviate(r.body()));
                return;
            }
            String caseId = field(r.body(), "caseId");
            String code = field(r.body(), "trackingCode");
            if (caseId == null || code == null || !accepted.add(caseId)) {
                rec.error("201 without a new caseId");
                return;
            }
            if (codes.size() < 50_000) {
                codes.add(code);
            }
        } catch (IOException e) {
            lat.add((System.nanoTime() - start) / 1000);
            rec.error(e.getClass().getSimpleName());
        }
    }

    private static void readOnce(Http http, URI base, String code, Recorder.Local lat, Recorder rec) {
        URI uri = base.resolve("/v1/reports/" + code);
        long start = System.nanoTime();
        try {
            Http.Response r = http.send("GET", uri, Map.of(), null);
            lat.add((System.nanoTime() - start) / 1000);
            if (r.status() != 200 || !r.body().contains(code)) {
                rec.error("HTTP " + r.status() + " " + abbreviate(r.body()));
            }
        } catch (IOException e) {
            lat.add((System.nanoTime() - start) / 1000);
            rec.error(e.getClass().getSimpleName());
        }
    }

    /**
     * The load generator's HTTP/1.1 client: blocking {@link HttpURLConnection}s on the calling thread, kept alive
     * between requests (one connection per client thread), no proxy. The generator shares the 2 cores with the system
     * under test, so it should cost as little as possible: java.net.http.HttpClient hands every exchange between the
     * caller, its selector thread and its worker pool, which measured about 140 µs more CPU per request on loopback.
     */
    static final class Http {
        record Response(int status, String body) {
        }

        /**
         * Before anything in this JVM uses {@link HttpURLConnection} (the JDK reads it once): the JDK keeps at most
         * {@code http.maxConnections} idle connections per destination (5 by default), and every client thread must
         * find its own again or it would open a new connection per request. Per destination: the functions' SDK
         * clients (DynamoDB Local, moto) keep their own; with the default 5 clients nothing changes.
         */
        static void configure(int clients) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
        }

        Response send(String method, URI uri, Map<String, String> headers, String body) throws IOException {
            URL url = uri.toURL();
            HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            c.setUseCaches(false);
            c.setRequestMethod(method);
            c.setRequestProperty("Accept", "application/json");
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            // read the body to its end and close the stream: that returns the connection to the keep-alive cache
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text;
            if (in == null) {
                text = "";
            } else {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, text);
        }
    }

    /** Case items (pk CASE#..., sk CASE) in the stack's table, counted with a paginated COUNT scan. */
    private static long countCases(DevStack local) {
        String table = local.stack().table("CasesTable");
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = local.aws().dynamoDb().scan(b -> b.tableName(table).select(Select.COUNT)
                    .filterExpression("#sk = :case").expressionAttributeNames(Map.of("#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":case", AttributeValue.fromS(TableKeys.CASE_SK)))
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private static void print(PrintStream console, Recorder rec, long[] sorted, double elapsed) {
        console.printf(Locale.ROOT, "%-24s %9d %10.1f %9.1f %9.1f %9.1f %7d%n", rec.name, sorted.length,
                sorted.length / elapsed, percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0, rec.errors.get());
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int end = json.indexOf('"', i + key.length());
        return end < 0 ? null : json.substring(i + key.length(), end);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** A point inside Kotamobagu from sample-data/kotamobagu/kotamobagu.points.csv. */
    private static double[] insidePoint() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from the repository (template.yaml not found)");
        }
        Path csv = p.resolve("sample-data/kotamobagu/kotamobagu.points.csv");
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] c = line.split(",");
            if (c.length > 4 && !"outside".equals(c[0])) {
                return new double[] {Double.parseDouble(c[4]), Double.parseDouble(c[3])};
            }
        }
        throw new IllegalStateException("no inside point in " + csv);
    }

    private static boolean quiet(String[] args) {
        return Arrays.asList(args).contains("--verbose");
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 3));
            }
        }
        return fallback;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
