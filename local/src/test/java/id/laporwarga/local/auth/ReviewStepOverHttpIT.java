package id.laporwarga.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.testkit.LambdaEvents;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * review-step over HTTP on the whole local stack (template.yaml, sample tenant), with tokens minted at
 * {@code POST /_local/tokens} and checked by the local JWT authorizer as the HTTP API would.
 */
@Tag("emulator")
@Timeout(300)
class ReviewStepOverHttpIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TENANT = "kotamobagu";
    static final String KEC = "71.74.02";
    static final String KEL = "71.74.02.1007";
    static final String SECRET = "Secret-of-the-reporter-24";

    static DevStack local;
    static ApplicationContext tools;
    static DynamoCaseRepository cases;

    @BeforeAll
    static void start() {
        local = DevStack.start(DevStackOptions.forTests().stackName("review-http-"
                + UUID.randomUUID().toString().substring(0, 6)).pollQueues(false));
        tools = ApplicationContext.builder()
                .singletons(new FunctionEnvironment(local.stack().functionEnvironment("ReviewStepFunction"))).start();
        cases = tools.getBean(DynamoCaseRepository.class);
    }

    @AfterAll
    static void stop() {
        if (tools != null) {
            tools.close();
        }
        if (local != null) {
            local.close();
        }
    }

    static String token(String role, String tenant, String area, long expiresInSeconds) throws Exception {
        String body = JSON.writeValueAsString(Map.of("role", role, "tenant", tenant == null ? "" : tenant,
                "area", area == null ? "" : area, "sub", role.toLowerCase() + "-1", "expiresInSeconds", expiresInSeconds));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/_local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("token").asText();
    }

    static String token(String role, String area) throws Exception {
        return token(role, TENANT, area, 3600);
    }

    static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.baseUrl() + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode act(String token, String caseId, String action, String note) throws Exception {
        JsonNode current = JSON.readTree(call("GET", "/v1/cases/" + caseId, token, null).body());
        Map<String, Object> body = new java.util.HashMap<>(Map.of("action", action,
                "expectedVersion", current.get("version").asLong()));
        if (note != null) {
            body.put("note", note);
        }
        HttpResponse<String> r = call("POST", "/v1/cases/" + caseId + "/actions", token, body);
        assertEquals(200, r.statusCode(), action + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The verifiers the stack's functions check: the real key, read from the emulated Secrets Manager. */
    static ReporterSecrets secrets() {
        String keyArn = local.stack().physicalId("ReporterSecretKey");
        return new ReporterSecrets(() -> local.aws().secretsManager().getSecretValue(r -> r.secretId(keyArn))
                .secretString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ReportCase seed(CaseKind kind, CaseStatus status, String category, String rtId, String agencyId,
                           Instant deadline) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        ReportCase c = new ReportCase(id, TENANT, "Asia/Makassar", "KOT-" + code() + "-" + code(), kind, category,
                "uji", new GeoPoint(0.7117, 124.3419),
                new AreaRef(KEC, "Kotamobagu Timur", KEL, "Motoboi Besar", AreaRef.KelurahanMatch.INSIDE), rtId,
                Privacy.PUBLIC, new Reporter("Rahmat", null, null), List.of(), status, 1,
                List.of(new HistoryEntry(now, "reporter", "CITIZEN", "submit", null, status, null)), now, now, deadline,
                false, List.of(), agencyId == null ? null : new Assignment(agencyId, agencyId, false, now, deadline, List.of()),
                secrets().verifier(SECRET), "h-" + id);
        return cases.create(c, null, "seed-" + id).reportCase();
    }

    static String code() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void tokensAreCheckedLikeTheHttpApiAuthorizer() throws Exception {
        ReportCase c = seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, "PARKIR_LIAR", null, "dishub",
                Instant.now().plus(Duration.ofDays(2)));
        String path = "/v1/cases/" + c.caseId();
        String dishub = token("AGENCY_STAFF", "dishub");
        assertEquals(200, call("GET", path, dishub, null).statusCode());
        assertEquals(401, call("GET", path, null, null).statusCode(), "no token");
        String tampered = dishub.substring(0, dishub.length() - 4) + (dishub.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, call("GET", path, tampered, null).statusCode(), "bad signature");
        assertEquals(401, call("GET", path, token("AGENCY_STAFF", TENANT, "dishub", -60), null).statusCode(), "expired");
        assertEquals(403, call("GET", path, token("AGENCY_STAFF", "bolaang-mongondow", "dishub", 3600), null).statusCode(),
                "another tenant");
        assertEquals(403, call("GET", path, token("AGENCY_STAFF", "dlh"), null).statusCode(), "DLH reads no Dishub case");
        // the admin endpoints of the earlier issues now need an admin of the tenant
        assertEquals(401, call("PUT", "/v1/admin/tenants/" + TENANT, null, Map.of()).statusCode());
        assertEquals(403, call("PUT", "/v1/admin/tenants/" + TENANT, token("KECAMATAN", KEC), Map.of()).statusCode());
        // a public route ignores tokens altogether
        assertEquals(404, call("POST", "/v1/reports/KOT-2222-2222/confirm", null, Map.of("secret", "x")).statusCode());
    }

    @Test
    void rtActivityPathOverHttp() throws Exception {
        ReportCase c = seed(CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "GOTONG_ROYONG", KEL + "-RT001",
                "kelurahan:" + KEL, Instant.now().plus(Duration.ofDays(3)));
        String rt1 = token("RT_HEAD", KEL + "-RT001");
        String rt2 = token("RT_HEAD", KEL + "-RT002");
        String kelurahan = token("KELURAHAN", KEL);
        String kecamatan = token("KECAMATAN", KEC);
        String admin = token("CITY_ADMIN", null);
        assertEquals(403, call("GET", "/v1/cases/" + c.caseId(), rt2, null).statusCode());
        JsonNode inbox = JSON.readTree(call("GET", "/v1/inbox", kelurahan, null).body());
        assertTrue(inbox.get("items").toString().contains(c.caseId()), inbox.toString());
        act(kelurahan, c.caseId(), "approve", null);
        act(kecamatan, c.caseId(), "return", "Lengkapi daftar hadir");
        assertEquals(403, call("POST", "/v1/cases/" + c.caseId() + "/actions", rt2,
                Map.of("action", "resubmit", "expectedVersion", 3)).statusCode());
        act(rt1, c.caseId(), "resubmit", "Daftar hadir dilampirkan");
        act(kelurahan, c.caseId(), "approve", null);
        act(kecamatan, c.caseId(), "approve", null);
        JsonNode approved = act(admin, c.caseId(), "approve", null);
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals(7, approved.get("history").size());
    }

    @Test
    void complaintPathWithReopenOverHttp() throws Exception {
        ReportCase c = seed(CaseKind.COMPLAINT, CaseStatus.TRIAGE, "LAINNYA", null, "kominfo", null);
        String admin = token("CITY_ADMIN", null);
        String pupr = token("AGENCY_STAFF", "pupr");
        HttpResponse<String> forwarded = call("POST", "/v1/cases/" + c.caseId() + "/actions", admin,
                Map.of("action", "forward", "expectedVersion", 1, "category", "JALAN_RUSAK"));
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        assertEquals("pupr", JSON.readTree(forwarded.body()).at("/assignment/agencyId").asText());
        act(pupr, c.caseId(), "acknowledge", null);
        act(pupr, c.caseId(), "start", null);
        act(pupr, c.caseId(), "resolve", "Lubang ditambal");
        String reports = "/v1/reports/" + c.trackingCode();
        assertEquals(403, call("POST", reports + "/reopen", null, Map.of("secret", "nope", "reason", "x")).statusCode());
        HttpResponse<String> reopened = call("POST", reports + "/reopen", null,
                Map.of("secret", SECRET, "reason", "Lubang terbuka lagi"));
        assertEquals(200, reopened.statusCode(), reopened.body());
        act(pupr, c.caseId(), "start", null);
        act(pupr, c.caseId(), "resolve", "Diaspal ulang");
        HttpResponse<String> confirmed = call("POST", reports + "/confirm", null, Map.of("secret", SECRET));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CLOSED", JSON.readTree(confirmed.body()).get("status").asText());
    }

    @Test
    void serviceRequestSubmittedOverHttpIsTimedPerTier() throws Exception {
        Map<String, Object> request = Map.of("kind", "SERVICE_REQUEST", "category", "SURAT_DOMISILI",
                "description", "Mohon surat keterangan domisili untuk melamar kerja",
                "location", Map.of("lat", 0.711720, "lon", 124.341927), "privacy", "PUBLIC",
                "rtId", KEL + "-RT001", "reporter", Map.of("name", "Sari"));
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "svc-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode s = JSON.readTree(submitted.body());
        assertEquals("RT_APPROVAL", s.get("status").asText());
        String caseId = s.get("caseId").asText();
        act(token("RT_HEAD", KEL + "-RT001"), caseId, "approve", null);
        JsonNode issued = act(token("KECAMATAN", KEC), caseId, "issue", "Surat terbit");
        assertEquals("KECAMATAN_ISSUED", issued.get("status").asText());
        assertEquals("RT_APPROVAL", issued.at("/timings/tiers/0/status").asText());
        assertTrue(issued.at("/timings/endToEndSeconds").isNumber());
        JsonNode figure = JSON.readTree(call("GET", "/v1/admin/service-times?tenant=" + TENANT,
                token("CITY_ADMIN", null), null).body());
        assertTrue(figure.get("cases").asInt() >= 1, figure.toString());
        assertEquals(45, figure.get("targetMinutes").asInt());
    }

    @Test
    void scheduledEscalationRunsNowOnRequest() throws Exception {
        ReportCase late = seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, "SAMPAH", null, "dlh",
                Instant.now().minus(Duration.ofHours(2)));
        // the schedule runs the fan-out: one job message per tenant on the escalation queue
        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TenantJobsFunction?event=EscalationEvery15Minutes"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, run.statusCode(), run.body());
        JsonNode sent = JSON.readTree(run.body());
        assertEquals("escalate", sent.get("job").asText(), run.body());
        assertTrue(sent.get("sent").asInt() >= 1, run.body());
        // the queue's worker takes one tenant's message (this class runs without the queue pollers)
        SQSBatchResponse worked = (SQSBatchResponse) local.runtime().invoke("EscalationFunction",
                LambdaEvents.load("sqs-escalation-job.json", SQSEvent.class));
        assertEquals(List.of(), worked.getBatchItemFailures());
        assertTrue(cases.findById(late.caseId()).orElseThrow().overdue());
        assertFalse(cases.findById(late.caseId()).orElseThrow().history().size() > 1, "marking overdue is no move");
    }
}
