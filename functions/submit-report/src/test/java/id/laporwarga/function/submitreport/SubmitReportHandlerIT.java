package id.laporwarga.function.submitreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.tenantadmin.TenantAdminHandler;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * submit-report against the real emulators (DynamoDB Local, moto S3), driven by the sample events in events/.
 * The test may scan the table to count what was stored; the function itself never scans.
 */
@Tag("emulator")
class SubmitReportHandlerIT {
    static ProvisionedStack stack;
    static SubmitReportHandler handler;
    static TenantAdminHandler admin;
    static final JsonMapper JSON = JsonMapper.createDefault();

    @BeforeAll
    static void start() {
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        stack = StackProvisioner.provision(template, "sr-" + UUID.randomUUID().toString().substring(0, 8), LocalAws.shared());
        SampleTenants.onboard(stack, SampleTenants.KOTAMOBAGU);
        handler = new SubmitReportHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("SubmitReportFunction"))));
        admin = new TenantAdminHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("TenantAdminFunction"))));
    }

    @AfterAll
    static void stop() {
        handler.close();
        admin.close();
    }

    static APIGatewayV2HTTPEvent event(String file) {
        return LambdaEvents.load(file, APIGatewayV2HTTPEvent.class);
    }

    static APIGatewayV2HTTPEvent submitEvent(String idempotencyKey, String body) {
        HttpEvents.Builder e = HttpEvents.file("http-submit-report.json").header("idempotency-key", idempotencyKey);
        return (body == null ? e : e.body(body)).build();
    }

    static String body(String file) throws Exception {
        return event(file).getBody();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readValue(response.getBody().getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        return handler.handleRequest(e, null);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    static int caseItems() {
        return (int) stack.aws().dynamoDb().scanPaginator(ScanRequest.builder().tableName(stack.table("CasesTable"))
                        .filterExpression("begins_with(pk, :c) OR begins_with(pk, :i) OR begins_with(pk, :t)")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CASE#"),
                                ":i", AttributeValue.fromS("IDEMPOTENCY#"), ":t", AttributeValue.fromS("CODE#")))
                        .build())
                .items().stream().count();
    }

    static int objects() {
        return stack.aws().s3().listObjectsV2(r -> r.bucket(stack.bucket("PhotosBucket"))).keyCount();
    }

    @Test
    void aValidReportGetsATrackingCodeAndAPresignedUrlThatAcceptsAJpeg() throws Exception {
        APIGatewayV2HTTPResponse response = call(submitEvent(newKey(), null));
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        String code = body.get("trackingCode").getStringValue();
        assertTrue(code.matches("KOT-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        assertEquals("AWAITING_PHOTOS", body.get("status").getStringValue());
        assertEquals("Biga", body.get("area").get("kelurahan").getStringValue());
        JsonNode upload = body.get("uploads").get(0);
        assertEquals("PUT", upload.get("method").getStringValue());

        byte[] jpeg = RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg");
        HttpURLConnection put = (HttpURLConnection) URI.create(upload.get("url").getStringValue()).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setRequestProperty("Content-Type", "image/jpeg");
        put.getOutputStream().write(jpeg);
        assertEquals(200, put.getResponseCode());
        String key = "photos/kotamobagu/" + body.get("caseId").getStringValue() + "/p1.jpg";
        assertEquals(jpeg.length, stack.aws().s3().headObject(r -> r.bucket(stack.bucket("PhotosBucket")).key(key)).contentLength());

        JsonNode publicView = json(call(viewEvent(code)));
        assertEquals(code, publicView.get("trackingCode").getStringValue());
        assertEquals("Kotamobagu Utara", publicView.get("area").get("kecamatan").getStringValue());
        assertEquals("WITA", publicView.get("timeZone").getStringValue());
        assertFalse(publicView.toString().contains("Budi"), "the public view never names the reporter");
        assertFalse(publicView.toString().contains("081234567890"));
    }

    @Test
    void twentyConcurrentRetriesOfOneSubmissionMakeExactlyOneCase() throws Exception {
        int before = caseItems();
        String key = newKey();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> call(submitEvent(key, null)));
            }
            Set<String> caseIds = new HashSet<>();
            Set<String> secrets = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> f : pool.invokeAll(calls)) {
                APIGatewayV2HTTPResponse r = f.get();
                assertEquals(201, r.getStatusCode(), r.getBody());
                caseIds.add(json(r).get("caseId").getStringValue());
                secrets.add(json(r).get("reporterSecret").getStringValue());
            }
            assertEquals(1, caseIds.size(), "one case for one idempotency key");
            assertEquals(1, secrets.size());
            assertEquals(before + 3, caseItems(), "one case, one tracking code and one idempotency record");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() throws Exception {
        String key = newKey();
        assertEquals(201, call(submitEvent(key, null)).getStatusCode());
        int before = caseItems();
        APIGatewayV2HTTPResponse r = call(submitEvent(key, body("http-submit-report-anonymous.json")));
        assertError(r, 409, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(before, caseItems());
    }

    @Test
    void everyRejectedRequestHasItsStableCodeAndLeavesNothingBehind() throws Exception {
        int itemsBefore = caseItems();
        int objectsBefore = objects();
        String valid = body("http-submit-report.json");

        assertError(call(submitEvent(newKey(), valid.replace("\"SAMPAH\"", "\"\"").replace("\"COMPLAINT\"", "\"KELUHAN\""))),
                400, "VALIDATION_FAILED", "kind", "category");
        assertError(call(submitEvent(newKey(), valid.replace("\"lat\": 0.749865", "\"lat\": \"north\""))),
                400, "VALIDATION_FAILED", "location.lat");
        assertError(call(event("http-submit-report-malformed.json")), 400, "MALFORMED_JSON");
        assertError(call(submitEvent(null, valid)), 400, "MISSING_IDEMPOTENCY_KEY");
        assertError(call(submitEvent(newKey(), valid.replace("245760", "20971520"))), 413, "PAYLOAD_TOO_LARGE");
        assertError(call(submitEvent(newKey(), "{\"description\":\"" + "x".repeat(300_000) + "\"}")), 413, "PAYLOAD_TOO_LARGE");
        assertError(call(submitEvent(newKey(), valid.replace("image/jpeg", "application/pdf"))), 415, "UNSUPPORTED_MEDIA_TYPE");
        APIGatewayV2HTTPEvent form = submitEvent(newKey(), valid);
        Map<String, String> headers = new HashMap<>(form.getHeaders());
        headers.put("content-type", "application/x-www-form-urlencoded");
        form.setHeaders(headers);
        assertError(call(form), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(call(event("http-submit-report-outside.json")), 422, "OUTSIDE_SERVICE_AREA");
        assertError(call(submitEvent(newKey(), valid.replace("\"SAMPAH\"", "\"BANJIR_BANDANG\""))), 422, "UNKNOWN_CATEGORY");

        assertEquals(itemsBefore, caseItems(), "no item written for rejected requests");
        assertEquals(objectsBefore, objects(), "no object written for rejected requests");
    }

    @Test
    void messagesAreIndonesianUnlessTheClientAsksForEnglish() throws Exception {
        APIGatewayV2HTTPEvent outside = event("http-submit-report-outside.json");
        assertEquals("Lokasi berada di luar wilayah layanan.", json(call(outside)).get("error").get("message").getStringValue());
        Map<String, String> headers = new HashMap<>(outside.getHeaders());
        headers.put("accept-language", "en-US,en;q=0.9");
        outside.setHeaders(headers);
        assertEquals("The location is outside every service area.",
                json(call(outside)).get("error").get("message").getStringValue());
    }

    @Test
    void anonymousCasesHideTheReporterAndConfidentialOnesShowOnlyTheirStatus() throws Exception {
        String valid = body("http-submit-report.json");
        JsonNode anonymous = json(call(submitEvent(newKey(), valid.replace("\"PUBLIC\"", "\"ANONYMOUS\""))));
        JsonNode confidential = json(call(submitEvent(newKey(), valid.replace("\"PUBLIC\"", "\"CONFIDENTIAL\""))));

        JsonNode anonymousView = json(call(viewEvent(anonymous.get("trackingCode").getStringValue())));
        String text = anonymousView.toString();
        assertFalse(text.contains("Budi") || text.contains("081234567890"), text);
        assertEquals("SAMPAH", anonymousView.get("category").getStringValue());

        JsonNode confidentialView = json(call(viewEvent(confidential.get("trackingCode").getStringValue())));
        assertEquals("AWAITING_PHOTOS", confidentialView.get("status").getStringValue());
        assertTrue(confidentialView.get("confidential").getBooleanValue());
        for (String hidden : List.of("category", "area", "history", "kind", "createdAt", "tenant")) {
            assertTrue(confidentialView.get(hidden) == null, hidden + " must not be shown: " + confidentialView);
        }
    }

    @Test
    void unknownTrackingCodesAre404() throws Exception {
        assertError(call(viewEvent("KOT-2222-2222")), 404, "NOT_FOUND");
        assertError(call(viewEvent("../../etc/passwd")), 404, "NOT_FOUND");
    }

    @Test
    void theTenantCatalogueFeedsTheAppsPickers() throws Exception {
        JsonNode tenants = json(call(event("http-list-tenants.json")));
        assertEquals("kotamobagu", tenants.get("items").get(0).get("id").getStringValue());
        assertEquals("WITA", tenants.get("items").get(0).get("timeZoneAbbreviation").getStringValue());
        JsonNode categories = json(call(event("http-list-categories.json"))).get("items");
        boolean sawExternal = false;
        for (int i = 0; i < categories.size(); i++) {
            JsonNode c = categories.get(i);
            assertNotNull(c.get("name").getStringValue());
            if ("LISTRIK_PLN".equals(c.get("code").getStringValue())) {
                assertTrue(c.get("external").getBooleanValue());
                sawExternal = true;
            }
            for (int k = 0; k < c.get("kinds").size(); k++) {
                assertTrue(Set.of("COMPLAINT").contains(c.get("kinds").get(k).getStringValue())
                        || c.get("kinds").size() > 1, "kind filter: " + c);
            }
        }
        assertTrue(sawExternal, "PLN is listed as an external institution");
    }

    static APIGatewayV2HTTPEvent viewEvent(String code) {
        return HttpEvents.file("http-get-public-report.json").pathParameter("trackingCode", code).build();
    }

    static void assertError(APIGatewayV2HTTPResponse r, int status, String code, String... fields) throws Exception {
        assertEquals(status, r.getStatusCode(), r.getBody());
        JsonNode error = json(r).get("error");
        assertEquals(code, error.get("code").getStringValue(), r.getBody());
        assertFalse(error.get("message").getStringValue().isBlank());
        for (String field : fields) {
            assertNotNull(error.get("fields").get(field), "field error for " + field + ": " + r.getBody());
        }
        assertFalse(r.getBody().contains("Exception"), "no stack trace or exception name in " + r.getBody());
    }

    static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** A report of the same category 20 m from an open one is offered it, found through ByCell: no Scan. */
    @Test
    void aReportNextToAnOpenOneOfTheSameCategoryIsOfferedItThroughTheIndex() throws Exception {
        String near = "{\"kind\": \"COMPLAINT\", \"category\": \"JALAN_RUSAK\", \"description\": \"Jalan berlubang "
                + "besar di depan Pasar Serasi.\", \"location\": {\"lat\": %s, \"lon\": 124.322505}, \"photos\": "
                + "[{\"contentType\": \"image/jpeg\", \"sizeBytes\": 245760}]}";
        JsonNode first = json(call(submitEvent(newKey(), near.formatted("0.749865"))));
        long scans = id.laporwarga.platform.aws.AwsCallRecorder.count("DynamoDb.Scan");
        long queries = id.laporwarga.platform.aws.AwsCallRecorder.count("DynamoDb.Query");
        APIGatewayV2HTTPResponse second = call(submitEvent(newKey(), near.formatted("0.750045")));
        assertEquals(201, second.getStatusCode(), second.getBody());
        JsonNode offered = json(second).get("possibleDuplicates");
        assertEquals(first.get("trackingCode").getStringValue(), offered.get(0).get("trackingCode").getStringValue());
        assertEquals(20, offered.get(0).get("distanceMeters").getLongValue(), 1);
        assertEquals(scans, id.laporwarga.platform.aws.AwsCallRecorder.count("DynamoDb.Scan"), "never a scan");
        assertTrue(id.laporwarga.platform.aws.AwsCallRecorder.count("DynamoDb.Query") >= queries + 1,
                "one query per grid cell the 50 m circle touches");
        JsonNode other = json(call(submitEvent(newKey(), near.formatted("0.760000")))); // 1.2 km away
        assertEquals(0, other.get("possibleDuplicates").size());
    }

    /** An aspirasi without place or photo: filed with the tenant's id, screened by the triage desk. */
    @Test
    void anAspirasiWithoutPlaceOrPhotoIsFiledForTheNamedTenant() throws Exception {
        APIGatewayV2HTTPResponse response = call(submitEvent(newKey(), "{\"kind\": \"COMPLAINT\", \"category\": "
                + "\"SARAN\", \"tenantId\": \"kotamobagu\", \"channel\": \"WEB\", \"description\": \"Mohon "
                + "ditambah lampu penerangan di taman kota.\"}"));
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("TRIAGE", body.get("status").getStringValue());
        assertEquals(0, body.get("uploads").size());
        JsonNode view = json(call(viewEvent(body.get("trackingCode").getStringValue())));
        assertEquals("ASPIRASI", view.get("reportClass").getStringValue());
        assertEquals(400, call(submitEvent(newKey(), "{\"kind\": \"COMPLAINT\", \"category\": \"SAMPAH\", "
                + "\"tenantId\": \"kotamobagu\", \"description\": \"Sampah menumpuk di pasar.\"}")).getStatusCode(),
                "a pothole-like category still needs its place and photo");
    }
}
