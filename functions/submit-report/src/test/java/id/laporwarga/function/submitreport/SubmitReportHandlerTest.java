package id.laporwarga.function.submitreport;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** submit-report's handler on the in-memory ports, driven by the sample events of events/ (no emulator). */
class SubmitReportHandlerTest {
    static MemoryWorld world;
    static SubmitReportHandler handler;

    @BeforeAll
    static void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        SampleTenant.importRoster(world);
        handler = new SubmitReportHandler(MemoryContext.of(world, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    static APIGatewayV2HTTPEvent submission(String file) {
        return HttpEvents.file(file).header("idempotency-key", UUID.randomUUID().toString()).build();
    }

    @Test
    void theSampleSubmissionMakesOneCaseAndARetryReplaysIt() {
        APIGatewayV2HTTPEvent event = LambdaEvents.load("http-submit-report.json", APIGatewayV2HTTPEvent.class);
        int before = world.cases.byId.size();
        APIGatewayV2HTTPResponse first = call(event);
        JsonNode body = body(first, 201);
        String code = body.get("trackingCode").getStringValue();
        assertTrue(code.matches("KOT-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        assertEquals("AWAITING_PHOTOS", body.get("status").getStringValue());
        assertEquals("Menunggu foto", body.get("statusLabel").getStringValue());
        assertEquals("kotamobagu", body.get("tenant").getStringValue());
        assertEquals("Kotamobagu Utara", body.get("area").get("kecamatan").getStringValue());
        JsonNode upload = body.get("uploads").get(0);
        assertEquals("PUT", upload.get("method").getStringValue());
        assertEquals("p1", upload.get("photoId").getStringValue());
        assertEquals("image/jpeg", upload.get("headers").get("Content-Type").getStringValue());
        assertEquals("/v1/reports/" + code, first.getHeaders().get("Location"));
        assertFalse(first.getHeaders().containsKey("Idempotent-Replayed"));

        APIGatewayV2HTTPResponse retry = call(LambdaEvents.load("http-submit-report.json", APIGatewayV2HTTPEvent.class));
        assertEquals(body.get("caseId").getStringValue(), body(retry, 201).get("caseId").getStringValue());
        assertEquals("true", retry.getHeaders().get("Idempotent-Replayed"));
        assertEquals(before + 1, world.cases.byId.size(), "one case for one idempotency key");
    }

    @Test
    void anRtHeadsActivityReportIsFiledForTheRtOfTheTokenWithTwoUploads() {
        JsonNode body = body(call(submission("http-submit-rt-activity.json")), 201);
        ReportCase stored = world.cases.get(body.get("caseId").getStringValue());
        assertEquals(CaseKind.RT_ACTIVITY, stored.kind());
        assertEquals("71.74.01.1005-RT001", stored.rtId(), "from the token's custom:area");
        assertEquals("rt-head-biga-001", stored.history().get(0).actorId());
        assertEquals(2, body.get("uploads").size());
    }

    @Test
    void forgedRtActivityReportsAreRefusedAndStoreNothing() {
        int before = world.cases.byId.size();
        // no verified identity (API Gateway answers 401 first; the function refuses too)
        assertError(call(HttpEvents.file("http-submit-rt-activity.json").claims(null)
                .header("idempotency-key", UUID.randomUUID().toString()).build()), 401, "UNAUTHORIZED");
        // another RT's id in the body
        APIGatewayV2HTTPEvent other = submission("http-submit-rt-activity.json");
        other.setBody(other.getBody().replaceFirst("\\{", "{\"rtId\": \"71.74.01.1005-RT002\", "));
        assertError(call(other), 403, "FORBIDDEN");
        // a token for an RT that is not rostered, and a kelurahan official's token
        assertError(call(HttpEvents.file("http-submit-rt-activity.json").header("idempotency-key", "k-" + UUID.randomUUID())
                .claims(HttpEvents.claims("x", "RT_HEAD", "kotamobagu", "71.74.01.1005-RT999")).build()),
                422, "UNKNOWN_RT");
        assertError(call(HttpEvents.file("http-submit-rt-activity.json").header("idempotency-key", "k-" + UUID.randomUUID())
                .claims(HttpEvents.claims("x", "KELURAHAN", "kotamobagu", "71.74.01.1005")).build()), 403, "FORBIDDEN");
        // the public route no longer takes RT activity reports
        APIGatewayV2HTTPEvent anonymous = submission("http-submit-report.json");
        anonymous.setBody(anonymous.getBody().replace("\"COMPLAINT\"", "\"RT_ACTIVITY\"")
                .replaceFirst("\\{", "{\"rtId\": \"71.74.01.1005-RT001\", "));
        JsonNode refused = assertError(call(anonymous), 403, "RT_ROUTE_REQUIRED");
        assertTrue(refused.get("message").getStringValue().contains("POST /v1/rt/reports"));
        // a service request names the citizen's RT: it must be rostered
        APIGatewayV2HTTPEvent service = submission("http-submit-report.json");
        service.setBody(service.getBody().replaceFirst("\\{", "{\"rtId\": \"RT-MADE-UP\", "));
        assertError(call(service), 422, "UNKNOWN_RT");
        assertEquals(before, world.cases.byId.size(), "nothing stored");
    }

    @Test
    void theAnonymousSampleIsStoredWithoutTheReporterOnThePublicView() {
        JsonNode submitted = body(call(submission("http-submit-report-anonymous.json")), 201);
        APIGatewayV2HTTPEvent view = HttpEvents.file("http-get-public-report.json")
                .pathParameter("trackingCode", submitted.get("trackingCode").getStringValue()).build();
        APIGatewayV2HTTPResponse response = call(view);
        JsonNode publicView = body(response, 200);
        assertEquals("SAMPAH", publicView.get("category").getStringValue());
        assertEquals("Sampah dan Persampahan", publicView.get("categoryName").getStringValue());
        assertEquals("WITA", publicView.get("timeZone").getStringValue());
        assertEquals("kotamobagu", publicView.get("tenant").get("id").getStringValue());
        assertEquals("AWAITING_PHOTOS", publicView.get("history").get(0).get("status").getStringValue());
        assertNull(publicView.get("confidential"));
        assertNull(publicView.get("reasons"), "no verdict yet");
        assertFalse(response.getBody().contains("reporter"), response.getBody());
    }

    @Test
    void aConfidentialCaseShowsOnlyItsStatus() {
        APIGatewayV2HTTPEvent event = submission("http-submit-report.json");
        event.setBody(event.getBody().replace("\"PUBLIC\"", "\"CONFIDENTIAL\""));
        String code = body(call(event), 201).get("trackingCode").getStringValue();
        JsonNode view = body(call(HttpEvents.file("http-get-public-report.json").pathParameter("trackingCode", code)
                .build()), 200);
        assertTrue(view.get("confidential").getBooleanValue());
        for (String hidden : new String[] {"category", "area", "history", "kind", "createdAt", "tenant"}) {
            assertNull(view.get(hidden), hidden + " must not be shown: " + view);
        }
    }

    @Test
    void unknownOrMalformedTrackingCodesAre404() {
        assertError(call(LambdaEvents.load("http-get-public-report.json", APIGatewayV2HTTPEvent.class)), 404, "NOT_FOUND");
        assertError(call(HttpEvents.file("http-get-public-report.json").pathParameter("trackingCode", "..%2F..%2Fx")
                .build()), 404, "NOT_FOUND");
    }

    @Test
    void rejectedSamplesHaveTheirStableCodeAndStoreNothing() {
        int before = world.cases.byId.size();
        assertError(call(submission("http-submit-report-malformed.json")), 400, "MALFORMED_JSON");
        APIGatewayV2HTTPResponse outside = call(submission("http-submit-report-outside.json"));
        assertEquals("Lokasi berada di luar wilayah layanan.",
                assertError(outside, 422, "OUTSIDE_SERVICE_AREA").get("message").getStringValue());
        APIGatewayV2HTTPEvent english = HttpEvents.file("http-submit-report-outside.json")
                .header("accept-language", "en-US,en;q=0.9").build();
        assertEquals("The location is outside every service area.",
                assertError(call(english), 422, "OUTSIDE_SERVICE_AREA").get("message").getStringValue());
        assertError(call(HttpEvents.file("http-submit-report.json").header("idempotency-key", null).build()),
                400, "MISSING_IDEMPOTENCY_KEY");
        assertError(call(HttpEvents.file("http-submit-report.json").header("content-type", "text/plain").build()),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(before, world.cases.byId.size(), "nothing stored for rejected requests");
    }

    /**
     * Bodies that a lenient parser would read as a valid report (last duplicate key wins, a lone surrogate or a
     * replaced invalid byte in the description) are 400 MALFORMED_JSON, and nothing is stored.
     */
    @Test
    void duplicateKeysLoneSurrogatesAndInvalidUtf8AreMalformedAndStoreNothing() {
        String valid = LambdaEvents.load("http-submit-report.json", APIGatewayV2HTTPEvent.class).getBody();
        assertEquals(201, call(submission("http-submit-report.json")).getStatusCode(), "the sample itself is valid");
        int before = world.cases.byId.size();
        String duplicate = valid.replaceFirst("\\{", "{\"kind\":\"NOT_A_KIND\",");
        String surrogate = valid.replace("Sampah", "Sampah\\ud800");
        for (String body : java.util.List.of(duplicate, surrogate)) {
            assertError(call(HttpEvents.file("http-submit-report.json").body(body)
                    .header("idempotency-key", UUID.randomUUID().toString()).build()), 400, "MALFORMED_JSON");
        }
        byte[] bytes = valid.replace("Sampah", "Sampah\u00ff").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xC3 && bytes[i + 1] == (byte) 0xBF) { // ÿ -> an overlong, invalid sequence
                bytes[i] = (byte) 0xC0;
                bytes[i + 1] = (byte) 0xAF;
            }
        }
        APIGatewayV2HTTPEvent invalidUtf8 = HttpEvents.file("http-submit-report.json")
                .body(java.util.Base64.getEncoder().encodeToString(bytes))
                .header("idempotency-key", UUID.randomUUID().toString()).build();
        invalidUtf8.setIsBase64Encoded(true);
        assertError(call(invalidUtf8), 400, "MALFORMED_JSON");
        assertEquals(before, world.cases.byId.size(), "nothing stored for malformed bodies");
    }

    @Test
    void theContractIsServedAsKeptInTheRepository() throws Exception {
        APIGatewayV2HTTPResponse r = call(HttpEvents.request("GET", "/v1/openapi.json").build());
        JsonNode doc = body(r, 200);
        assertEquals("public, max-age=300", r.getHeaders().get("Cache-Control"));
        assertEquals("3.1.0", doc.get("openapi").getStringValue());
        String kept = java.nio.file.Files.readString(id.laporwarga.testkit.RepositoryFiles.resolve("docs/openapi.json"));
        JsonNode repository = io.micronaut.json.JsonMapper.createDefault().readValue(kept, JsonNode.class);
        assertEquals(repository, doc, "the served document is docs/openapi.json");
        assertTrue(doc.get("paths").get("/v1/openapi.json") != null, "the document lists its own route");
    }

    @Test
    void theCatalogueFeedsTheAppsPickers() {
        JsonNode tenants = body(call(LambdaEvents.load("http-list-tenants.json", APIGatewayV2HTTPEvent.class)), 200);
        assertEquals("kotamobagu", tenants.get("items").get(0).get("id").getStringValue());
        assertEquals("Asia/Makassar", tenants.get("items").get(0).get("timeZone").getStringValue());
        assertEquals("WITA", tenants.get("items").get(0).get("timeZoneAbbreviation").getStringValue());

        JsonNode categories = body(call(LambdaEvents.load("http-list-categories.json", APIGatewayV2HTTPEvent.class)), 200);
        assertEquals("kotamobagu", categories.get("tenant").getStringValue());
        JsonNode items = categories.get("items");
        boolean sawPln = false;
        for (int i = 0; i < items.size(); i++) {
            JsonNode c = items.get(i);
            JsonNode kinds = c.get("kinds");
            boolean complaint = false;
            for (int k = 0; k < kinds.size(); k++) {
                complaint |= "COMPLAINT".equals(kinds.get(k).getStringValue());
            }
            assertTrue(complaint, "?kind=COMPLAINT lists complaint categories only: " + c);
            if ("LISTRIK_PLN".equals(c.get("code").getStringValue())) {
                assertTrue(c.get("external").getBooleanValue());
                sawPln = true;
            }
        }
        assertTrue(sawPln, "PLN is listed as an external institution");
        assertError(call(HttpEvents.file("http-list-categories.json").pathParameter("tenantId", "atlantis").build()),
                404, "NOT_FOUND");
        JsonNode unknownKind = assertError(call(HttpEvents.file("http-list-categories.json")
                .query(java.util.Map.of("kind", "NOPE")).build()), 400, "VALIDATION_FAILED");
        assertTrue(unknownKind.get("fields").get("kind").getStringValue().contains("COMPLAINT"), unknownKind.toString());
    }

    /** Submits the sample with {@code privacy}, then stores it as {@code change} makes it (as the functions would). */
    static String storedSample(String privacy, java.util.function.Function<ReportCase, ReportCase> change) {
        APIGatewayV2HTTPEvent event = submission("http-submit-report.json");
        event.setBody(event.getBody().replace("\"PUBLIC\"", "\"" + privacy + "\""));
        JsonNode submitted = body(call(event), 201);
        world.cases.put(change.apply(world.cases.get(submitted.get("caseId").getStringValue())));
        return submitted.get("trackingCode").getStringValue();
    }

    /** Submits the sample with {@code privacy}, then lets the agency resolve it (as review-step would store it). */
    static String resolvedSample(String privacy, String note) {
        return storedSample(privacy, c -> {
            java.time.Instant at = c.createdAt().plusSeconds(3600);
            java.util.List<HistoryEntry> history = new java.util.ArrayList<>(c.history());
            history.add(new HistoryEntry(at, "dlh-1", "AGENCY_STAFF", "resolve", CaseStatus.IN_PROGRESS,
                    CaseStatus.RESOLVED, note));
            // the EXIF-stripped copies of two resolution photos (an earlier resolve's, the latest's), as verify-geotag
            // makes them; the original attachment is never linked
            String views = "views/" + c.tenantId() + "/" + c.caseId() + "/";
            world.objects.objects.put(views + "resolution-v3-current.jpg", new byte[] {1});
            world.objects.objects.put(views + "resolution-v12-current.jpg", new byte[] {2});
            world.objects.objects.put("attachments/" + c.tenantId() + "/" + c.caseId() + "/resolution-v12.jpg",
                    new byte[] {3});
            return c.toBuilder().status(CaseStatus.RESOLVED).history(history).updatedAt(at).build();
        });
    }

    @Test
    void aReferredComplaintShowsTheInstitutionsContactAndAdviceUnlessItIsConfidential() {
        java.util.function.Function<ReportCase, ReportCase> referToPln = c -> c.toBuilder()
                .status(CaseStatus.REFERRED_EXTERNAL).assignment(new id.laporwarga.domain.report.Assignment("pln",
                        "PT PLN (Persero) UP3 Kotamobagu", true, c.createdAt(), null, java.util.List.of())).build();
        JsonNode referral = publicView(storedSample("PUBLIC", referToPln)).get("referral");
        assertEquals("PT PLN (Persero) UP3 Kotamobagu", referral.get("institution").getStringValue());
        assertTrue(referral.get("contact").getStringValue().contains("123"), referral.toString());
        assertTrue(referral.get("advice").getStringValue().startsWith("Laporkan gangguan"), referral.toString());
        assertNull(publicView(storedSample("CONFIDENTIAL", referToPln)).get("referral"));
    }

    static JsonNode publicView(String trackingCode) {
        return body(call(HttpEvents.file("http-get-public-report.json").pathParameter("trackingCode", trackingCode)
                .build()), 200);
    }

    @Test
    void aResolvedComplaintShowsWhatTheAgencyDidUnlessItIsConfidential() {
        String note = "Sampah sudah diangkut truk DLH; lokasi sudah bersih.";
        JsonNode resolution = publicView(resolvedSample("PUBLIC", note)).get("resolution");
        assertEquals(note, resolution.get("note").getStringValue());
        assertTrue(resolution.get("atLocal").getStringValue().endsWith("WITA"), resolution.toString());
        assertTrue(resolution.get("photoUrl").getStringValue().contains("/views/kotamobagu/")
                && resolution.get("photoUrl").getStringValue().contains("/resolution-v12-current.jpg"),
                resolution.toString());
        JsonNode confidential = publicView(resolvedSample("CONFIDENTIAL", note));
        assertNull(confidential.get("resolution"), confidential.toString());
        assertFalse(confidential.toString().contains("diangkut"));
        assertFalse(confidential.toString().contains("views/"), confidential.toString());
    }

    @Test
    void theRtActivityAndServiceRequestPickersOfferNoComplaintCategory() {
        for (String kind : new String[] {"RT_ACTIVITY", "SERVICE_REQUEST"}) {
            JsonNode items = body(call(HttpEvents.file("http-list-categories.json")
                    .query(java.util.Map.of("kind", kind)).build()), 200).get("items");
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                codes.add(items.get(i).get("code").getStringValue());
            }
            for (String complaint : new String[] {"SAMPAH", "PARKIR_LIAR", "JALAN_RUSAK", "AIR_PDAM", "LISTRIK_PLN",
                    "KETERTIBAN_UMUM"}) {
                assertFalse(codes.contains(complaint), kind + " picker offers " + complaint + ": " + codes);
            }
            assertTrue(codes.contains("RT_ACTIVITY".equals(kind) ? "GOTONG_ROYONG" : "SURAT_DOMISILI"), codes.toString());
        }
    }
}
