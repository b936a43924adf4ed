package id.laporwarga.function.scorert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.testkit.QueueEvents;
import id.laporwarga.platform.store.DynamoRoster;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.testkit.HttpEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * score-rt, the public performance API and the export on DynamoDB Local + moto_server, with the resources of
 * template.yaml and the Kotamobagu sample tenant. Cases are stored through the platform's repository with the history
 * the review step writes (approvals, returns, resolutions) in October 2025 (a closed period).
 */
@Tag("emulator")
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreRtIT {
    static final String TENANT = SampleTenants.KOTAMOBAGU;
    static final String PERIOD = "2025-10";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final AreaRef BIGA = new AreaRef("71.74.01", "Kotamobagu Utara", "71.74.01.1005", "Biga",
            AreaRef.KelurahanMatch.INSIDE);
    static final AreaRef MOTOBOI = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1007", "Motoboi Besar",
            AreaRef.KelurahanMatch.INSIDE);
    static final String SECRET_NAME = "Siti Paputungan";
    static final String SECRET_PHONE = "+6281344556677";

    static LocalAws aws;
    static ProvisionedStack stack;
    static ScoreRtHandler scorer;
    static PublicPerformanceHandler publicApi;
    static ExportHandler exporter;
    static Json json;
    static final List<ReportCase> october = new ArrayList<>();

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()),
                "score-" + UUID.randomUUID().toString().substring(0, 8), aws);
        SampleTenants.onboard(stack, TENANT);
        scorer = new ScoreRtHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("ScoreRtFunction"))));
        publicApi = new PublicPerformanceHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("PublicPerformanceFunction"))));
        exporter = new ExportHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("ExportFunction"))));
        json = scorer.getApplicationContext().getBean(Json.class);
        DynamoCaseRepository repo = scorer.getApplicationContext().getBean(DynamoCaseRepository.class);
        // the two RTs of the tenant's roster (only rostered RTs are scored)
        scorer.getApplicationContext().getBean(DynamoRoster.class).save(TENANT, List.of(
                new RosterEntry(TENANT, "RT-01-RW-02-BIGA", "001", "002", BIGA.kecamatanCode(), BIGA.kecamatanName(),
                        BIGA.kelurahanCode(), BIGA.kelurahanName(), true, null),
                new RosterEntry(TENANT, "RT-03-RW-01-MOTOBOI", "003", "001", MOTOBOI.kecamatanCode(),
                        MOTOBOI.kecamatanName(), MOTOBOI.kelurahanCode(), MOTOBOI.kelurahanName(), true, null)),
                new RosterStore.Summary(TENANT, 1, 2, 2));

        // RT-01 (Biga): 5 approved activity reports with verified photos on 5 days, 1 returned, 1 complaint resolved
        for (int d = 1; d <= 5; d++) {
            october.add(activity("RT-01-RW-02-BIGA", day(d, 7)).approvedAt(day(d, 10)).build());
        }
        october.add(activity("RT-01-RW-02-BIGA", day(6, 7)).returnedAt(day(6, 9)).build());
        october.add(complaint("RT-01-RW-02-BIGA", day(7, 8), BIGA, Privacy.PUBLIC).resolvedAt(day(8, 8)).build());
        // RT-03 (Motoboi Besar): 1 approved, a complaint never resolved
        october.add(activity("RT-03-RW-01-MOTOBOI", day(2, 7)).area(MOTOBOI).approvedAt(day(2, 9)).build());
        october.add(complaint("RT-03-RW-01-MOTOBOI", day(3, 8), MOTOBOI, Privacy.ANONYMOUS).build());
        // a confidential complaint: in the export without identifying fields, never in public figures
        october.add(complaint("RT-03-RW-01-MOTOBOI", day(4, 8), MOTOBOI, Privacy.CONFIDENTIAL).resolvedAt(day(5, 8)).build());
        for (ReportCase c : october) {
            repo.create(c, null, "idem-" + c.caseId());
        }
        // a November case: not October's
        repo.create(activity("RT-01-RW-02-BIGA", LocalDateTime.of(2025, 11, 3, 7, 0)).build(), null, "idem-nov");
    }

    @AfterAll
    static void stop() {
        for (var h : List.of(scorer, publicApi, exporter)) {
            if (h != null) {
                h.close();
            }
        }
    }

    static LocalDateTime day(int d, int hour) {
        return LocalDateTime.of(2025, 10, d, hour, 0);
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(WITA).toInstant();
    }

    static CaseBuilder activity(String rtId, LocalDateTime submitted) {
        return new CaseBuilder(CaseKind.RT_ACTIVITY, rtId, submitted, BIGA, Privacy.PUBLIC);
    }

    static CaseBuilder complaint(String rtId, LocalDateTime submitted, AreaRef area, Privacy privacy) {
        return new CaseBuilder(CaseKind.COMPLAINT, rtId, submitted, area, privacy);
    }

    /** Cases as submit-report, verify-geotag and the review step leave them (transition() appends history). */
    static final class CaseBuilder {
        ReportCase c;

        CaseBuilder(CaseKind kind, String rtId, LocalDateTime submitted, AreaRef area, Privacy privacy) {
            Instant t = at(submitted);
            String id = UUID.randomUUID().toString();
            List<Photo> photos = List.of(new Photo("p1", "image/jpeg", 1000, "photos/" + TENANT + "/" + id + "/p1.jpg",
                    new PhotoCheck(Verdict.PASS, null, new GeoPoint(0.75, 124.32), 12.0, t, 4096, t)));
            CaseStatus first = kind == CaseKind.RT_ACTIVITY ? CaseStatus.AWAITING_PHOTOS : CaseStatus.TRIAGE;
            c = ReportCase.builder().caseId(id).tenantId(TENANT).timeZone(WITA.getId())
                    .trackingCode("KTG-" + id.substring(0, 6).toUpperCase()).kind(kind).category("SAMPAH")
                    .description("Got a phone " + SECRET_PHONE + "?").location(new GeoPoint(0.7512, 124.3251)).area(area)
                    .rtId(rtId).privacy(privacy).reporter(new Reporter(SECRET_NAME, SECRET_PHONE, null)).photos(photos)
                    .status(first).submittedAt(t).assignment(new Assignment(kind == CaseKind.COMPLAINT ? "dlh" : null,
                            "Dinas Lingkungan Hidup", false, t, null, List.of())).citizenSecretHash("h").requestHash("r")
                    .build();
            if (kind == CaseKind.RT_ACTIVITY) {
                c = c.transition(CaseStatus.KELURAHAN_REVIEW, "verify", "system", "SYSTEM", null, t.plusSeconds(60), null);
            }
        }

        CaseBuilder area(AreaRef a) {
            c = c.toBuilder().area(a).build();
            return this;
        }

        CaseBuilder approvedAt(LocalDateTime local) {
            c = c.transition(CaseStatus.APPROVED, "approve", "lurah-biga", "KELURAHAN", null, at(local), null);
            return this;
        }

        CaseBuilder returnedAt(LocalDateTime local) {
            c = c.transition(CaseStatus.RETURNED, "return", "lurah-biga", "KELURAHAN", "foto buram", at(local), null);
            return this;
        }

        CaseBuilder resolvedAt(LocalDateTime local) {
            c = c.transition(CaseStatus.ROUTED, "route", "admin", "ADMIN", null, at(local).minusSeconds(3600), null);
            c = c.transition(CaseStatus.RESOLVED, "resolve", "dlh-1", "AGENCY", null, at(local), null);
            return this;
        }

        ReportCase build() {
            return c;
        }
    }

    static JsonNode get(String path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = HttpEvents.request("GET", path).path(path).query(query)
                .header("accept-language", "id").build();
        event.setRouteKey(null); // matched by path, like a $default route
        APIGatewayV2HTTPResponse response = publicApi.handleRequest(event, null);
        JsonNode body = json.tree(response.getBody());
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains(SECRET_NAME) || response.getBody().contains(SECRET_PHONE));
        for (ReportCase c : october) {
            assertFalse(response.getBody().contains(c.caseId()) || response.getBody().contains(c.trackingCode()),
                    "a public aggregate names a single case: " + response.getBody());
        }
        return body;
    }

    @Test
    @Order(1)
    void scoringAClosedPeriodStoresEveryRtWithABreakdownThatAddsUp() {
        // one job message, as the fan-out sends it, through the handler; then the same job's result from the facade
        var batch = scorer.handleRequest(QueueEvents.sqs("{\"tenant\":\"" + TENANT + "\",\"period\":\"" + PERIOD + "\"}"), null);
        assertTrue(batch.getBatchItemFailures().isEmpty(), batch.getBatchItemFailures().toString());
        ScoreRtResult result = scorer.getApplicationContext().getBean(ScoreRtService.class)
                .run(new ScoreRtRequest(TENANT, PERIOD, null));
        ScoreRtResult.TenantRun run = result.tenants().get(0);
        assertEquals("FINAL", run.status());
        assertEquals(2, run.rtScored());
        assertTrue(run.saved());

        JsonNode ranking = get("/v1/public/" + TENANT + "/rt", Map.of("period", PERIOD));
        assertEquals("FINAL", ranking.get("status").getStringValue());
        JsonNode first = ranking.get("rts").get(0);
        assertEquals("RT-01-RW-02-BIGA", first.get("rtId").getStringValue());
        assertEquals(1, first.get("rank").getIntValue());
        // 5 verified approvals of 8 -> 31; no service request -> 25; 1 of 1 complaint -> 25; 1 return -> -5
        assertEquals(76, first.get("score").getIntValue());
        assertEquals(500_000, first.get("incentiveRupiah").getLongValue());
        JsonNode onlyBiga = get("/v1/public/" + TENANT + "/rt", Map.of("period", PERIOD, "kelurahan", "71.74.01.1005"));
        assertEquals(1, onlyBiga.get("rts").size());

        JsonNode perf = get("/v1/public/" + TENANT + "/rt/RT-01-RW-02-BIGA/performance", Map.of("period", PERIOD));
        int sum = perf.get("clampAdjustment").getIntValue();
        for (int i = 0; i < perf.get("breakdown").size(); i++) {
            sum += perf.get("breakdown").get(i).get("points").getIntValue();
        }
        assertEquals(perf.get("score").getIntValue(), sum, "the breakdown adds up to the score");
        assertEquals(5, perf.get("counts").get("activityApproved").getIntValue());
        assertEquals(PERIOD, perf.get("trend").get(0).get("period").getStringValue());

        // the other RT: its anonymous complaint counts, the confidential one does not
        JsonNode rt3 = get("/v1/public/" + TENANT + "/rt/RT-03-RW-01-MOTOBOI/performance", Map.of("period", PERIOD));
        assertEquals(1, rt3.get("counts").get("complaintsReceived").getIntValue());
        assertEquals(0, rt3.get("counts").get("complaintsResolved").getIntValue());
    }

    @Test
    @Order(2)
    void areasShowAggregatesWithoutConfidentialCases() {
        JsonNode areas = get("/v1/public/" + TENANT + "/areas", Map.of("period", PERIOD));
        Map<String, JsonNode> byCode = new HashMap<>();
        for (int i = 0; i < areas.get("kecamatan").size(); i++) {
            JsonNode k = areas.get("kecamatan").get(i);
            byCode.put(k.get("code").getStringValue(), k);
        }
        assertEquals(1, byCode.get("71.74.01").get("complaintsReceived").getIntValue());
        assertEquals(1, byCode.get("71.74.01").get("complaintsResolved").getIntValue());
        assertEquals(24.0, byCode.get("71.74.01").get("medianHoursToResolve").getDoubleValue());
        assertEquals(1, byCode.get("71.74.02").get("complaintsReceived").getIntValue(), "confidential not counted");
        assertEquals(0, byCode.get("71.74.02").get("complaintsResolved").getIntValue());
    }

    @Test
    @Order(3)
    void aProvisionalRunNeverOverwritesAClosedPeriodAndRecomputingGivesTheSame() {
        ScoreRtResult provisional = scorer.getApplicationContext().getBean(ScoreRtService.class)
                .run(new ScoreRtRequest(TENANT, PERIOD, "provisional"));
        assertEquals("FINAL", provisional.tenants().get(0).status(), "October 2025 is over: the run is final");
        JsonNode again = get("/v1/public/" + TENANT + "/rt/RT-01-RW-02-BIGA/performance", Map.of("period", PERIOD));
        assertEquals(76, again.get("score").getIntValue());
    }

    @Test
    @Order(4)
    void theExportHoldsEveryCaseOfThePeriodAndNoReporter() throws IOException {
        var batch = exporter.handleRequest(QueueEvents.sqs("{\"tenant\":\"" + TENANT + "\",\"period\":\"" + PERIOD + "\"}"), null);
        assertTrue(batch.getBatchItemFailures().isEmpty(), batch.getBatchItemFailures().toString());
        ExportResult result = exporter.getApplicationContext().getBean(Exports.class).run(new ExportRequest(TENANT, PERIOD));
        String bucket = stack.bucket("AnalyticsBucket");
        assertEquals(bucket, result.bucket());
        String casesKey = "cases/tenant=" + TENANT + "/month=" + PERIOD + "/cases.jsonl.gz";
        assertTrue(result.tenants().get(0).keys().contains(casesKey));
        List<String> lines = gunzipLines(bucket, casesKey);
        assertEquals(october.size(), lines.size(), "every October case, not November's");
        for (ReportCase c : october) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"caseId\":\"" + c.caseId() + "\"")), c.caseId());
        }
        // every line names its channel and report class (cases stored before intake data: app complaints)
        for (String l : lines) {
            JsonNode exported = json.tree(l);
            assertEquals("APP", exported.get("channel").getStringValue(), l);
            assertEquals("PENGADUAN", exported.get("reportClass").getStringValue(), l);
        }
        for (String key : result.tenants().get(0).keys()) {
            String all = String.join("\n", gunzipLines(bucket, key));
            assertFalse(all.contains(SECRET_NAME) || all.contains("Paputungan"), key);
            assertFalse(all.contains(SECRET_PHONE) || all.contains("81344556677"), key);
        }
        ReportCase confidential = october.stream().filter(c -> c.privacy() == Privacy.CONFIDENTIAL).findFirst().orElseThrow();
        String line = lines.stream().filter(l -> l.contains(confidential.caseId())).findFirst().orElseThrow();
        JsonNode record = json.tree(line);
        assertNull(record.get("trackingCode"));
        assertNull(record.get("latitude"));
        assertEquals("71.74.02", record.get("kecamatanCode").getStringValue());
        List<String> scores = gunzipLines(bucket, "rt_scores/tenant=" + TENANT + "/month=" + PERIOD + "/rt_scores.jsonl.gz");
        assertEquals(2, scores.size());
    }

    static List<String> gunzipLines(String bucket, String key) throws IOException {
        byte[] bytes = aws.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
