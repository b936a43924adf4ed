package id.laporwarga.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.HttpRoute;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.auth.LocalAuthPlugin;
import id.laporwarga.local.auth.LocalTokens;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.platform.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input suite: thousands of generated bad requests (fixed seed, bounded tries; {@code -Dhostile.tries=N} for a
 * longer run) against every route of template.yaml on one local stack, over HTTP with keep-alive connections. Every
 * answer must be a 4xx with the documented error shape ({@code {"error":{"code","message"}}}, or API Gateway's own
 * {@code {"message"}} for authorizer, unknown-route and too-large answers), never a 5xx, a stack trace or an
 * exception class name; the table and the buckets must hold exactly what they held before.
 */
@Tag("emulator")
@AddLifecycleHook(HostileTries.class)
class HostileInputSuiteIT {
    static final String TENANT = "kotamobagu";
    static final int BATCH = 40;
    static final ObjectMapper JSON = new ObjectMapper();

    static DevStack local;
    static HttpClient http;
    static ExecutorService clientThreads;
    static HostileRequests generator;
    static Map<String, Long> baseline;
    static final AtomicLong sent = new AtomicLong();
    static final AtomicLong sendNanos = new AtomicLong();
    static final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> perRoute = new ConcurrentHashMap<>();
    static PrintStream originalOut;
    static LogScan logs;
    static long startedAt;
    static String seedKey;
    static String seedBody;
    static String seedCaseId;

