package id.laporwarga.function.scorert;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.AdminBoundary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.QueueEvents;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * score-rt's three handlers on the in-memory ports, driven by the sample events of events/ (no emulator): the
 * per-tenant job messages score October 2026, the public routes show it, the export job writes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreRtHandlerTest {
    /** Early November 2026 in WITA: October is the last closed month. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T00:00:00Z"), ZoneOffset.UTC);
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final String RT = "71.74.04.1003-RT001";
    static final AreaRef MOGOLAING = new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1003", "Mogolaing",
            AreaRef.KelurahanMatch.INSIDE);
    static final String SECRET_PHONE = "+6281344556677";

    static MemoryWorld world;
    static ScoreRtHandler scorer;
    static PublicPerformanceHandler publicApi;
    static ExportHandler exporter;
    static Json json;

    @BeforeAll
    static void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        SampleTenant.importRoster(world); // 99 RTs, 3 per kelurahan
        scorer = new ScoreRtHandler(MemoryContext.of(world, CLOCK));
        publicApi = new PublicPerformanceHandler(MemoryContext.of(world, CLOCK));
        exporter = new ExportHandler(MemoryContext.of(world, CLOCK));
        json = scorer.getApplicationContext().getBean(Json.class);
        for (int day = 1; day <= 4; day++) {
            world.cases.put(approvedActivity("c-" + day, LocalDateTime.of(2026, 10, day, 8, 0)));
        }
        Instant reported = LocalDateTime.of(2026, 10, 9, 8, 0).atZone(WITA).toInstant();
        world.cases.put(approvedActivity("c-5", LocalDateTime.of(2026, 10, 9, 8, 0)).toBuilder()
                .kind(CaseKind.COMPLAINT).category("SAMPAH").status(CaseStatus.TRIAGE).version(1).submittedAt(reported)
                .build()
                .transition(CaseStatus.ROUTED, "route", "system", "SYSTEM", null, reported.plusSeconds(60), null)
                .transition(CaseStatus.RESOLVED, "resolve", "dlh-1", "AGENCY_STAFF", null, reported.plusSeconds(86_400),
                        null));
    }

    @AfterAll
    static void stop() {
        scorer.close();
        publicApi.close();
        exporter.close();
    }

    /** An RT activity report with a verified photo, approved by the kelurahan two hours after its submission. */
    static ReportCase approvedActivity(String id, LocalDateTime submittedLocal) {
        Instant t = submittedLocal.atZone(WITA).toInstant();
        Photo photo = new Photo("p1", "image/jpeg", 1000, "photos/kotamobagu/" + id + "/p1.jpg",
                new PhotoCheck(Verdict.PASS, null, new GeoPoint(0.7329, 124.3058), 12.0, t, 4096, t));
        return ReportCase.builder().caseId(id).tenantId("kotamobagu").timeZone(WITA.getId()).trackingCode("KOT-" + id)
                .kind(CaseKind.RT_ACTIVITY).category("GOTONG_ROYONG").description("Kerja bakti")
                .location(new GeoPoint(0.7329, 124.3058)).area(MOGOLAING).rtId(RT).privacy(Privacy.PUBLIC)
                .reporter(new Reporter("Siti", SECRET_PHONE, null)).photos(List.of(photo))
                .status(CaseStatus.KELURAHAN_REVIEW).submittedAt(t).citizenSecretHash("h").requestHash("r").build()
                .transition(CaseStatus.APPROVED, "approve", "lurah", "KELURAHAN", null, t.plusSeconds(7200), null);
    }

    /** The area of {@code areas} with {@code code}. */
    static JsonNode byCode(JsonNode areas, String code) {
        for (int i = 0; i < areas.size(); i++) {
            if (code.equals(areas.get(i).get("code").getStringValue())) {
                return areas.get(i);
            }
        }
        throw new AssertionError("no area " + code);
    }

    static JsonNode get(String file) {
        APIGatewayV2HTTPResponse r = publicApi.handleRequest(LambdaEvents.load(file, APIGatewayV2HTTPEvent.class), null);
        assertEquals("public, max-age=300", r.getHeaders().get("Cache-Control"));
        assertFalse(r.getBody().contains(SECRET_PHONE) || r.getBody().contains("c-1"), "aggregates only: " + r.getBody());
        return body(r, 200);
    }

    @Test
    @Order(1)
    void eachJobMessageScoresItsTenantOctoberOrTheCurrentMonth() {
        // the fan-out's messages: a chosen period, the monthly close and the daily provisional run
        SQSBatchResponse r = scorer.handleRequest(LambdaEvents.load("sqs-score-jobs.json", SQSEvent.class), null);
        assertEquals(List.of(), r.getBatchItemFailures());
        var october = world.scores.header("kotamobagu", "2026-10").orElseThrow();
        assertEquals("FINAL", october.status());
        assertEquals(99, october.rtCount(), "every rostered RT, active or not");
        assertEquals(5, october.casesRead());
        assertEquals("PROVISIONAL", world.scores.header("kotamobagu", "2026-11").orElseThrow().status());
    }

    @Test
    @Order(1)
    void aJobWithoutATenantOrForAnUnknownOneFailsAloneAndIsRetried() {
        SQSBatchResponse r = scorer.handleRequest(QueueEvents.sqs(List.of(
                QueueEvents.message("no-tenant", "{\"mode\":\"close\"}", 1),
                QueueEvents.message("unknown", "{\"tenant\":\"atlantis\",\"mode\":\"close\"}", 1),
                QueueEvents.message("ok", "{\"tenant\":\"kotamobagu\",\"period\":\"2026-10\"}", 1))), null);
        assertEquals(List.of("no-tenant", "unknown"), r.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    @Order(2)
    void thePublicRoutesShowTheScoredPeriod() {
        JsonNode ranking = get("http-public-rt-ranking.json");
        assertEquals("FINAL", ranking.get("status").getStringValue());
        assertEquals("71.74.04.1003", ranking.get("kelurahan").getStringValue());
        assertEquals(RT, ranking.get("rts").get(0).get("rtId").getStringValue());
        assertEquals(1, ranking.get("rts").get(0).get("rank").getIntValue());
        assertTrue(ranking.get("rts").get(0).get("active").getBooleanValue());
        assertNull(ranking.get("rts").get(0).get("activityLabel"));
        // Mogolaing's two other rostered RTs never reported: ranked with 0, "tidak aktif"
        assertEquals(3, ranking.get("rts").size());
        for (int i = 1; i < 3; i++) {
            JsonNode idle = ranking.get("rts").get(i);
            assertEquals(0, idle.get("score").getIntValue());
            assertFalse(idle.get("active").getBooleanValue());
            assertEquals("tidak aktif", idle.get("activityLabel").getStringValue());
            assertEquals(2, idle.get("rank").getIntValue(), "equal scores share a rank");
        }
        assertEquals(3, ranking.get("rts").size());
        assertEquals(1, ranking.get("activeRts").getIntValue());
        assertEquals(0.333, ranking.get("activeShare").getDoubleValue());

        JsonNode performance = get("http-public-rt-performance.json");
        int sum = performance.get("clampAdjustment").getIntValue();
        for (int i = 0; i < performance.get("breakdown").size(); i++) {
            JsonNode line = performance.get("breakdown").get(i);
            assertFalse(line.get("label").getStringValue().isBlank());
            sum += line.get("points").getIntValue();
        }
        assertEquals(performance.get("score").getIntValue(), sum, "the breakdown adds up to the score");
        assertEquals(4, performance.get("counts").get("activityApproved").getIntValue());
        assertEquals("2026-10", performance.get("trend").get(0).get("period").getStringValue());

        JsonNode areas = get("http-public-areas.json");
        JsonNode barat = byCode(areas.get("kecamatan"), "71.74.04");
        assertEquals(1, barat.get("complaintsReceived").getIntValue());
        assertEquals(1, barat.get("complaintsResolved").getIntValue());
        assertEquals(24.0, barat.get("medianHoursToResolve").getDoubleValue());
        JsonNode mogolaing = byCode(barat.get("kelurahan"), "71.74.04.1003");
        assertEquals(1, mogolaing.get("complaintsReceived").getIntValue());
        assertEquals(3, mogolaing.get("rostered").getIntValue());
        assertEquals(1, mogolaing.get("activeRts").getIntValue());
        assertEquals(0.333, mogolaing.get("activeShare").getDoubleValue());
        // where a map draws the kelurahan's figures: a point inside the kelurahan's own boundary
        JsonNode centre = mogolaing.get("centre");
        AdminBoundary boundary = SampleTenant.kotamobagu().boundaries().stream()
                .filter(b -> b.code().equals("71.74.04.1003")).findFirst().orElseThrow();
        assertTrue(boundary.geometry().contains(new GeometryFactory().createPoint(new Coordinate(
                centre.get("lon").getDoubleValue(), centre.get("lat").getDoubleValue()))), "inside: " + centre);
        assertEquals(6, barat.get("kelurahan").size(), "every kelurahan with rostered RTs, complaints or not");
        assertEquals(18, barat.get("rostered").getIntValue());
        assertEquals(99, areas.get("rostered").getIntValue(), "the share of active RTs over the whole city");
        assertEquals(1, areas.get("activeRts").getIntValue());
        assertEquals(0.01, areas.get("activeShare").getDoubleValue());
    }

    @Test
    @Order(3)
    void unknownTenantsAndBadPeriodsAreRefused() {
        assertError(publicApi.handleRequest(HttpEvents.file("http-public-areas.json").pathParameter("tenant", "atlantis")
                .build(), null), 404, "NOT_FOUND");
        assertError(publicApi.handleRequest(HttpEvents.file("http-public-areas.json")
                .query(Map.of("period", "oktober")).build(), null), 400, "VALIDATION_FAILED", "period");
        assertError(publicApi.handleRequest(HttpEvents.file("http-public-rt-performance.json")
                .pathParameter("rtId", "RT-999").build(), null), 404, "NOT_FOUND");
    }

    @Test
    @Order(4)
    void theExportJobWritesOctober() {
        SQSBatchResponse r = exporter.handleRequest(LambdaEvents.load("sqs-export-job.json", SQSEvent.class), null);
        assertEquals(List.of(), r.getBatchItemFailures());
        assertEquals(1, world.objects.exports.size());
        assertEquals("kotamobagu", world.objects.exports.get(0).tenant());
        assertEquals("2026-10", world.objects.exports.get(0).period());
    }
}
