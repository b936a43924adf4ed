package id.laporwarga.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Locale;
import java.util.Map;

/**
 * Base of every HTTP API function: turns the payload 2.0 event into an {@link ApiRequest}, dispatches to a route,
 * maps domain errors to the API's error shape and never leaks a stack trace (5xx are logged, answered generically).
 */
public abstract class HttpApiFunction extends PrimedRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** JSON bodies larger than this are refused with 413 before parsing. */
    public static final int MAX_JSON_BODY_BYTES = 256 * 1024;
    private static final JsonLog LOG = JsonLog.get(HttpApiFunction.class);

    private volatile Routes routes;

    protected HttpApiFunction() {
        super();
    }

    protected HttpApiFunction(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** SnapStart priming of the HTTP path: routing table, error rendering, and one request no route matches. */
    @Override
    protected void prime(io.micronaut.context.ApplicationContext ctx) {
        routesTable();
        ApiErrors.of(ErrorCode.VALIDATION_FAILED, Locale.ENGLISH);
        execute(primingRequest());
    }

    /** A request no route matches (answered 404 without touching AWS): warms request parsing, routing, errors. */
    private static APIGatewayV2HTTPEvent primingRequest() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/_snapstart/priming");
        event.setHeaders(Map.of("accept-language", "id", "content-type", "application/json"));
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("snapstart-priming")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                        .withPath("/_snapstart/priming").build()).build());
        return event;
    }


    /** Largest JSON body this function accepts (413 above it). */
    protected int maxBodyBytes() {
        return MAX_JSON_BODY_BYTES;
    }

    /** The 413 for a body over {@link #maxBodyBytes()}: a function may state its limit and what to do instead. */
    protected DomainException bodyTooLarge(ApiRequest request) {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    /** Media types the function's bodies may have (415 otherwise); JSON unless a function takes more. */
    protected java.util.Set<String> bodyMediaTypes() {
        return JSON_ONLY;
    }

    private static final java.util.Set<String> JSON_ONLY = java.util.Set.of("application/json");

    /** The function's routes; called once per container. */
    protected abstract Routes routes();

    protected final Json json() {
        return getApplicationContext().getBean(Json.class);
    }

    /**
     * The request's JSON body read strictly (valid UTF-8, one value, no duplicate key, no lone surrogate: else
     * 400 {@code MALFORMED_JSON}); every route that takes a body reads it through this.
     */
    protected final io.micronaut.json.tree.JsonNode jsonBody(ApiRequest request) {
        if (!request.bodyUtf8() || request.body() == null || request.body().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_JSON);
        }
        return json().strictTree(request.body());
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        long start = System.nanoTime();
        ApiRequest request = ApiRequest.from(event);
        JsonLog.clear();
        JsonLog.put("requestId", request.requestId());
        JsonLog.put("function", getClass().getSimpleName());
        ApiResponse response;
        try {
            response = dispatch(request);
        } catch (DomainException e) {
            response = ApiErrors.of(e, request.locale());
        } catch (Json.MalformedJsonException e) {
            response = ApiErrors.of(ErrorCode.MALFORMED_JSON, request.locale());
        } catch (RuntimeException e) {
            if (id.laporwarga.platform.aws.AwsFailures.isUnavailable(e)) {
                // an AWS dependency is unreachable, timing out or throttling: the client may retry (same Idempotency-Key)
                LOG.warn("dependency_unavailable", "route", request.routeKey(),
                        "reason", id.laporwarga.platform.aws.AwsFailures.describe(e));
                response = ApiErrors.of(ErrorCode.SERVICE_UNAVAILABLE, request.locale()).withHeader("Retry-After", "1");
            } else {
                LOG.error("unhandled", e, "route", request.routeKey());
                response = ApiErrors.of(ErrorCode.INTERNAL_ERROR, request.locale());
            }
        }
        APIGatewayV2HTTPResponse out = toEvent(response);
        LOG.info("request", "method", request.method(), "path", safePath(request.path()), "status", response.status(),
                "durationMs", (System.nanoTime() - start) / 1_000_000);
        JsonLog.clear();
        return out;
    }

    private Routes routesTable() {
        Routes table = routes;
        if (table == null) {
            synchronized (this) {
                if (routes == null) {
                    routes = routes();
                }
                table = routes;
            }
        }
        return table;
    }

    private ApiResponse dispatch(ApiRequest request) {
        var match = routesTable().match(request);
        if (match.isEmpty()) {
            return ApiErrors.of(ErrorCode.NOT_FOUND, request.locale());
        }
        if (match.get().handler() == null) {
            return ApiErrors.of(ErrorCode.METHOD_NOT_ALLOWED, request.locale());
        }
        ApiRequest matched = match.get().request();
        if (("POST".equals(matched.method()) || "PUT".equals(matched.method())) && matched.body() != null
                && !matched.body().isEmpty()) {
            if (matched.bodyBytes() > maxBodyBytes()) {
                throw bodyTooLarge(matched);
            }
            // the media type itself must be application/json ("application/jsonp" or "application/json-patch+json"
            // are not), or another type the function names; parameters such as "; charset=utf-8" may follow
            String contentType = matched.header("content-type").orElse("").toLowerCase(Locale.ROOT);
            int semicolon = contentType.indexOf(';');
            if (!bodyMediaTypes().contains((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip())) {
                throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            }
        }
        return match.get().handler().apply(matched);
    }

    private APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
        out.setStatusCode(response.status());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(response.headers());
        out.setHeaders(headers);
        out.setBody(response.body() == null ? "" : json().write(response.body()));
        out.setIsBase64Encoded(false);
        return out;
    }

    private static String safePath(String path) {
        return path == null ? null : path.length() > 200 ? path.substring(0, 200) : path;
    }
}
