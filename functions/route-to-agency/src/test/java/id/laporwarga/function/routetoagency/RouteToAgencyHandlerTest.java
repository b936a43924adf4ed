package id.laporwarga.function.routetoagency;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;

import id.laporwarga.platform.testing.HttpAnswers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.routing.AgencyAlert;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.SamplePoints;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** route-to-agency's handlers on the in-memory ports, driven by the sample events of events/ (no emulator). */
class RouteToAgencyHandlerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC);
    static final Instant CREATED = Instant.parse("2026-11-24T00:50:00Z");
    static final AreaRef BIGA = new AreaRef("71.74.01", "Kotamobagu Utara", "71.74.01.1005", "Biga",
            AreaRef.KelurahanMatch.INSIDE);

    MemoryWorld world;
    RouteToAgencyHandler router;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        router = new RouteToAgencyHandler(MemoryContext.of(world, CLOCK));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    /** The case a sample event names, as verify-geotag leaves it (VERIFIED, version 3). */
    ReportCase seed(String file, CaseStatus status, Assignment assignment) {
        JsonNode event = HttpAnswers.json(LambdaEvents.load(file, SQSEvent.class).getRecords().get(0).getBody());
        String caseId = event.get("caseId").getStringValue();
        SamplePoints.Point biga = SamplePoints.named("Biga");
        return world.cases.put(ReportCase.builder().caseId(caseId).tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode("KOT-7K3M-9QXD").kind(CaseKind.valueOf(event.get("kind").getStringValue()))
                .category(event.get("category").getStringValue()).description("Laporan contoh")
                .location(new GeoPoint(biga.lat(), biga.lon())).area(BIGA)
                .rtId("RT_ACTIVITY".equals(event.get("kind").getStringValue()) ? "71.74.01.1005-RT001" : null)
                .privacy(Privacy.PUBLIC).reporter(new Reporter("Rahmat", "+6285298765432", null))
                .photos(List.of(new Photo("p1", "image/jpeg", 1000, "photos/kotamobagu/" + caseId + "/p1.jpg", null)))
                .status(status).submittedAt(CREATED).version(event.get("version").getLongValue()).assignment(assignment)
                .citizenSecretHash("h").requestHash("r").build());
    }

    List<String> deliver(String file) {
        SQSBatchResponse response = router.handleRequest(LambdaEvents.load(file, SQSEvent.class), null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void aVerifiedGarbageComplaintIsRoutedToDlhAndAlertedOnceAcrossRedeliveries() {
        ReportCase c = seed("sqs-case-verified.json", CaseStatus.VERIFIED, null);
        assertEquals(List.of(), deliver("sqs-case-verified.json"));
        assertEquals(List.of(), deliver("sqs-case-verified.json"));

        ReportCase routed = world.cases.get(c.caseId());
        assertEquals(CaseStatus.ROUTED, routed.status());
        assertEquals("dlh", routed.assignment().agencyId());
        List<OutboxEvent> alerts = world.cases.outbox(OutboxEvent.Channel.AGENCY_ALERTS);
        assertEquals(1, alerts.size(), "one alert for one case, written with the routing");
        assertEquals("dlh", alerts.get(0).attributes().get("agencyId"));
        assertEquals(AgencyAlert.CASE_ROUTED, alerts.get(0).attributes().get("eventType"));
        // it links to the case in the officials' console (sign-in), never to a presigned photo URL
        String link = "https://lapor.example.go.id/petugas/#/cases/" + c.caseId();
        assertTrue(alerts.get(0).emailText().contains(link), alerts.get(0).emailText());
        assertEquals(link, alerts.get(0).body().get("consoleUrl"));
        assertTrue(!(alerts.get(0).emailText() + alerts.get(0).body()).contains("X-Amz")
                && !alerts.get(0).emailText().contains("memory://"), alerts.get(0).emailText());
        assertEquals(List.of("case.routed"), world.cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream()
                .map(OutboxEvent::eventType).toList());
        assertTrue(world.topics.published.isEmpty(), "nothing is published but by the relay");
    }

    @Test
    void aPowerCutIsReferredToPlnWithANoticeToTheCitizenAndNoAgencyAlert() {
        ReportCase c = seed("sqs-case-verified-external.json", CaseStatus.VERIFIED, null);
        assertEquals(List.of(), deliver("sqs-case-verified-external.json"));

        ReportCase referred = world.cases.get(c.caseId());
        assertEquals(CaseStatus.REFERRED_EXTERNAL, referred.status());
        assertEquals("pln", referred.assignment().agencyId());
        assertTrue(world.cases.outbox(OutboxEvent.Channel.AGENCY_ALERTS).isEmpty());
        // the reporter's notice, and the referral e-mailed to PLN's address in the tenant document (no contact data)
        List<OutboxEvent> notices = world.cases.outbox(OutboxEvent.Channel.CITIZEN_NOTICES);
        assertEquals(2, notices.size(), notices.toString());
        OutboxEvent email = notices.stream().filter(e -> e.body().get("institutionEmail") != null).findFirst()
                .orElseThrow();
        assertEquals("pengaduan.up3kotamobagu@pln.example", email.body().get("institutionEmail"));
        assertTrue(email.body().get("subject").toString().startsWith("[Lapor Warga] Rujukan laporan warga"),
                email.body().toString());
        assertEquals(List.of(RouteCaseService.CITIZEN_NOTICES_TARGET, RouteCaseService.INSTITUTION_EMAIL_TARGET),
                referred.assignment().deliveries().stream().map(d -> d.target()).toList());

        deliver("sqs-case-verified-external.json"); // redelivered: nothing more
        assertEquals(2, world.cases.outbox(OutboxEvent.Channel.CITIZEN_NOTICES).size());
    }

    @Test
    void anUnknownCategoryGoesToTheTriageDesk() {
        ReportCase c = seed("sqs-case-verified-unknown-category.json", CaseStatus.VERIFIED, null);
        assertEquals(List.of(), deliver("sqs-case-verified-unknown-category.json"));
        assertEquals(CaseStatus.TRIAGE, world.cases.get(c.caseId()).status());
        assertEquals("kominfo", world.cases.get(c.caseId()).assignment().agencyId());
    }

    @Test
    void aVerifiedRtActivityReportGoesToItsKelurahanReview() {
        ReportCase c = seed("sqs-case-verified-rt-activity.json", CaseStatus.VERIFIED, null);
        assertEquals(List.of(), deliver("sqs-case-verified-rt-activity.json"));
        assertEquals(CaseStatus.KELURAHAN_REVIEW, world.cases.get(c.caseId()).status());
    }

    @Test
    void aRerouteMovesATriagedCaseToDishubAndAlertsIt() {
        ReportCase c = seed("sqs-case-rerouted.json", CaseStatus.TRIAGE, new Assignment("kominfo", "Diskominfo", false,
                Instant.parse("2026-11-24T01:10:00Z"), null, List.of()));
        assertEquals(List.of(), deliver("sqs-case-rerouted.json"));

        ReportCase rerouted = world.cases.get(c.caseId());
        assertEquals(CaseStatus.ROUTED, rerouted.status());
        assertEquals("dishub", rerouted.assignment().agencyId());
        assertEquals(AgencyAlert.CASE_REROUTED,
                world.cases.outbox(OutboxEvent.Channel.AGENCY_ALERTS).get(0).attributes().get("eventType"));
    }

    @Test
    void aMessageThatIsNotACaseEventFailsAloneAndIsRetried() {
        SQSEvent event = LambdaEvents.load("sqs-case-verified.json", SQSEvent.class);
        event.getRecords().get(0).setBody("{\"caseId\":\"no event type\"}");
        assertEquals(List.of("00000001-1b2c-4d3e-8f4a-5b6c7d8e9f00"),
                router.handleRequest(event, null).getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    void theSampleStatsRequestCountsPerAgency() {
        seed("sqs-case-verified.json", CaseStatus.VERIFIED, null);
        deliver("sqs-case-verified.json");
        seed("sqs-case-verified-external.json", CaseStatus.VERIFIED, null);
        deliver("sqs-case-verified-external.json");
        try (AdminStatsHandler stats = new AdminStatsHandler(MemoryContext.of(world, CLOCK))) {
            JsonNode body = body(stats.handleRequest(LambdaEvents.load("http-admin-stats.json",
                    APIGatewayV2HTTPEvent.class), null), 200);
            assertEquals("kotamobagu", body.get("tenant").getStringValue());
            assertEquals("2026-11-01", body.get("from").getStringValue());
            assertEquals(2, body.get("totals").get("received").getIntValue());
            JsonNode rows = body.get("agencies");
            for (int i = 0; i < rows.size(); i++) {
                String agency = rows.get(i).get("agencyId").getStringValue();
                int expected = Map.of("dlh", 1, "pln", 1).getOrDefault(agency, 0);
                assertEquals(expected, rows.get(i).get("received").getIntValue(), agency);
            }
            // the sweeper's states: nothing swept, nothing stuck (both cases were routed)
            JsonNode sweeper = body.get("sweeper");
            assertEquals(2, sweeper.size());
            assertEquals("AWAITING_PHOTOS", sweeper.get(0).get("state").getStringValue());
            assertEquals("expire", sweeper.get(0).get("deadlineAction").getStringValue());
            assertEquals("VERIFIED", sweeper.get(1).get("state").getStringValue());
            assertEquals("route", sweeper.get(1).get("deadlineAction").getStringValue());
            assertEquals(0, sweeper.get(1).get("swept").getIntValue());
            assertEquals(0, sweeper.get(1).get("stuckNow").getIntValue());

            // the public view of the same figures: no token, the tenant in the path, cached
            APIGatewayV2HTTPResponse published = stats.handleRequest(LambdaEvents.load("http-public-agencies.json",
                    APIGatewayV2HTTPEvent.class), null);
            assertEquals("public, max-age=300", published.getHeaders().get("Cache-Control"));
            JsonNode publicBody = body(published, 200);
            assertEquals(body.get("agencies").toString(), publicBody.get("agencies").toString());
            assertEquals(2, publicBody.get("totals").get("received").getIntValue());
            assertError(stats.handleRequest(HttpEvents.file("http-public-agencies.json")
                    .pathParameter("tenant", "atlantis").build(), null), 404, "NOT_FOUND");

            assertError(stats.handleRequest(HttpEvents.file("http-admin-stats.json").claims(null).build(), null),
                    401, "UNAUTHORIZED");
            assertError(stats.handleRequest(HttpEvents.file("http-admin-stats.json")
                    .claims(HttpEvents.claims("a-2", "CITY_ADMIN", "bolaang-mongondow", null)).build(), null),
                    403, "FORBIDDEN");
            assertError(stats.handleRequest(HttpEvents.file("http-admin-stats.json")
                    .query(Map.of("tenant", "kotamobagu", "from", "2026-13-01")).build(), null),
                    400, "VALIDATION_FAILED", "from");
        }
    }
}