    @BeforeContainer
    static void start() throws Exception {
        startedAt = System.nanoTime();
        local = DevStack.start(DevStackOptions.forTests().stackName("hostile-" + UUID.randomUUID().toString()
                .substring(0, 6)).pollQueues(false).httpThreads(8).maxConcurrency(4));
        clientThreads = Executors.newFixedThreadPool(4);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("CITY_ADMIN", bearer(token("CITY_ADMIN", TENANT, "", 3600)));
        valid.put("PLATFORM_ADMIN", bearer(token("PLATFORM_ADMIN", "", "", 3600)));
        valid.put("AGENCY_STAFF/dlh", bearer(token("AGENCY_STAFF", TENANT, "dlh", 3600)));
        valid.put("KECAMATAN", bearer(token("KECAMATAN", TENANT, "71.74.02", 3600)));
        valid.put("KELURAHAN", bearer(token("KELURAHAN", TENANT, "71.74.02.1007", 3600)));
        valid.put("RT_HEAD", bearer(token("RT_HEAD", TENANT, "71.74.02.1007-RT001", 3600)));
        valid.put("ANALYST", bearer(token("ANALYST", TENANT, "", 3600)));
        // signed by the pool but with hostile claims, within the user pool's attribute limits (tenant 40, area 64)
        // (minted by the local signer directly: /_local/tokens, like Cognito, issues RT heads' tokens for rostered RTs only)
        valid.put("RT_HEAD/area=traversal", bearer(signed("RT_HEAD", TENANT, "../../../../CASE#x")));
        valid.put("AGENCY_STAFF/area=64", bearer(token("AGENCY_STAFF", TENANT, "\u202E" + "a".repeat(63), 3600)));
        valid.put("CITY_ADMIN/tenant=key-injection", bearer(token("CITY_ADMIN", TENANT + "#STATUS#ROUTED", "", 3600)));
        valid.put("KECAMATAN/area=zero-width", bearer(token("KECAMATAN", TENANT, "71.74.02\u200B", 3600)));

        String good = token("CITY_ADMIN", TENANT, "", 3600);
        String[] parts = good.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8).replace("CITY_ADMIN", "PLATFORM_ADMIN")
                .getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> invalid = new HashMap<>();
        invalid.put("missing", null);
        invalid.put("empty", "");
        invalid.put("bearer-only", "Bearer ");
        invalid.put("garbage", "Bearer abc.def.ghi");
        invalid.put("basic", "Basic dXNlcjpwYXNzd29yZA==");
        invalid.put("tampered-signature", "Bearer " + parts[0] + "." + parts[1] + "."
                + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1));
        invalid.put("tampered-claims", "Bearer " + parts[0] + "." + forgedClaims + "." + parts[2]);
        invalid.put("alg-none", "Bearer " + none + "." + forgedClaims + ".");
        invalid.put("expired", bearer(token("CITY_ADMIN", TENANT, "", -60)));
        invalid.put("expired-platform-admin", bearer(token("PLATFORM_ADMIN", "", "", -1)));
        invalid.put("other-tenant", bearer(token("CITY_ADMIN", "bolaang-mongondow", "", 3600)));
        invalid.put("role-without-area", bearer(token("KECAMATAN", TENANT, "", 3600)));
        invalid.put("huge", "Bearer " + "a".repeat(9000));
        invalid.put("two-tokens", "Bearer " + good + ", Bearer " + good);
        invalid.put("token-in-wrong-scheme", "Token " + good + "x");

        // one real case (submitted before the baseline) so that ids, codes and replays point at something real
        seedKey = "hostile-seed-" + UUID.randomUUID();
        seedBody = HostileRequests.validReport();
        HttpResponse<String> created = submit(seedKey, seedBody);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode c = JSON.readTree(created.body());
        seedCaseId = c.get("caseId").asText();
        Set<String> validIds = Set.of(TENANT, c.get("trackingCode").asText(), c.get("caseId").asText(),
                c.get("trackingCode").asText().toLowerCase(), "71.74.02.1007-RT001");
        List<HttpRoute> routes = local.routes().routes();
        assertTrue(routes.size() >= 14, "HTTP API routes of template.yaml: " + routes);
        generator = new HostileRequests(new HostileRequests.Target(routes, TENANT, valid, invalid,
                c.get("caseId").asText(), c.get("trackingCode").asText(), validIds));
        baseline = StackContents.count(local.stack());

        originalOut = System.out;
        logs = new LogScan(originalOut);
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        JsonLog.setOutput(System.out);
    }

    @AfterContainer
    static void stop() {
        if (originalOut != null) {
            System.setOut(originalOut);
            JsonLog.setOutput(originalOut);
        }
        double seconds = sendNanos.get() / 1e9;
        System.out.printf("hostile input suite: %d bad requests over %d routes in %.1f s of sending (%.0f req/s), "
                        + "%.1f s in total; statuses %s; log lines %d, ERROR lines %d%n", sent.get(),
                perRoute.size(), seconds, sent.get() / Math.max(seconds, 1e-9),
                (System.nanoTime() - startedAt) / 1e9, new TreeMap<>(statuses), logs == null ? 0 : logs.lines.get(),
                logs == null ? 0 : logs.errors.get());
        if (local != null) {
            local.close();
        }
        if (clientThreads != null) {
            clientThreads.shutdownNow();
        }
    }

    @AfterProperty
    void tableAndBucketsHoldNothingNew() {
        assertEquals(baseline, StackContents.count(local.stack()), "items per table and objects per bucket");
        List<String> errors;
        synchronized (logs.unhandled) {
            errors = List.copyOf(logs.unhandled);
            logs.unhandled.clear();
        }
        assertEquals(List.of(), errors, "ERROR log lines of the functions");
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 250, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void everyBadRequestGetsA4xxInTheDocumentedShape(@ForAll("batches") List<HostileRequest> batch) {
        List<String> failures = send(batch);
        assertEquals(List.of(), failures, "answers that are not a clean 4xx");
    }

    @Provide
    Arbitrary<List<HostileRequest>> batches() {
        return generator.any().list().ofSize(BATCH);
    }

    /** Every route of the template got bad requests (a new route is attacked without changing the suite). */
    @Example
    void everyRouteOfTheTemplateIsAttacked() {
        List<HostileRequest> batch = new ArrayList<>();
        for (HttpRoute r : local.routes().routes()) {
            var one = generator.any().filter(h -> h.routeKey().equals(r.routeKey()))
                    .sampleStream().limit(5).toList();
            batch.addAll(one);
        }
        assertEquals(List.of(), send(batch));
        for (HttpRoute r : local.routes().routes()) {
            assertTrue(perRoute.containsKey(r.routeKey()), "bad requests sent to " + r.routeKey());
        }
    }

    /** Submissions without an Idempotency-Key are refused with the dedicated code, whatever else they carry. */
    @Example
    void missingIdempotencyKeyIsRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/v1/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HostileRequests.validReport())).build(),
                HttpResponse.BodyHandlers.ofString());
        count("POST /v1/reports", r.statusCode());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("MISSING_IDEMPOTENCY_KEY", JSON.readTree(r.body()).at("/error/code").asText());
    }

    /** The seed's Idempotency-Key replayed: another body is a conflict, the same body the same case; no new item. */
    @Example
    void replayedIdempotencyKeyMakesNoSecondCase() throws Exception {
        HttpResponse<String> conflict = submit(seedKey, seedBody.replace("tiga", "empat"));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("IDEMPOTENCY_KEY_REUSED", JSON.readTree(conflict.body()).at("/error/code").asText());
        HttpResponse<String> replay = submit(seedKey, seedBody);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(seedCaseId, JSON.readTree(replay.body()).get("caseId").asText());
    }

    private static HttpResponse<String> submit(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What an HTTP client library refuses to send, written on a raw socket: broken request lines, bytes that are not
     * UTF-8, CR/LF smuggling, contradicting lengths, a body over API Gateway's 10 MB limit. The answer (if the server
     * answers at all instead of closing the connection) must be a 4xx without internals.
     */
    @Example
    void rawWireAttacksAreRefused() throws Exception {
        List<byte[]> attacks = new ArrayList<>();
        attacks.add(ascii("GET /v1/reports/%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(ascii("GET /v1/tenants/%E0%A4%A/categories HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(bytes("GET /v1/reports/\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(ascii("GET /v1/reports/KOT-2222-2222 HTTP/1.1\r\nHost: x\r\nX-A: a\r\n X-Injected: folded\r\n\r\n"));
        attacks.add(ascii("GET /v1/reports/KOT-2222-2222 HTTP/1.1\r\nHost: x\r\nAccept-Language: en\rX-Injected: 1\r\n\r\n"));
        attacks.add(ascii("POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999\r\n\r\n{}"));
        attacks.add(ascii("POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: -5\r\n\r\n{}"));
        attacks.add(ascii("POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /v1/admin/stats HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(ascii("POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + "k".repeat(70_000) + "\r\nContent-Length: 2\r\n\r\n{}"));
        attacks.add(ascii("GET /v1/admin/stats HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0000\r\n\r\n"));
        attacks.add(ascii("GET /\r\n\r\n"));
        attacks.add(ascii("BREW /v1/reports HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(ascii("GET /v1/reports/KOT-2222-2222/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"));
        attacks.add(ascii("GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n"));
        List<String> failures = new ArrayList<>();
        URI base = URI.create(local.baseUrl());
        for (byte[] attack : attacks) {
            String answer = raw(base, attack, null);
            check(new String(attack, 0, Math.min(120, attack.length), StandardCharsets.ISO_8859_1), answer, failures);
        }
        // a real body over 10 MB, streamed
        String head = "POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: big\r\n"
                + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
        String answer = raw(base, ascii(head), 11 * 1024 * 1024);
        check("11 MB body", answer, failures);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertEquals(List.of(), failures);
    }

    private static void check(String what, String answer, List<String> failures) {
        if (answer.isEmpty()) {
            count("<raw>", 0); // connection closed without an answer: nothing accepted, nothing leaked
            return;
        }
        int status = Integer.parseInt(answer.substring(9, 12));
        count("<raw>", status);
        if (status < 400 || status > 499) {
            failures.add(what + " -> " + answer.lines().findFirst().orElse(""));
        }
        if (status == 400 && answer.contains("<h1>400 Bad Request</h1>")) {
            // the local runner's JDK HTTP server refused the request line itself (e.g. "URISyntaxException thrown")
            // before any function ran; API Gateway answers such requests with its own 400 as well
            return;
        }
        for (String marker : Answers.LEAK_MARKERS) {
            if (answer.contains(marker)) {
                failures.add(what + " -> leaks " + marker.strip());
            }
        }
        if (answer.toLowerCase().contains("\nx-injected")) {
            failures.add(what + " -> injected header echoed");
        }
    }

    // ------------------------------------------------------------------ sending

    static List<String> send(List<HostileRequest> batch) {
        long start = System.nanoTime();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (HostileRequest h : batch) {
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(local.baseUrl() + h.rawPathAndQuery()))
                        .timeout(Duration.ofSeconds(30));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the generator made an unusable URI: " + h, e);
            }
            for (Map.Entry<String, String> e : h.headers()) {
                b.header(e.getKey(), e.getValue());
            }
            b.method(h.method(), h.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(h.body()));
            answers.add(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).handle((r, error) -> {
                if (error != null) {
                    return h + " -> no answer: " + error;
                }
                count(h.routeKey(), r.statusCode());
                String problem = Answers.problem(h.method(), r.statusCode(), r.headers(), r.body());
                return problem == null ? null : h + " -> " + r.statusCode() + " " + abbreviate(r.body()) + ": " + problem;
            }));
        }
        List<String> failures = answers.stream().map(CompletableFuture::join).filter(p -> p != null).toList();
        sendNanos.addAndGet(System.nanoTime() - start);
        if (!failures.isEmpty()) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-failures.txt"), failures,
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the assertion below reports them anyway
            }
        }
        return failures;
    }

    static void count(String routeKey, int status) {
        sent.incrementAndGet();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        perRoute.computeIfAbsent(routeKey, s -> new AtomicLong()).incrementAndGet();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** A token signed by the local user pool's key with any claims, past the roster check of /_local/tokens. */
    static String signed(String role, String tenant, String area) {
        LocalTokens tokens = local.plugins().stream().filter(p -> p instanceof LocalAuthPlugin)
                .map(p -> ((LocalAuthPlugin) p).tokens()).findFirst().orElseThrow();
        return tokens.mint(role.toLowerCase() + "-signed", Map.of("custom:role", role, "custom:tenant", tenant,
                "custom:area", area), Duration.ofHours(1));
    }

    private static String token(String role, String tenant, String area, long seconds) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("tenant", tenant);
        body.put("area", area);
        body.put("sub", role.toLowerCase() + "-hostile");
        body.put("expiresInSeconds", seconds);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/_local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("token").asText();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes a request on a fresh connection and returns what came back before the server closed it (or 5 s). */
    private static String raw(URI base, byte[] request, Integer extraBodyBytes) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                if (extraBodyBytes != null) {
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int left = extraBodyBytes; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, left));
                    }
                }
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may close early (e.g. after answering 413): read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0 && answer.size() < 1_000_000) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // timeout or reset after the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Keeps the console quiet during 10,000 requests; remembers ERROR/unhandled log lines of the functions. */
    static final class LogScan extends OutputStream {
        final AtomicLong lines = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final List<String> unhandled = java.util.Collections.synchronizedList(new ArrayList<>());
        private final PrintStream passThrough;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LogScan(PrintStream passThrough) {
            this.passThrough = passThrough;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                lines.incrementAndGet();
                if (l.contains("\"level\":\"ERROR\"")) {
                    errors.incrementAndGet();
                    if (unhandled.size() < 20) {
                        unhandled.add(l.length() > 600 ? l.substring(0, 600) : l);
                    }
                    passThrough.println(l);
                }
            } else if (line.size() < 64 * 1024) {
                line.write(b);
            }
        }
    }
}
