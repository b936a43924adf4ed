package id.laporwarga.function.reviewstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.platform.testing.StoredOutbox;
import id.laporwarga.platform.aws.AwsCallRecorder;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.testkit.QueueEvents;
import id.laporwarga.testkit.HttpEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * review-step on the emulators (DynamoDB Local + moto_server, resources from template.yaml, the Kotamobagu sample
 * tenant): the handlers are invoked with HTTP API events carrying the JWT authorizer's claims, as API Gateway would.
 */
@Tag("emulator")
@Timeout(240)
class ReviewStepIT {
    static final String TENANT = SampleTenants.KOTAMOBAGU;
    static final String KEC = "71.74.02";
    static final String KEL = "71.74.02.1007";
    static final String RT1 = KEL + "-RT001";
    static final String RT2 = KEL + "-RT002";
    static final String SECRET = "Secret-of-the-reporter-24";
    static final AreaRef AREA = new AreaRef(KEC, "Kotamobagu Timur", KEL, "Motoboi Besar", AreaRef.KelurahanMatch.INSIDE);

    static final Map<String, String> ADMIN = HttpEvents.claims("admin-1", "CITY_ADMIN", TENANT, null);
    static final Map<String, String> KELURAHAN = HttpEvents.claims("kel-1", "KELURAHAN", TENANT, KEL);
    static final Map<String, String> KECAMATAN = HttpEvents.claims("kec-1", "KECAMATAN", TENANT, KEC);
    static final Map<String, String> RT_HEAD_1 = HttpEvents.claims("rt-1", "RT_HEAD", TENANT, RT1);
    static final Map<String, String> RT_HEAD_2 = HttpEvents.claims("rt-2", "RT_HEAD", TENANT, RT2);
    static final Map<String, String> DLH = HttpEvents.claims("dlh-1", "AGENCY_STAFF", TENANT, "dlh");
    static final Map<String, String> DISHUB = HttpEvents.claims("dishub-1", "AGENCY_STAFF", TENANT, "dishub");

