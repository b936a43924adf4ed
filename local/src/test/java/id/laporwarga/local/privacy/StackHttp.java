package id.laporwarga.local.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.openapi.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The running local stack as its clients see it, over HTTP only: citizens (submit, presigned PUT of raw bytes, public
 * view), officials (tokens minted at {@code /_local/tokens}, case view, actions) and the operator's schedule runs.
 * Every answer body can be handed to an observer (the privacy sweep records them per channel). Every exchange with the
 * API ({@code /v1/...}) is checked against the contract, docs/openapi.json ({@link OpenApiContract}): an answer that
 * does not match it, or an accepted request that does not, fails the test at once.
 */
public final class StackHttp {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TENANT = "kotamobagu";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DevStack local;
    private final String baseUrl;
    private Consumer<HttpResponse<String>> observer = r -> { };

    public StackHttp(DevStack local) {
        this(local, null);
    }

    /** Calls go to {@code baseUrl} (e.g. a proxy in front of the stack) instead of the stack's own address. */
    public StackHttp(DevStack local, String baseUrl) {
        this.local = local;
        this.baseUrl = baseUrl;
    }

    /** Every later answer is also handed to {@code observer}. */
    public StackHttp observe(Consumer<HttpResponse<String>> observer) {
        this.observer = observer;
        return this;
    }

    public HttpResponse<String> call(String method, String path, String token, Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((baseUrl == null ? local.baseUrl() : baseUrl) + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (path.startsWith("/v1/")) {
                List<String> violations = OpenApiContract.repository().violations(method, URI.create(path),
                        r.request().headers().map(), body == null ? null
                                : body instanceof String text ? text : JSON.writeValueAsString(body),
                        r.statusCode(), r.headers().map(), r.body());
                if (!violations.isEmpty()) {
                    throw new AssertionError(method + " " + path + " -> " + r.statusCode()
                            + " breaks the contract (docs/openapi.json): " + violations + "\n" + r.body());
                }
            }
            observer.accept(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's JSON; fails unless the status is {@code expected}. */
    public static JsonNode expect(int expected, HttpResponse<String> r) {
        if (r.statusCode() != expected) {
            throw new AssertionError(r.request().method() + " " + r.request().uri().getPath() + " answered "
                    + r.statusCode() + " (expected " + expected + "): " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    public String token(String role, String area) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("tenant", TENANT);
        body.put("area", area == null ? "" : area);
        body.put("sub", role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8));
        return expect(201, call("POST", "/_local/tokens", null, body)).get("token").asText();
    }

    /** POST /v1/reports (with a token for RT heads); 201 expected. */
    /** A report: RT activity on the RT heads' route ({@code token} is the RT head's), the rest on the public one. */
    public JsonNode submit(Map<String, Object> report, String token) {
        String path = "RT_ACTIVITY".equals(report.get("kind")) ? "/v1/rt/reports" : "/v1/reports";
        return expect(201, call("POST", path, token, report, "Idempotency-Key", UUID.randomUUID().toString()));
    }

    public static Map<String, Object> report(String kind, String category, double[] latLon, String privacy,
                                             String rtId, Map<String, Object> reporter, List<Map<String, Object>> photos) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("category", category);
        body.put("description", "Uji " + kind + ": " + category + " di sekitar lokasi ini, mohon ditindaklanjuti.");
        body.put("location", Map.of("lat", latLon[0], "lon", latLon[1]));
        body.put("privacy", privacy);
        if (rtId != null) {
            body.put("rtId", rtId);
        }
        if (reporter != null) {
            body.put("reporter", reporter);
        }
        if (photos != null && !photos.isEmpty()) {
            body.put("photos", photos);
        }
        return body;
    }

    public static Map<String, Object> photo(String contentType, long sizeBytes) {
        return Map.of("contentType", contentType, "sizeBytes", sizeBytes);
    }

    /** PUTs raw bytes to the submission's {@code index}-th presigned URL with the ticket's headers. */
    public void upload(JsonNode submission, int index, byte[] bytes) {
        JsonNode ticket = submission.path("uploads").path(index);
        if (!ticket.hasNonNull("url")) {
            throw new AssertionError("no upload ticket " + index + " in " + submission);
        }
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("url").asText()))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        // Content-Length is the HTTP client's own (restricted header): the body's length, which the URL signs
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        try {
            HttpResponse<String> r = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("presigned PUT answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode publicView(String trackingCode) {
        return expect(200, call("GET", "/v1/reports/" + trackingCode, null, null));
    }

    /** Polls the public view every 100 ms until {@code until} holds; fails with the last view after the timeout. */
    public JsonNode awaitPublicView(String trackingCode, Predicate<JsonNode> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = publicView(trackingCode);
            if (until.test(last)) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not reached within " + timeout + "; last public view of " + trackingCode + ": " + last);
    }

    public JsonNode awaitStatus(String trackingCode, String status, Duration timeout) {
        return awaitPublicView(trackingCode, v -> status.equals(v.path("status").asText()), timeout);
    }

    public JsonNode caseView(String token, String caseId) {
        return expect(200, call("GET", "/v1/cases/" + caseId, token, null));
    }

    /** An official's action with the version just read; 200 expected; the new view. */
    public JsonNode act(String token, String caseId, String action, String note) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = call("POST", "/v1/cases/" + caseId + "/actions", token,
                    actionBody(caseView(token, caseId).get("version").asLong(), action, note));
            if (r.statusCode() != 409 || attempt == 3) { // the system may still be updating the case: reload, retry
                return expect(200, r);
            }
            sleep(200);
        }
    }

    /** The body of {@code POST /v1/cases/{id}/actions}: the action on the version the official read, with a note. */
    public static Map<String, Object> actionBody(long version, String action, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("expectedVersion", version);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /** Runs a scheduled function now with {@code input} as its event (POST /_local/schedules/{logicalId}). */
    public HttpResponse<String> runSchedule(String logicalId, Object input) {
        return call("POST", "/_local/schedules/" + logicalId, null, input);
    }

    /**
     * Scores the tenant's period now as the schedule would: TenantJobsFunction sends the tenant's job message, the
     * score-jobs queue's event source runs score-rt; waits until the public ranking shows a new computation.
     */
    public void scoreNow(String period) {
        String ranking = "/v1/public/" + TENANT + "/rt?period=" + period;
        String before = computedAt(ranking);
        expect(200, runSchedule("TenantJobsFunction?event=ScoreDailyProvisional",
                Map.of("job", "score", "tenant", TENANT, "period", period)));
        for (int i = 0; i < 300; i++) {
            String now = computedAt(ranking);
            if (now != null && !now.equals(before)) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the score job of " + period + " did not run within 60 s");
    }

    /** Runs the tenant's escalation job as the 15-minute schedule would (asynchronously, through its job queue). */
    public void escalateNow() {
        expect(200, runSchedule("TenantJobsFunction?event=EscalationEvery15Minutes",
                Map.of("job", "escalate", "tenant", TENANT)));
    }

    /** When the public ranking was computed (null before the first run). */
    private String computedAt(String ranking) {
        return expect(200, call("GET", ranking, null, null)).path("computedAt").asText(null);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
