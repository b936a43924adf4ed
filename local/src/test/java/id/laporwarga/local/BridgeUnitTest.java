package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.local.testfns.WorkerHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pure parts of the runner: route matching, query parsing, batch failure semantics, rate(), generics. */
class BridgeUnitTest {
    private static HttpRoute route(String method, String path) {
        return new HttpRoute(method, path, "F", "E", "Api", "$default", null, List.of());
    }

    @Test
    void mostSpecificRouteWins() {
        RouteTable t = new RouteTable(List.of(route("ANY", "/{proxy+}"), route("GET", "/v1/reports/{code}"),
                route("GET", "/v1/reports/stats"), route("ANY", "/v1/reports/{code}"), route("ANY", "$default")));
        assertEquals("GET /v1/reports/stats", t.match("GET", "/v1/reports/stats").orElseThrow().route().routeKey());
        var m = t.match("GET", "/v1/reports/LW-1%2F2").orElseThrow();
        assertEquals("GET /v1/reports/{code}", m.route().routeKey());
        assertEquals("LW-1/2", m.pathParameters().get("code"));
        assertEquals("ANY /v1/reports/{code}", t.match("PUT", "/v1/reports/x").orElseThrow().route().routeKey());
        var greedy = t.match("POST", "/a/b/c").orElseThrow();
        assertEquals("a/b/c", greedy.pathParameters().get("proxy"));
        assertEquals("$default", t.match("GET", "/").orElseThrow().route().routeKey());
        RouteTable strict = new RouteTable(List.of(route("GET", "/v1/tenants")));
        assertTrue(strict.match("POST", "/v1/tenants").isEmpty());
        assertTrue(strict.match("GET", "/v1/tenants/x").isEmpty());
        assertTrue(strict.match("GET", "/v1").isEmpty());
    }

    @Test
    void queryAndContentTypes() {
        assertNull(HttpApiBridge.queryParameters(null));
        assertEquals(Map.of("a", "1,2", "b", "x y", "c", ""), HttpApiBridge.queryParameters("a=1&a=2&b=x+y&c"));
        assertTrue(HttpApiBridge.textual("application/json; charset=utf-8"));
        assertTrue(HttpApiBridge.textual("text/plain"));
        assertTrue(HttpApiBridge.textual("application/problem+json"));
        assertFalse(HttpApiBridge.textual("image/jpeg"));
        assertFalse(HttpApiBridge.textual("application/x-www-form-urlencoded"));
        assertFalse(HttpApiBridge.textual(null));
        assertTrue(HttpApiBridge.validUtf8("{\"a\":\"é\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(HttpApiBridge.validUtf8(new byte[]{'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}));
        assertEquals("{\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Ukuran data terlalu besar.\"}}",
                HttpApiBridge.error(id.laporwarga.domain.error.ErrorCode.PAYLOAD_TOO_LARGE, java.util.Map.of()));
    }

    @Test
    void batchItemFailuresLikeLambda() {
        Set<String> batch = Set.of("m1", "m2", "m3");
        assertEquals(Set.of(), SqsEventSource.failures(null, batch));
        assertEquals(Set.of(), SqsEventSource.failures(new SQSBatchResponse(), batch));
        assertEquals(Set.of("m2"), SqsEventSource.failures(SQSBatchResponse.builder().withBatchItemFailures(
                List.of(new SQSBatchResponse.BatchItemFailure("m2"))).build(), batch));
        assertEquals(batch, SqsEventSource.failures(SQSBatchResponse.builder().withBatchItemFailures(
                List.of(new SQSBatchResponse.BatchItemFailure("unknown"))).build(), batch), "unknown id fails all");
        assertEquals(batch, SqsEventSource.failures(SQSBatchResponse.builder().withBatchItemFailures(
                List.of(new SQSBatchResponse.BatchItemFailure(""))).build(), batch));
        assertEquals(Set.of("m1"), SqsEventSource.failures(
                new LocalFunction.RawJson("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}"), batch));
    }

    @Test
    void rates() {
        assertEquals(Duration.ofMinutes(5), Schedules.rate("rate(5 minutes)"));
        assertEquals(Duration.ofHours(1), Schedules.rate("rate(1 hour)"));
        assertEquals(Duration.ofDays(2), Schedules.rate("rate(2 days)"));
        assertNull(Schedules.rate("cron(0 1 * * ? *)"));
    }

    @Test
    void handlerInputTypes() {
        assertEquals(SQSEvent.class, LocalFunction.resolveTypeArgument(WorkerHandler.class,
                com.amazonaws.services.lambda.runtime.RequestHandler.class, 0));
        assertEquals(APIGatewayV2HTTPEvent.class, LocalFunction.resolveTypeArgument(
                id.laporwarga.local.testfns.EchoHandler.class, com.amazonaws.services.lambda.runtime.RequestHandler.class, 0));
    }
}