    static LocalAws aws;
    static ProvisionedStack stack;
    static ReviewApiHandler api;
    static EscalationHandler escalation;
    static DynamoCaseRepository cases;
    static Json json;
    static StoredOutbox outbox;

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        String stackName = "review-" + UUID.randomUUID().toString().substring(0, 8);
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()), stackName, aws);
        SampleTenants.onboard(stack, TENANT);
        // the officials' routes and (as ReporterActionsFunction serves them) the reporter's, with the secret key
        Map<String, String> env = new java.util.HashMap<>(stack.functionEnvironment("ReviewStepFunction"));
        env.putAll(stack.functionEnvironment("ReporterActionsFunction"));
        api = new ReviewApiHandler(ApplicationContext.builder().singletons(new FunctionEnvironment(env)));
        escalation = new EscalationHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("EscalationFunction"))));
        cases = api.getApplicationContext().getBean(DynamoCaseRepository.class);
        json = api.getApplicationContext().getBean(Json.class);
        // what the moves write to the outbox, read back from the table's stream (the relay's input)
        outbox = new StoredOutbox(stack, api.getApplicationContext().getBean(OutboxItems.class));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (escalation != null) {
            escalation.close();
        }
    }

    /** The outbox events of {@code caseId} written since the last call (for any case: others are kept). */
    static synchronized List<OutboxEvent> written(String caseId) {
        outbox.events().forEach(e -> WRITTEN.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        List<OutboxEvent> mine = WRITTEN.remove(caseId);
        return mine == null ? List.of() : mine;
    }

    static final Map<String, List<OutboxEvent>> WRITTEN = new java.util.HashMap<>();

    static final java.util.concurrent.atomic.AtomicInteger SEEDS = new java.util.concurrent.atomic.AtomicInteger();

    static ReportCase seed(CaseKind kind, CaseStatus status, String category, String rtId, String agencyId,
                           Instant deadline, boolean phone) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        // unique within the run's own table: the n-th seed's number in the digits 2-9
        StringBuilder digits = new StringBuilder();
        for (int n = SEEDS.getAndIncrement(), i = 0; i < 4; i++, n /= 8) {
            digits.append((char) ('2' + n % 8));
        }
        String code = "KOT-" + digits + "-" + "ABCD";
        ReportCase c = ReportCase.builder().caseId(id).tenantId(TENANT).timeZone("Asia/Makassar").trackingCode(code)
                .kind(kind).category(category).description("uji " + kind).location(new GeoPoint(0.7275, 124.3356))
                .area(AREA).rtId(rtId).privacy(Privacy.PUBLIC)
                .reporter(new Reporter("Rahmat", phone ? "+6285298765432" : null, null)).status(status).submittedAt(now)
                .deadlineAt(deadline).assignment(agencyId == null ? null
                        : new Assignment(agencyId, agencyId, false, now, deadline, List.of()))
                .citizenSecretHash(api.getApplicationContext().getBean(ReporterSecrets.class).verifier(SECRET)).requestHash("h-" + id).build();
        return cases.create(c, null, "seed-" + id).reportCase();
    }

    /** An HTTP API event as API Gateway hands it over after the JWT authorizer ({@code claims}; null: none). */
    static APIGatewayV2HTTPEvent event(String method, String routeKey, String path, Map<String, String> pathParameters,
                                       Map<String, String> query, String body, Map<String, String> claims) {
        return HttpEvents.request(method, routeKey.substring(routeKey.indexOf(' ') + 1)).path(path)
                .pathParameters(pathParameters).query(query).body(body).claims(claims).build();
    }

    static APIGatewayV2HTTPResponse action(Map<String, String> claims, String caseId, String body) {
        return api.execute(event("POST", "POST /v1/cases/{caseId}/actions", "/v1/cases/" + caseId + "/actions",
                Map.of("caseId", caseId), null, body, claims));
    }

    static JsonNode act(Map<String, String> claims, String caseId, String action, String note) {
        long version = cases.findById(caseId).orElseThrow().version();
        APIGatewayV2HTTPResponse r = action(claims, caseId, "{\"action\":\"" + action + "\",\"expectedVersion\":" + version
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
        assertEquals(200, r.getStatusCode(), action + ": " + r.getBody());
        return json.tree(r.getBody());
    }

    static APIGatewayV2HTTPResponse get(Map<String, String> claims, String caseId) {
        return api.execute(event("GET", "GET /v1/cases/{caseId}", "/v1/cases/" + caseId,
                Map.of("caseId", caseId), null, null, claims));
    }

    static APIGatewayV2HTTPResponse citizen(String trackingCode, String action, String body) {
        return api.execute(event("POST", "POST /v1/reports/{trackingCode}/" + action,
                "/v1/reports/" + trackingCode + "/" + action, Map.of("trackingCode", trackingCode), null, body, null));
    }

    static String error(APIGatewayV2HTTPResponse r) {
        return json.tree(r.getBody()).get("error").get("code").getStringValue();
    }

    @Test
    void rtActivityClimbsEveryTierAndOnlyTheRightOfficialsMayAct() {
        ReportCase c = seed(CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "GOTONG_ROYONG", RT1,
                "kelurahan:" + KEL, Instant.now().plus(Duration.ofDays(3)), false);
        String id = c.caseId();
        // the RT head of RT 002 can neither see nor act on RT 001's report
        assertEquals(403, get(RT_HEAD_2, id).getStatusCode());
        assertEquals(403, action(RT_HEAD_2, id, "{\"action\":\"resubmit\",\"expectedVersion\":1}").getStatusCode());
        // no verified identity at all
        APIGatewayV2HTTPResponse anonymous = get(null, id);
        assertEquals(401, anonymous.getStatusCode());
        assertEquals("UNAUTHORIZED", error(anonymous));
        // a city admin of another tenant
        assertEquals(403, get(HttpEvents.claims("x", "CITY_ADMIN", "bolaang-mongondow", null), id).getStatusCode());
        // a kecamatan reviewer cannot take the kelurahan's step; the workflow refuses a resubmit here
        assertEquals(403, action(KECAMATAN, id, "{\"action\":\"approve\",\"expectedVersion\":1}").getStatusCode());
        APIGatewayV2HTTPResponse invalid = action(KELURAHAN, id, "{\"action\":\"issue\",\"expectedVersion\":1}");
        assertEquals(422, invalid.getStatusCode());
        assertEquals("INVALID_TRANSITION", error(invalid));

        act(KELURAHAN, id, "approve", null);
        act(KECAMATAN, id, "return", "Foto kegiatan kurang jelas");
        assertEquals(List.of("resubmit"), names(json.tree(get(RT_HEAD_1, id).getBody()).get("actions")));
        act(RT_HEAD_1, id, "resubmit", "Foto diganti");
        act(KELURAHAN, id, "approve", null);
        act(KECAMATAN, id, "approve", null);
        JsonNode approved = act(ADMIN, id, "approve", "Memenuhi syarat insentif");
        assertEquals("APPROVED", approved.get("status").getStringValue());
        JsonNode history = approved.get("history");
        assertEquals(7, history.size());
        assertEquals("KECAMATAN", history.get(2).get("actorRole").getStringValue());
        assertEquals("kec-1", history.get(2).get("actorId").getStringValue());
        assertEquals("Foto kegiatan kurang jelas", history.get(2).get("note").getStringValue());
        assertEquals("APPROVED", history.get(6).get("to").getStringValue());
    }

    @Test
    void complaintRunsFromTriageToClosedIncludingAReopen() {
        ReportCase c = seed(CaseKind.COMPLAINT, CaseStatus.TRIAGE, "LAINNYA", null, "kominfo", null, true);
        String id = c.caseId();
        JsonNode routed = json.tree(action(ADMIN, id,
                "{\"action\":\"forward\",\"expectedVersion\":1,\"category\":\"PARKIR_LIAR\"}").getBody());
        assertEquals("ROUTED", routed.get("status").getStringValue());
        assertEquals("dishub", routed.get("assignment").get("agencyId").getStringValue());
        List<OutboxEvent> written = new ArrayList<>(written(id));
        Set<String> types = new HashSet<>();
        written.stream().filter(e -> e.channel() == OutboxEvent.Channel.CASE_EVENTS)
                .forEach(e -> types.add(e.attributes().get("eventType")));
        assertEquals(Set.of("case.rerouted"), types, "the forward's event, written with it");

        // DLH cannot read Dishub's case
        assertEquals(403, get(DLH, id).getStatusCode());
        act(DISHUB, id, "acknowledge", null);
        act(DISHUB, id, "start", null);
        long v = cases.findById(id).orElseThrow().version();
        APIGatewayV2HTTPResponse resolved = action(DISHUB, id, "{\"action\":\"resolve\",\"expectedVersion\":" + v
                + ",\"note\":\"Juru parkir liar ditertibkan\",\"photo\":{\"contentType\":\"image/jpeg\",\"sizeBytes\":1200}}");
        assertEquals(200, resolved.getStatusCode(), resolved.getBody());
        String uploadUrl = json.tree(resolved.getBody()).get("upload").get("url").getStringValue();
        assertTrue(uploadUrl.contains("attachments/" + TENANT + "/" + id + "/"), uploadUrl);

        String code = c.trackingCode();
        assertEquals(403, citizen(code, "reopen", "{\"secret\":\"not-the-secret\",\"reason\":\"x\"}").getStatusCode());
        assertEquals(400, citizen(code, "reopen", "{\"secret\":\"" + SECRET + "\"}").getStatusCode());
        APIGatewayV2HTTPResponse reopened = citizen(code, "reopen", "{\"secret\":\"" + SECRET
                + "\",\"reason\":\"Masih ada parkir liar\"}");
        assertEquals(200, reopened.getStatusCode(), reopened.getBody());
        assertEquals("REOPENED", json.tree(reopened.getBody()).get("status").getStringValue());
        act(DISHUB, id, "start", null);
        act(DISHUB, id, "resolve", "Dipasang rambu dilarang parkir");
        APIGatewayV2HTTPResponse confirmed = citizen(code, "confirm", "{\"secret\":\"" + SECRET + "\"}");
        assertEquals(200, confirmed.getStatusCode(), confirmed.getBody());
        assertEquals("CLOSED", json.tree(confirmed.getBody()).get("status").getStringValue());

        List<String> actions = new ArrayList<>();
        cases.findById(id).orElseThrow().history().forEach(h -> actions.add(h.action()));
        assertEquals(List.of("submit", "forward", "acknowledge", "start", "resolve", "reopen", "start", "resolve", "confirm"),
                actions);

        // one event per move, and one Indonesian SMS notice per status change without the phone number
        written.addAll(written(id));
        assertEquals(8, written.stream().filter(e -> e.channel() == OutboxEvent.Channel.CASE_EVENTS).count());
        List<OutboxEvent> notices = written.stream().filter(e -> e.channel() == OutboxEvent.Channel.CITIZEN_NOTICES)
                .toList();
        assertEquals(8, notices.size());
        for (OutboxEvent n : notices) {
            assertEquals("sms", n.attributes().get("channel"));
            assertFalse((n.body() + "" + n.attributes()).contains("6285298765432"), n.body().toString());
        }
        assertTrue(notices.stream().anyMatch(n -> n.body().toString().contains("Selesai ditindaklanjuti")));
    }

    @Test
    void fiftyConcurrentApprovalsOfOneVersionLeaveExactlyOneWinner() throws Exception {
        ReportCase c = seed(CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "GOTONG_ROYONG", RT1,
                "kelurahan:" + KEL, Instant.now().plus(Duration.ofDays(3)), false);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Integer> approve = () -> action(KELURAHAN, c.caseId(),
                    "{\"action\":\"approve\",\"expectedVersion\":1}").getStatusCode();
            results.add(pool.submit(approve));
        }
        int ok = 0, conflict = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            ok += status == 200 ? 1 : 0;
            conflict += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(49, conflict);
        ReportCase stored = cases.findById(c.caseId()).orElseThrow();
        assertEquals(2, stored.history().size(), "submission + exactly one approval");
        assertEquals(CaseStatus.KECAMATAN_REVIEW, stored.status());
    }

    @Test
    void serviceRequestRecordsPerTierTimesAndTheTenantFigure() {
        ReportCase c = seed(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "SURAT_DOMISILI", RT1, null,
                Instant.now().plus(Duration.ofMinutes(15)), false);
        assertEquals(403, action(RT_HEAD_2, c.caseId(), "{\"action\":\"approve\",\"expectedVersion\":1}").getStatusCode());
        act(RT_HEAD_1, c.caseId(), "approve", null);
        JsonNode issued = act(KECAMATAN, c.caseId(), "issue", "Surat keterangan domisili No. 12/2026");
        assertEquals("KECAMATAN_ISSUED", issued.get("status").getStringValue());
        JsonNode tiers = issued.get("timings").get("tiers");
        assertEquals("RT_APPROVAL", tiers.get(0).get("status").getStringValue());
        assertTrue(tiers.get(0).get("seconds").isNumber());
        assertEquals("KELURAHAN_PROCESSING", tiers.get(1).get("status").getStringValue());
        assertTrue(issued.get("timings").get("endToEndSeconds").isNumber());

        APIGatewayV2HTTPResponse figure = api.execute(event("GET", "GET /v1/admin/service-times",
                "/v1/admin/service-times", Map.of(), Map.of("tenant", TENANT), null, ADMIN));
        assertEquals(200, figure.getStatusCode(), figure.getBody());
        JsonNode body = json.tree(figure.getBody());
        assertTrue(body.get("cases").getIntValue() >= 1);
        assertEquals(45, body.get("targetMinutes").getIntValue());
        assertEquals(1.0, body.get("withinTargetShare").getDoubleValue());
        assertNotNull(body.get("tiers").get("RT_APPROVAL"));
        // only admins of the tenant (or platform admins) get the figure
        assertEquals(403, api.execute(event("GET", "GET /v1/admin/service-times", "/v1/admin/service-times",
                Map.of(), Map.of("tenant", TENANT), null, KECAMATAN)).getStatusCode());
    }

    @Test
    void inboxPagesThroughTheCallersCasesSoonestDeadlineFirst() {
        Instant base = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String rt = KEL + "-RT009";
        List<String> expected = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            expected.add(0, seed(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "SURAT_DOMISILI", rt, null,
                    base.plus(Duration.ofMinutes(i)), false).caseId());
        }
        ReportCase returned = seed(CaseKind.RT_ACTIVITY, CaseStatus.RETURNED, "GOTONG_ROYONG", rt, "kelurahan:" + KEL,
                base.plus(Duration.ofSeconds(90)), false);
        expected.add(2, returned.caseId());
        seed(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "SURAT_DOMISILI", KEL + "-RT010", null, base, false);
        Map<String, String> head = HttpEvents.claims("rt-9", "RT_HEAD", TENANT, rt);

        List<String> seen = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            Map<String, String> query = new java.util.HashMap<>(Map.of("limit", "2"));
            if (page != null) {
                query.put("page", page);
            }
            APIGatewayV2HTTPResponse r = api.execute(event("GET", "GET /v1/inbox", "/v1/inbox", Map.of(),
                    query, null, head));
            assertEquals(200, r.getStatusCode(), r.getBody());
            JsonNode body = json.tree(r.getBody());
            JsonNode items = body.get("items");
            assertTrue(items.size() <= 2);
            for (int i = 0; i < items.size(); i++) {
                seen.add(items.get(i).get("caseId").getStringValue());
            }
            page = body.get("nextPage") == null || body.get("nextPage").isNull() ? null : body.get("nextPage").getStringValue();
            pages++;
        } while (page != null && pages < 10);
        assertEquals(expected, seen);
        APIGatewayV2HTTPResponse garbage = api.execute(event("GET", "GET /v1/inbox", "/v1/inbox", Map.of(),
                Map.of("page", "bm90LWEtY3Vyc29y"), null, head));
        assertEquals(400, garbage.getStatusCode());
    }

    @Test
    void overdueAcknowledgmentIsEscalatedOnceThroughTheIndexAndResolvedComplaintsCloseThemselves() {
        ReportCase late = seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, "SAMPAH", null, "dlh",
                Instant.now().minus(Duration.ofHours(1)), false);
        ReportCase unanswered = seed(CaseKind.COMPLAINT, CaseStatus.RESOLVED, "SAMPAH", null, "dlh",
                Instant.now().minus(Duration.ofMinutes(5)), false);
        ReportCase onTime = seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, "SAMPAH", null, "dlh",
                Instant.now().plus(Duration.ofDays(2)), false);
        AwsCallRecorder.reset();
        var run = escalation.execute(QueueEvents.sqs("{\"tenant\":\"" + TENANT + "\"}"));
        assertEquals(0, AwsCallRecorder.count("DynamoDb.Scan"), AwsCallRecorder.snapshot().toString());
        assertTrue(AwsCallRecorder.count("DynamoDb.Query") > 0, AwsCallRecorder.snapshot().toString());
        assertTrue(run.getBatchItemFailures().isEmpty(), run.getBatchItemFailures().toString());

        assertTrue(cases.findById(late.caseId()).orElseThrow().overdue());
        assertFalse(cases.findById(onTime.caseId()).orElseThrow().overdue());
        ReportCase closed = cases.findById(unanswered.caseId()).orElseThrow();
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals("SYSTEM", closed.history().get(closed.history().size() - 1).actorRole());
        assertNull(closed.deadlineAt());

        escalation.execute(QueueEvents.sqs("{\"tenant\":\"" + TENANT + "\"}")); // the next run alerts nobody again
        List<OutboxEvent> forLate = written(late.caseId());
        List<OutboxEvent> alerts = forLate.stream()
                .filter(e -> e.channel() == OutboxEvent.Channel.SUPERVISOR_ALERTS).toList();
        assertEquals(1, alerts.size(), forLate.toString());
        assertEquals("CITY_ADMIN", alerts.get(0).body().get("supervisorRole"));
        assertEquals("CITY_ADMIN", alerts.get(0).attributes().get("role"));
        assertTrue(String.valueOf(alerts.get(0).body().get("text")).contains("terlewati"));
        assertEquals(List.of("case.overdue"), forLate.stream()
                .filter(e -> e.channel() == OutboxEvent.Channel.CASE_EVENTS).map(OutboxEvent::eventType).toList());
        assertEquals(List.of("case.closed"), written(unanswered.caseId()).stream()
                .filter(e -> e.channel() == OutboxEvent.Channel.CASE_EVENTS).map(OutboxEvent::eventType).toList());
    }

    @Test
    void theSweeperRoutesACaseLeftVerifiedAndEndsAReportWhosePhotosNeverCame() {
        ReportCase stuck = seed(CaseKind.COMPLAINT, CaseStatus.VERIFIED, "SAMPAH", null, null,
                Instant.now().minus(Duration.ofMinutes(1)), false);
        ReportCase noPhotos = seed(CaseKind.COMPLAINT, CaseStatus.AWAITING_PHOTOS, "SAMPAH", null, null,
                Instant.now().minus(Duration.ofMinutes(1)), true);

        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) escalation.getApplicationContext().getBean(Escalations.class)
                .run(TENANT).get(TENANT);

        ReportCase routed = cases.findById(stuck.caseId()).orElseThrow();
        assertEquals(CaseStatus.ROUTED, routed.status());
        assertEquals("dlh", routed.assignment().agencyId());
        List<OutboxEvent> forRouted = written(stuck.caseId());
        assertEquals(List.of("case.routed", "agency-alert"), forRouted.stream().map(OutboxEvent::eventType).toList(),
                "the routing and the agency's alert, in one write");
        assertEquals("dlh", forRouted.get(1).attributes().get("agencyId"));
        ReportCase expired = cases.findById(noPhotos.caseId()).orElseThrow();
        assertEquals(CaseStatus.REJECTED, expired.status());
        assertEquals("expire", expired.history().get(expired.history().size() - 1).action());
        assertEquals(List.of("case.rejected", "citizen-notice"), written(noPhotos.caseId()).stream()
                .map(OutboxEvent::eventType).toList());
        assertEquals(Map.of("AWAITING_PHOTOS", 1, "VERIFIED", 1), run.get("swept"));
        var tallies = escalation.getApplicationContext().getBean(id.laporwarga.domain.port.SweepTallies.class);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar"));
        var counted = tallies.sum(TENANT, today.minusDays(1), today);
        assertEquals(1L, counted.get(CaseStatus.VERIFIED));
        assertEquals(1L, counted.get(CaseStatus.AWAITING_PHOTOS));
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.get(i).getStringValue());
        }
        return out;
    }
}
