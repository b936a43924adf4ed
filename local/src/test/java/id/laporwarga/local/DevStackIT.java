package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.testfns.TickHandler;
import id.laporwarga.local.testfns.WorkerHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The runner on a small test template: the HTTP bridge, SQS event sources with partial failures and DLQ, schedules. */
@Tag("emulator")
@Timeout(120)
class DevStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static DevStack local;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(DevStackIT.class.getResource("/local-test-template.yaml").toURI());
        local = DevStack.start(DevStackOptions.forTests().template(template).stackName("local-test")
                .onboardSampleTenants(false)
                .plugin(runtime -> runtime.authorizer((route, headers) -> {
                    if (route.authorizer() == null) {
                        return RequestAuthorizer.Decision.anonymous();
                    }
                    return "Bearer good".equals(headers.get("authorization"))
                            ? RequestAuthorizer.Decision.jwt(Map.of("sub", "u-1", "custom:role", "CITY_ADMIN"), List.of())
                            : RequestAuthorizer.Decision.unauthorized();
                })));
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void buildsPayload2EventsLikeApiGateway() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                        + "/echo/a%20b?x=1&x=2&y=z%26w")).header("Cookie", "a=1; b=2").header("X-Custom", "v")
                .header("User-Agent", "tests/1.0").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("yes", r.headers().firstValue("x-echo").orElse(null));
        assertEquals(List.of("session=abc; HttpOnly"), r.headers().allValues("set-cookie"));
        assertTrue(r.headers().firstValue("apigw-requestid").isPresent());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("selamat pagi", body.get("greeting").asText(), "function's own variable wins over Globals");
        JsonNode e = body.get("event");
        assertEquals("2.0", e.get("version").asText());
        assertEquals("GET /echo/{id}", e.get("routeKey").asText());
        assertEquals("/echo/a%20b", e.get("rawPath").asText());
        assertEquals("x=1&x=2&y=z%26w", e.get("rawQueryString").asText());
        assertEquals("a b", e.at("/pathParameters/id").asText());
        assertEquals("1,2", e.at("/queryStringParameters/x").asText());
        assertEquals("z&w", e.at("/queryStringParameters/y").asText());
        assertEquals("[\"a=1\",\"b=2\"]", e.get("cookies").toString());
        assertTrue(e.at("/headers/cookie").isMissingNode() || e.at("/headers/cookie").isNull());
        assertEquals("v", e.at("/headers/x-custom").asText());
        assertEquals("127.0.0.1", e.at("/headers/x-forwarded-for").asText());
        assertEquals("GET", e.at("/requestContext/http/method").asText());
        assertEquals("/echo/a%20b", e.at("/requestContext/http/path").asText());
        assertEquals("127.0.0.1", e.at("/requestContext/http/sourceIp").asText());
        assertEquals("tests/1.0", e.at("/requestContext/http/userAgent").asText());
        assertEquals("test", e.at("/requestContext/stage").asText());
        assertEquals("GET /echo/{id}", e.at("/requestContext/routeKey").asText());
        assertFalse(e.at("/requestContext/requestId").asText().isEmpty());
        assertTrue(e.at("/requestContext/timeEpoch").asLong() > 0);
        assertTrue(e.at("/requestContext/time").asText().matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
        assertTrue(e.get("body").isNull());
        assertFalse(e.get("isBase64Encoded").asBoolean());
    }

    @Test
    void literalRouteBeatsParameterAndBodiesAreEncodedLikeApiGateway() throws Exception {
        JsonNode special = JSON.readTree(get("/echo/special").body()).get("event");
        assertEquals("GET /echo/special", special.get("routeKey").asText());

        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode e = JSON.readTree(json.body()).get("event");
        assertEquals("{\"a\":1}", e.get("body").asText());
        assertFalse(e.get("isBase64Encoded").asBoolean());

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 0, 1};
        HttpResponse<String> binary = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo"))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(),
                HttpResponse.BodyHandlers.ofString());
        e = JSON.readTree(binary.body()).get("event");
        assertTrue(e.get("isBase64Encoded").asBoolean());
        assertArrayEquals(jpeg, java.util.Base64.getDecoder().decode(e.get("body").asText()));

        HttpResponse<byte[]> files = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/files/a/b.bin"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, files.statusCode());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, files.body(), "base64 response decoded");
    }

    @Test
    void notFoundTooLargeAndMissingFunctions() throws Exception {
        HttpResponse<String> r = get("/nope");
        assertEquals(404, r.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", r.body());
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo/x"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, wrongMethod.statusCode());

        HttpResponse<String> big = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpApiBridge.MAX_BODY_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, big.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", JSON.readTree(big.body()).at("/error/code").asText(), big.body());

        assertTrue(local.missingFunctions().get("NotYetWrittenFunction").contains("not on the classpath"));
        HttpResponse<String> missing = get("/not-yet");
        assertEquals(500, missing.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", missing.body());
        JsonNode functions = JSON.readTree(get("/_local/functions").body());
        assertEquals(4, functions.size());
    }

    @Test
    void authorizerHookAndCors() throws Exception {
        HttpResponse<String> denied = get("/secure");
        assertEquals(401, denied.statusCode());
        // the documented error shape, Indonesian by default (API Gateway's own authorizer answers {"message"})
        assertEquals("UNAUTHORIZED", JSON.readTree(denied.body()).at("/error/code").asText(), denied.body());
        assertEquals("Anda harus masuk terlebih dahulu.", JSON.readTree(denied.body()).at("/error/message").asText());
        HttpResponse<String> deniedEn = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/secure"))
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Authentication is required.", JSON.readTree(deniedEn.body()).at("/error/message").asText());
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/secure"))
                .header("Authorization", "Bearer good").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, ok.statusCode());
        JsonNode claims = JSON.readTree(ok.body()).at("/event/requestContext/authorizer/jwt/claims");
        assertEquals("CITY_ADMIN", claims.get("custom:role").asText());

        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals("http://localhost:5173", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("GET,POST", preflight.headers().firstValue("access-control-allow-methods").orElse(null));
        HttpResponse<String> withOrigin = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo/1"))
                .header("Origin", "http://localhost:5173").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("http://localhost:5173", withOrigin.headers().firstValue("access-control-allow-origin").orElse(null));
        HttpResponse<String> otherOrigin = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/echo/1"))
                .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(otherOrigin.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void sqsPartialBatchFailureAndRedriveToTheDlq() throws Exception {
        var sqs = local.aws().sqs();
        String queue = local.stack().queueUrl("WorkQueue");
        String dlq = local.stack().queueUrl("WorkDLQ");
        for (String body : List.of("ok-1", "fail-1", "ok-2")) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageAttributes(Map.of("kind",
                    MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
        }
        List<Message> dead = awaitMessages(dlq, 1, Duration.ofSeconds(30));
        assertEquals(List.of("fail-1"), dead.stream().map(Message::body).toList());
        List<String> seen = List.copyOf(WorkerHandler.SEEN);
        String arn = local.stack().queueArn("WorkQueue");
        assertEquals(1, seen.stream().filter(s -> s.startsWith("ok-1|")).count(), seen::toString);
        assertEquals(1, seen.stream().filter(s -> s.startsWith("ok-2|")).count(), seen::toString);
        assertTrue(seen.contains("ok-1|1|" + arn + "|test"), seen::toString);
        // received twice (maxReceiveCount 2), then moved to the DLQ instead of a third delivery
        assertEquals(List.of("fail-1|1|" + arn + "|test", "fail-1|2|" + arn + "|test"),
                seen.stream().filter(s -> s.startsWith("fail-1|")).toList());

        // an exception fails the whole batch
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("boom"));
        dead = awaitMessages(dlq, 1, Duration.ofSeconds(30));
        assertEquals(List.of("boom"), dead.stream().map(Message::body).toList());
        assertEquals(2, WorkerHandler.SEEN.stream().filter(s -> s.startsWith("boom|")).count());
        assertEquals("0", sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages")).attributesAsStrings().get("ApproximateNumberOfMessages"));
    }

    @Test
    void schedulesRunOnDemand() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TickFunction")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = JSON.readTree(r.body());
        assertEquals("aws.events", out.get("source").asText());
        assertEquals("Scheduled Event", out.get("detailType").asText());
        HttpResponse<String> nightly = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TickFunction?event=Nightly")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("nightly", JSON.readTree(nightly.body()).get("job").asText(), "Input replaces the event");
        assertTrue(TickHandler.RUNS.get() >= 2);
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/EchoFunction")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode list = JSON.readTree(get("/_local/schedules").body());
        assertEquals(2, list.size());
    }

    @Test
    void aScheduleRunTakesItsInputFromTheRequestBody() throws Exception {
        HttpResponse<String> chosen = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TickFunction?event=Nightly"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"job\":\"backfill-2026-10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chosen.statusCode(), chosen.body());
        JsonNode out = JSON.readTree(chosen.body());
        assertEquals("backfill-2026-10", out.get("job").asText(), "the body replaces the schedule's Input");
        assertTrue(out.get("source").isNull(), "no EventBridge envelope around a body: " + out);
        assertEquals("nightly", JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TickFunction?event=Nightly")).POST(HttpRequest.BodyPublishers.ofString("  ")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("job").asText(), "a blank body keeps the Input");
        HttpResponse<String> notJson = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl()
                + "/_local/schedules/TickFunction")).POST(HttpRequest.BodyPublishers.ofString("{period:")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notJson.statusCode(), notJson.body());
        Object direct = local.runSchedule("TickFunction", "{\"job\":\"from-java\"}");
        assertEquals("from-java", ((Map<?, ?>) direct).get("job"), "DevStack.runSchedule(id, json) does the same");
    }

    @Test
    void environmentComesFromTheTemplate() {
        Map<String, String> env = local.functions().get("WorkerFunction").environment();
        assertEquals(local.stack().queueUrl("WorkQueue"), env.get("WORK_QUEUE_URL"));
        assertEquals("halo dari local-test", env.get("GREETING"));
        assertEquals(local.aws().endpoint("sqs").toString(), env.get("AWS_ENDPOINT_URL_SQS"));
        assertNull(env.get("AWS_LAMBDA_FUNCTION_NAME"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Message> awaitMessages(String queueUrl, int n, Duration timeout) {
        var sqs = local.aws().sqs();
        List<Message> out = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            var got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            out.addAll(got);
        }
        return out;
    }
}
