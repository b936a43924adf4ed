package id.laporwarga.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP API (payload 2.0) request reduced to what handlers need. Header names are lower case. */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final String routeKey;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final Map<String, String> headers;
    private final String body;
    private final int bodyBytes;
    private final Map<String, String> claims;
    private final String requestId;
    private final boolean bodyUtf8;

    public ApiRequest(String method, String path, String routeKey, Map<String, String> pathParameters,
                      Map<String, String> queryParameters, Map<String, String> headers, String body, int bodyBytes,
                      Map<String, String> claims, String requestId) {
        this(method, path, routeKey, pathParameters, queryParameters, headers, body, bodyBytes, claims, requestId, true);
    }

    /** @param bodyUtf8 false when the body's bytes were not valid UTF-8 ({@code body} is then a lossy decoding) */
    public ApiRequest(String method, String path, String routeKey, Map<String, String> pathParameters,
                      Map<String, String> queryParameters, Map<String, String> headers, String body, int bodyBytes,
                      Map<String, String> claims, String requestId, boolean bodyUtf8) {
        this.method = method;
        this.path = path;
        this.routeKey = routeKey;
        this.pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        this.queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    lower.put(k.toLowerCase(Locale.ROOT), v);
                }
            });
        }
        this.headers = Map.copyOf(lower);
        this.body = body;
        this.bodyBytes = bodyBytes;
        this.claims = claims == null ? Map.of() : Map.copyOf(claims);
        this.requestId = requestId;
        this.bodyUtf8 = bodyUtf8;
    }

    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod().toUpperCase(Locale.ROOT) : "GET";
        String path = event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : "/";
        // a named stage (e.g. "dev") prefixes rawPath with "/dev"; routes are declared without it
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        if (stage != null && !"$default".equals(stage) && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        String body = event.getBody();
        int size = 0;
        boolean utf8 = true;
        if (body != null) {
            if (event.getIsBase64Encoded()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    bytes = new byte[0];
                }
                size = bytes.length;
                try {
                    body = StrictJson.utf8(bytes);
                } catch (Json.MalformedJsonException e) {
                    utf8 = false; // refused as MALFORMED_JSON when the route reads the body
                    body = new String(bytes, StandardCharsets.UTF_8);
                }
            } else {
                size = body.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        Map<String, String> claims = null;
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getAuthorizer() != null && ctx.getAuthorizer().getJwt() != null) {
            claims = ctx.getAuthorizer().getJwt().getClaims();
        }
        String requestId = ctx != null ? ctx.getRequestId() : null;
        return new ApiRequest(method, path, event.getRouteKey(), event.getPathParameters(),
                event.getQueryStringParameters(), event.getHeaders(), body, size, claims, requestId, utf8);
    }

    public String method() { return method; }
    public String path() { return path; }
    public String routeKey() { return routeKey; }
    public Map<String, String> pathParameters() { return pathParameters; }
    public Map<String, String> queryParameters() { return queryParameters; }
    public Map<String, String> headers() { return headers; }
    public String body() { return body; }
    public int bodyBytes() { return bodyBytes; }
    /** Verified JWT claims from the authorizer (empty for public routes). Never trust roles from the body. */
    public Map<String, String> claims() { return claims; }
    public String requestId() { return requestId; }
    /** False when the body's bytes are not valid UTF-8 (such a body is never parsed: MALFORMED_JSON). */
    public boolean bodyUtf8() { return bodyUtf8; }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> query(String name) {
        String v = queryParameters.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String pathParameter(String name) {
        String v = pathParameters.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    /** Indonesian unless the client asks for English first. */
    public Locale locale() {
        String lang = headers.getOrDefault("accept-language", "id").trim().toLowerCase(Locale.ROOT);
        return lang.startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }

    ApiRequest withPathParameters(Map<String, String> params) {
        return new ApiRequest(method, path, routeKey, params, queryParameters, headers, body, bodyBytes, claims, requestId,
                bodyUtf8);
    }
}
