package id.laporwarga.function.reviewstep;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.platform.testing.HttpAnswers;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** review-step's handlers on the in-memory ports, driven by the sample events of events/ (no emulator). */
class ReviewStepHandlerTest {
    /** The case and tracking code the sample events name; the reporter's secret of the citizen samples. */
    static final String CASE_ID = "6f1c2b7e-2d4a-4f7e-9a51-0c3d8e9f1a22";
    static final String CODE = "KOT-7K3M-9QXD";
    static final String SECRET = "Q2hhbmdlLXRoaXMtc2VjcmV0";
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final AreaRef MOTOBOI_BESAR = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1007", "Motoboi Besar",
            AreaRef.KelurahanMatch.INSIDE);

    MemoryWorld world;
    ReviewApiHandler api;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        api = new ReviewApiHandler(MemoryContext.of(world, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    ReportCase seed(CaseKind kind, CaseStatus status, long version, String category, String agencyId, Privacy privacy) {
        Instant created = NOW.minus(Duration.ofDays(1));
        // as a submission stores it: the contact in its own item, none on the case
        world.cases.contacts.put(CASE_ID, new Reporter("Rahmat", "+6285298765432", null));
        PhotoCheck check = new PhotoCheck(id.laporwarga.domain.report.Verdict.PASS, null, null, null, created, 0, created)
                .pinned("v1", "etag-1", "views/kotamobagu/" + CASE_ID + "/p1-v1.jpg");
        return world.cases.put(ReportCase.builder().caseId(CASE_ID).tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode(CODE).kind(kind).category(category).description("Laporan contoh")
                .location(new GeoPoint(0.7117, 124.3419)).area(MOTOBOI_BESAR)
                .rtId(kind == CaseKind.COMPLAINT ? null : "71.74.02.1007-RT001").privacy(privacy)
                .reporter(new Reporter("Rahmat", "+6285298765432", null).withoutContact())
                .photos(List.of(new Photo("p1", "image/jpeg", 1000, "photos/kotamobagu/" + CASE_ID + "/p1.jpg", check)))
                .status(status).submittedAt(created).version(version).deadlineAt(NOW.plus(Duration.ofDays(2)))
                .assignment(agencyId == null ? null : new Assignment(agencyId, agencyId, false, created, null, List.of()))
                .citizenSecretHash(MemoryContext.REPORTER_SECRETS.verifier(SECRET)).requestHash("r").build());
    }

    APIGatewayV2HTTPResponse call(String file) {
        return api.handleRequest(LambdaEvents.load(file, APIGatewayV2HTTPEvent.class), null);
    }

    @Test
    void theKelurahanApprovesTheSampleActivityOnceAndAStaleVersionIsAConflict() {
        seed(CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, 3, "GOTONG_ROYONG", "kelurahan:71.74.02.1007",
                Privacy.PUBLIC);

        JsonNode inbox = body(call("http-review-inbox-kelurahan.json"), 200);
        assertEquals(CASE_ID, inbox.get("items").get(0).get("caseId").getStringValue());
        assertEquals("approve", inbox.get("items").get(0).get("actions").get(0).getStringValue());

        JsonNode approved = body(call("http-review-action-approve-kelurahan.json"), 200);
        assertEquals("KECAMATAN_REVIEW", approved.get("status").getStringValue());
        assertEquals(4, approved.get("version").getLongValue());
        JsonNode last = approved.get("history").get(1);
        assertEquals("kel-motoboi-besar", last.get("actorId").getStringValue());
        assertEquals("Kegiatan sesuai foto", last.get("note").getStringValue());
        // the move's event, written with it (the outbox relay publishes it)
        List<OutboxEvent> events = world.cases.outbox(OutboxEvent.Channel.CASE_EVENTS);
        assertEquals(List.of(CASE_ID + "#case.step_entered#4"), events.stream().map(OutboxEvent::eventId).toList());
        assertEquals("approve", events.get(0).body().get("move"));
        assertEquals("KECAMATAN_REVIEW", events.get(0).attributes().get("status"));

        assertError(call("http-review-action-approve-kelurahan.json"), 409, "VERSION_CONFLICT");
        assertError(api.handleRequest(HttpEvents.file("http-review-action-approve-kelurahan.json").claims(null).build(),
                null), 401, "UNAUTHORIZED");
    }

    @Test
    void theCityAdminForwardsATriagedComplaintToDishub() {
        seed(CaseKind.COMPLAINT, CaseStatus.TRIAGE, 2, "LAINNYA", "kominfo", Privacy.PUBLIC);
        JsonNode routed = body(call("http-review-action-forward-admin.json"), 200);
        assertEquals("ROUTED", routed.get("status").getStringValue());
        assertEquals("dishub", routed.get("assignment").get("agencyId").getStringValue());
        assertEquals("PARKIR_LIAR", routed.get("category").getStringValue());
    }

    /** A CONFIDENTIAL reporter: the agency, the kelurahan and the kecamatan see no identity; the city admin does. */
    @Test
    void aConfidentialReporterIsShownToTheCityAdminOnly() {
        seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, 4, "PARKIR_LIAR", "dishub", Privacy.CONFIDENTIAL);
        for (java.util.Map<String, String> claims : List.of(
                HttpEvents.claims("dishub-1", "AGENCY_STAFF", "kotamobagu", "dishub"),
                HttpEvents.claims("kel-1", "KELURAHAN", "kotamobagu", MOTOBOI_BESAR.kelurahanCode()),
                HttpEvents.claims("kec-1", "KECAMATAN", "kotamobagu", MOTOBOI_BESAR.kecamatanCode()))) {
            APIGatewayV2HTTPResponse r = api.handleRequest(HttpEvents.file("http-review-get-case-agency.json")
                    .claims(claims).build(), null);
            JsonNode view = body(r, 200);
            assertNull(view.get("reporter"), claims.toString());
            assertTrue(!r.getBody().contains("Rahmat") && !r.getBody().contains("85298765432"), claims.toString());
        }
        APIGatewayV2HTTPResponse admin = api.handleRequest(HttpEvents.file("http-review-get-case-agency.json")
                .claims(HttpEvents.claims("admin-1", "CITY_ADMIN", "kotamobagu", null)).build(), null);
        JsonNode view = body(admin, 200);
        assertEquals("Rahmat", view.get("reporter").get("name").getStringValue());
        assertTrue(view.get("photos").get(0).get("originalUrl").getStringValue().contains("/p1.jpg"),
                "the city admin's audit link is the original");
    }

    @Test
    void dishubSeesItsCaseWithPhotoLinksAndAttachmentsButNotAnAnonymousReporter() {
        seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, 4, "PARKIR_LIAR", "dishub", Privacy.ANONYMOUS);
        String attachment = "attachments/kotamobagu/" + CASE_ID + "/a1.jpg";
        world.objects.objects.put(attachment, new byte[] {1});

        APIGatewayV2HTTPResponse response = call("http-review-get-case-agency.json");
        JsonNode view = body(response, 200);
        assertEquals(CODE, view.get("trackingCode").getStringValue());
        // the agency gets the EXIF-stripped copy of the pinned version, never the original
        assertTrue(view.get("photos").get(0).get("url").getStringValue().endsWith("/p1-v1.jpg?download"));
        assertNull(view.get("photos").get(0).get("originalUrl"));
        assertEquals("a1.jpg", view.get("attachments").get(0).get("name").getStringValue());
        assertEquals("WITA", view.get("createdAt").get("display").getStringValue().substring(
                view.get("createdAt").get("display").getStringValue().length() - 4));
        assertNull(view.get("reporter"), "an anonymous reporter is hidden from the agency");
        assertTrue(view.get("timings").get("tiers").isArray());
        assertTrue(!response.getBody().contains("Rahmat") && !response.getBody().contains("85298765432"));

        assertError(api.handleRequest(HttpEvents.file("http-review-get-case-agency.json")
                .claims(HttpEvents.claims("dlh-1", "AGENCY_STAFF", "kotamobagu", "dlh")).build(), null), 403, "FORBIDDEN");
    }

    @Test
    void dishubResolvesWithAPhotoUploadLink() {
        seed(CaseKind.COMPLAINT, CaseStatus.IN_PROGRESS, 5, "PARKIR_LIAR", "dishub", Privacy.PUBLIC);
        JsonNode resolved = body(call("http-review-action-resolve-with-photo.json"), 200);
        assertEquals("RESOLVED", resolved.get("status").getStringValue());
        assertTrue(resolved.get("upload").get("url").getStringValue().contains("attachments/kotamobagu/" + CASE_ID + "/"));
    }

    @Test
    void theReporterConfirmsOrReopensWithTheirSecretOnly() {
        seed(CaseKind.COMPLAINT, CaseStatus.RESOLVED, 6, "PARKIR_LIAR", "dishub", Privacy.PUBLIC);
        assertError(api.handleRequest(HttpEvents.file("http-review-reopen-citizen.json")
                .body("{\"secret\":\"not-the-secret\",\"reason\":\"x\"}").build(), null), 403, "FORBIDDEN");
        JsonNode reopened = body(call("http-review-reopen-citizen.json"), 200);
        assertEquals("REOPENED", reopened.get("status").getStringValue());
        assertEquals(CODE, reopened.get("trackingCode").getStringValue());

        world.cases.put(world.cases.get(CASE_ID).transition(CaseStatus.RESOLVED, "resolve", "dishub-1", "AGENCY_STAFF",
                null, NOW, null));
        JsonNode closed = body(call("http-review-confirm-citizen.json"), 200);
        assertEquals("CLOSED", closed.get("status").getStringValue());
        assertError(api.handleRequest(HttpEvents.file("http-review-confirm-citizen.json")
                .pathParameter("trackingCode", "not-a-code").build(), null), 404, "NOT_FOUND");
    }

    /** The desk asks the reporter (NEEDS_INFO), the reporter answers at /reply with the secret, DLH hands it back. */
    @Test
    void theDeskAsksTheReporterWhoRepliesAndTheAgencyHandsTheCaseBack() {
        seed(CaseKind.COMPLAINT, CaseStatus.TRIAGE, 2, "LAINNYA", "kominfo", Privacy.PUBLIC);
        JsonNode asked = body(api.handleRequest(HttpEvents.file("http-review-action-forward-admin.json")
                .body("{\"action\": \"ask\", \"expectedVersion\": 2, \"note\": \"Di depan toko apa?\"}").build(),
                null), 200);
        assertEquals("NEEDS_INFO", asked.get("status").getStringValue());
        java.util.function.Function<String, APIGatewayV2HTTPEvent> reply = body -> {
            APIGatewayV2HTTPEvent e = HttpEvents.file("http-review-reopen-citizen.json")
                    .path("/v1/reports/" + CODE + "/reply").body(body).build();
            e.setRouteKey("POST /v1/reports/{trackingCode}/reply");
            return e;
        };
        assertError(api.handleRequest(reply.apply("{\"secret\": \"not-the-secret\", \"answer\": \"x\"}"), null),
                403, "FORBIDDEN");
        JsonNode resumed = body(api.handleRequest(reply.apply("{\"secret\": \"" + SECRET
                + "\", \"answer\": \"Di depan toko emas.\"}"), null), 200);
        assertEquals("TRIAGE", resumed.get("status").getStringValue());
        assertEquals("Di depan toko emas.", world.cases.get(CASE_ID).history().getLast().note());

        JsonNode routed = body(api.handleRequest(HttpEvents.file("http-review-action-forward-admin.json")
                .body("{\"action\": \"forward\", \"expectedVersion\": 4, \"agencyId\": \"dishub\"}").build(), null), 200);
        assertEquals("ROUTED", routed.get("status").getStringValue());
        JsonNode back = body(api.handleRequest(HttpEvents.file("http-review-action-forward-admin.json")
                .claims(Map.of("sub", "dishub-staf-1", "custom:role", "AGENCY_STAFF", "custom:tenant", "kotamobagu",
                        "custom:area", "dishub"))
                .body("{\"action\": \"handback\", \"expectedVersion\": 5, \"note\": \"Bukan wewenang Dishub.\"}")
                .build(), null), 200);
        assertEquals("TRIAGE", back.get("status").getStringValue());
        assertEquals("kominfo", back.get("assignment").get("agencyId").getStringValue());
        assertEquals(List.of("case.needs_info", "case.info_provided", "case.rerouted", "case.handed_back"),
                world.cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream().map(OutboxEvent::eventType)
                        .filter(t -> !t.equals("case.status_changed")).toList().subList(0, 4),
                "the moves' events are outbox items of their writes");
    }

    @Test
    void theCityAdminGetsTheMeasuredServiceTimes() {
        Instant submitted = Instant.parse("2026-11-10T01:00:00Z");
        ReportCase issued = ReportCase.builder().caseId("sr-1").tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode("KOT-SR11-AAAA").kind(CaseKind.SERVICE_REQUEST).category("SURAT_DOMISILI")
                .area(MOTOBOI_BESAR).rtId("71.74.02.1007-RT001").privacy(Privacy.PUBLIC)
                .status(CaseStatus.RT_APPROVAL).submittedAt(submitted).citizenSecretHash("h").requestHash("r").build()
                .transition(CaseStatus.KELURAHAN_PROCESSING, "approve", "rt-1", "RT_HEAD", null,
                        submitted.plus(Duration.ofMinutes(10)), null)
                .transition(CaseStatus.KECAMATAN_ISSUED, "issue", "kec-1", "KECAMATAN", null,
                        submitted.plus(Duration.ofMinutes(40)), null);
        world.cases.put(issued);

        JsonNode figure = body(call("http-review-service-times-admin.json"), 200);
        assertEquals(1, figure.get("cases").getIntValue());
        assertEquals(45, figure.get("targetMinutes").getIntValue());
        assertEquals(40.0, figure.get("endToEnd").get("medianMinutes").getDoubleValue());
        assertEquals(10.0, figure.get("tiers").get("RT_APPROVAL").get("medianMinutes").getDoubleValue());
        assertError(api.handleRequest(HttpEvents.file("http-review-service-times-admin.json")
                .claims(HttpEvents.claims("kec-1", "KECAMATAN", "kotamobagu", "71.74.02")).build(), null), 403, "FORBIDDEN");
    }

    @Test
    void theScheduledEscalationAlertsOnceAboutAnOverdueStep() {
        world.cases.put(seed(CaseKind.COMPLAINT, CaseStatus.ROUTED, 4, "SAMPAH", "dlh", Privacy.PUBLIC).toBuilder()
                .deadlineAt(NOW.minus(Duration.ofHours(1))).build());
        try (EscalationHandler escalation = new EscalationHandler(MemoryContext.of(world, Clock.fixed(NOW, ZoneOffset.UTC)))) {
            SQSEvent job = LambdaEvents.load("sqs-escalation-job.json", SQSEvent.class);
            assertEquals(List.of(), escalation.handleRequest(job, null).getBatchItemFailures());
            assertEquals(List.of(), escalation.handleRequest(job, null).getBatchItemFailures());
        }
        assertTrue(world.cases.get(CASE_ID).overdue());
        List<OutboxEvent> alerts = world.cases.outbox(OutboxEvent.Channel.SUPERVISOR_ALERTS);
        assertEquals(1, alerts.size(), "one alert per case and deadline");
        assertEquals(CASE_ID, alerts.get(0).caseId());
        assertEquals("ROUTED", alerts.get(0).attributes().get("status"));
        assertEquals(List.of("case.overdue"), world.cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream()
                .map(OutboxEvent::eventType).toList());
    }
}
