package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The HTTP API in front of the functions: turns a request into API Gateway's payload format 2.0 event
 * ({@link APIGatewayV2HTTPEvent}), picks the route like API Gateway (404 {@code {"message":"Not Found"}} when none),
 * asks the {@link RequestAuthorizer}, invokes the function and writes its {@link APIGatewayV2HTTPResponse} back.
 * Bodies over 10 MB (API Gateway's limit) get 413 {@code PAYLOAD_TOO_LARGE} in the API's error shape: the answer is
 * written first, then the rest of the body (up to {@link #DRAIN_LIMIT_BYTES}) is read and dropped, so the client
 * gets its answer instead of a connection reset. The authorizer's 401/403 use the same shape
 * ({@code {"error":{"code","message"}}}, Indonesian unless {@code Accept-Language: en}); on AWS the HTTP API's JWT
 * authorizer answers {@code {"message":"Unauthorized"}} itself (docs/api.md). A JSON or text body that is not valid
 * UTF-8 is passed base64-encoded, so the function sees its real bytes. CORS preflights are answered from the
 * HttpApi's CorsConfiguration, as API Gateway does.
 */
final class HttpApiBridge implements HttpHandler {
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** How much of an oversize body is read and dropped after the 413 (more: the connection is closed). */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(HttpApiBridge.class.getName());
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An HttpApi's CorsConfiguration (resolved). */
    record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
        boolean allows(String origin) {
            return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin));
        }
    }

    /** The CorsConfiguration of each HttpApi of the template, by logical id (true: API Gateway's allow-all). */
    static Map<String, Cors> corsConfigurations(ProvisionedStack stack) {
        Map<String, Cors> cors = new LinkedHashMap<>();
        for (SamTemplate.Resource api : stack.template().resourcesOfType(SamTemplate.HTTP_API)) {
            Object c = stack.resolve(api.properties().get("CorsConfiguration"));
            if (Boolean.TRUE.equals(c) || "true".equals(c)) {
                cors.put(api.logicalId(), new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false));
            } else if (c instanceof Map<?, ?> m) {
                cors.put(api.logicalId(), new Cors(strings(m.get("AllowOrigins")), strings(m.get("AllowMethods")),
                        strings(m.get("AllowHeaders")), strings(m.get("ExposeHeaders")),
                        m.get("MaxAge") == null ? null : Integer.valueOf(String.valueOf(m.get("MaxAge"))),
                        Boolean.parseBoolean(String.valueOf(m.get("AllowCredentials")))));
            }
        }
        return cors;
    }

    /** The physical id of each HttpApi of the template (the {@code apiId} of its events), by logical id. */
    static Map<String, String> apiIds(ProvisionedStack stack) {
        Map<String, String> apiIds = new LinkedHashMap<>();
        for (SamTemplate.Resource api : stack.template().resourcesOfType(SamTemplate.HTTP_API)) {
            apiIds.put(api.logicalId(), stack.physicalId(api.logicalId()));
        }
        return apiIds;
    }

    private static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    private final RouteTable routes;
    private final Map<String, LocalFunction> functions;
    private final Map<String, String> missing;
    private final Supplier<RequestAuthorizer> authorizer;
    private final Map<String, Cors> corsByApi;
    private final String accountId;
    private final Map<String, String> apiIds;
    private final boolean accessLog;
    /** The web app served where no route matches (null: none, 404 as API Gateway answers). */
    private final StaticSite site;

    HttpApiBridge(RouteTable routes, Map<String, LocalFunction> functions, Map<String, String> missing,
                  Supplier<RequestAuthorizer> authorizer, Map<String, Cors> corsByApi, Map<String, String> apiIds,
                  String accountId) {
        this(routes, functions, missing, authorizer, corsByApi, apiIds, accountId, true);
    }

    /** @param accessLog whether every request gets a line on stdout (off: not even formatted) */
    HttpApiBridge(RouteTable routes, Map<String, LocalFunction> functions, Map<String, String> missing,
                  Supplier<RequestAuthorizer> authorizer, Map<String, Cors> corsByApi, Map<String, String> apiIds,
                  String accountId, boolean accessLog) {
        this(routes, functions, missing, authorizer, corsByApi, apiIds, accountId, accessLog, null);
    }

    /** @param site the web app's static files, served for a GET/HEAD that no route matches (outside /v1/, /_local/) */
    HttpApiBridge(RouteTable routes, Map<String, LocalFunction> functions, Map<String, String> missing,
                  Supplier<RequestAuthorizer> authorizer, Map<String, Cors> corsByApi, Map<String, String> apiIds,
                  String accountId, boolean accessLog, StaticSite site) {
        this.site = site;
        this.routes = routes;
        this.functions = functions;
        this.missing = missing;
        this.authorizer = authorizer;
        this.corsByApi = corsByApi;
        this.apiIds = apiIds;
        this.accountId = accountId;
        this.accessLog = accessLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String requestId = requestId();
        int status = 500;
        String function = "-";
        try {
            Map<String, String> headers = headers(exchange.getRequestHeaders());
            long declared = parseLong(headers.get("content-length"));
            byte[] body = declared > MAX_BODY_BYTES ? null : readLimited(exchange.getRequestBody());
            if (body == null) {
                status = tooLarge(exchange, headers, declared, requestId);
                return;
            }
            Optional<RouteTable.Match> match = routes.match(method, rawPath);
            String origin = headers.get("origin");
            if (match.isEmpty() && "OPTIONS".equals(method) && origin != null
                    && headers.containsKey("access-control-request-method")) {
                status = preflight(exchange, origin, requestId);
                return;
            }
            if (match.isEmpty() && site != null && StaticSite.candidate(method, rawPath)
                    && site.serve(exchange, headers)) {
                status = 200;
                function = "static";
                return;
            }
            if (match.isEmpty()) {
                status = send(exchange, 404, json(), Jsons.message("Not Found"), requestId);
                return;
            }
            HttpRoute route = match.get().route();
            function = route.functionLogicalId();
            LocalFunction fn = functions.get(function);
            if (fn == null) {
                LOG.log(Level.WARNING, route.routeKey() + ": function " + function + " is not running ("
                        + missing.getOrDefault(function, "unknown") + ")");
                status = send(exchange, 500, json(), Jsons.message("Internal Server Error"), requestId);
                return;
            }
            RequestAuthorizer.Decision decision = authorizer.get().authorize(route, headers);
            if (decision instanceof RequestAuthorizer.Deny deny) {
                Map<String, List<String>> h = json();
                h.put("www-authenticate", List.of("Bearer"));
                ErrorCode code = deny.status() == 403 ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHORIZED;
                status = send(exchange, deny.status(), h, error(code, headers), requestId);
                return;
            }
            APIGatewayV2HTTPEvent event = event(exchange, method, rawPath, headers, body, match.get(), requestId,
                    (RequestAuthorizer.Allow) decision);
            Object result;
            try {
                result = fn.invoke(event);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, function + " failed on " + route.routeKey() + " (API Gateway answers 500)", e);
                status = send(exchange, 500, json(), Jsons.message("Internal Server Error"), requestId);
                return;
            }
            status = respond(exchange, result, corsByApi.get(route.apiLogicalId()), origin, requestId);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.ERROR, "local HTTP API bridge failed on " + method + " " + rawPath, e);
            try {
                status = send(exchange, 500, json(), Jsons.message("Internal Server Error"), requestId);
            } catch (IOException | RuntimeException ignored) {
                // response already started
            }
        } finally {
            exchange.close();
            if (accessLog) {
                System.out.println(REQUEST_TIME.format(Instant.now()) + " " + method + " " + rawPath + " -> " + status
                        + " (" + (System.nanoTime() - start) / 1_000_000 + " ms) " + function);
            }
        }
    }

    APIGatewayV2HTTPEvent event(HttpExchange exchange, String method, String rawPath, Map<String, String> headers,
                                byte[] body, RouteTable.Match match, String requestId,
                                RequestAuthorizer.Allow allow) {
        HttpRoute route = match.route();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Instant now = Instant.now();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, String> eventHeaders = new LinkedHashMap<>(headers);
        List<String> cookies = null;
        String cookieHeader = eventHeaders.remove("cookie");
        if (cookieHeader != null) {
            cookies = new ArrayList<>();
            for (String c : cookieHeader.split(";")) {
                if (!c.isBlank()) {
                    cookies.add(c.trim());
                }
            }
        }
        eventHeaders.putIfAbsent("x-forwarded-for", sourceIp);
        eventHeaders.putIfAbsent("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
        eventHeaders.putIfAbsent("x-forwarded-proto", "http");
        eventHeaders.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-"
                + HexFormat.of().formatHex(randomBytes(12)));
        String host = headers.getOrDefault("host", "127.0.0.1");
        String domainPrefix = host.contains(".") ? host.substring(0, host.indexOf('.')) : host.split(":")[0];

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol(exchange.getProtocol())
                .withSourceIp(sourceIp)
                .withUserAgent(headers.get("user-agent"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(accountId)
                .withApiId(apiIds.getOrDefault(route.apiLogicalId(), "local"))
                .withDomainName(host)
                .withDomainPrefix(domainPrefix)
                .withHttp(http)
                .withRequestId(requestId)
                .withRouteKey(route.routeKey())
                .withStage(route.stage())
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();
        if (allow != null && allow.claims() != null) {
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(allow.claims());
            jwt.setScopes(allow.scopes());
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies)
                .withHeaders(eventHeaders)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(context)
                .build();
        if (body.length > 0) {
            if (textual(headers.get("content-type")) && validUtf8(body)) {
                event.setBody(new String(body, StandardCharsets.UTF_8));
                event.setIsBase64Encoded(false);
            } else {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        }
        return event;
    }

    static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The API's error body {@code {"error":{"code","message"}}} for an answer the gateway gives itself, in
     * Indonesian unless the client asks for English (as the functions answer).
     */
    static String error(ErrorCode code, Map<String, String> headers) {
        String language = headers.getOrDefault("accept-language", "id").strip().toLowerCase(Locale.ROOT);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", code.defaultMessage().in(language.startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("id")));
        return Jsons.write(Map.of("error", error));
    }

    /**
     * 413 for a body over {@link #MAX_BODY_BYTES}: the answer goes out first (with {@code Connection: close}), then
     * what is left of the body is read and dropped, up to {@link #DRAIN_LIMIT_BYTES} (a client that keeps sending gets
     * its answer rather than a reset); beyond that the connection is closed.
     */
    private int tooLarge(HttpExchange exchange, Map<String, String> headers, long declared, String requestId)
            throws IOException {
        Map<String, List<String>> h = json();
        h.put("Connection", List.of("close"));
        byte[] answer = error(ErrorCode.PAYLOAD_TOO_LARGE, headers).getBytes(StandardCharsets.UTF_8);
        Headers out = exchange.getResponseHeaders();
        h.forEach(out::put);
        out.set("apigw-requestid", requestId);
        out.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)));
        exchange.sendResponseHeaders(413, answer.length);
        OutputStream os = exchange.getResponseBody();
        os.write(answer);
        os.flush();
        if (declared <= DRAIN_LIMIT_BYTES) {
            drain(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
        }
        os.close();
        return 413;
    }

    private static void drain(InputStream in, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total < limit && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to drain
        }
    }

    /** API Gateway passes text and JSON bodies as they are and base64-encodes everything else. */
    static boolean textual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return ct.startsWith("text/") || ct.equals("application/json") || ct.endsWith("+json")
                || ct.equals("application/xml") || ct.endsWith("+xml") || ct.equals("application/javascript")
                || ct.equals("application/graphql");
    }

    /** Payload 2.0: keys and values decoded, repeated keys joined with commas; null without a query. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            out.merge(k, v, (a, b) -> a + "," + b);
        }
        return out.isEmpty() ? null : out;
    }

    /** Headers with lower-case names, repeated headers joined with commas (as payload 2.0 does). */
    static Map<String, String> headers(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.merge(name.toLowerCase(Locale.ROOT), String.join(",", values),
                (a, b) -> a + "," + b));
        return out;
    }

    private int respond(HttpExchange exchange, Object result, Cors cors, String origin, String requestId)
            throws IOException {
        if (result instanceof LocalFunction.RawJson raw) {
            result = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
                    getClass().getClassLoader()).fromJson(new ByteArrayInputStream(raw.json().getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int status;
        byte[] body;
        if (result instanceof APIGatewayV2HTTPResponse r) {
            status = r.getStatusCode() == 0 ? 200 : r.getStatusCode();
            if (r.getMultiValueHeaders() != null) {
                r.getMultiValueHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            }
            if (r.getHeaders() != null) {
                r.getHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(List.of(v))));
            }
            if (r.getCookies() != null && !r.getCookies().isEmpty()) {
                headers.put("Set-Cookie", new ArrayList<>(r.getCookies()));
            }
            String b = r.getBody();
            body = b == null ? new byte[0]
                    : r.getIsBase64Encoded() ? Base64.getDecoder().decode(b) : b.getBytes(StandardCharsets.UTF_8);
        } else {
            // payload 2.0 "format inference": anything else is a 200 JSON body
            status = 200;
            headers.put("Content-Type", List.of("application/json"));
            body = (result instanceof String s ? s : Jsons.write(result)).getBytes(StandardCharsets.UTF_8);
        }
        if (cors != null && cors.allows(origin)) {
            headers.put("Access-Control-Allow-Origin", List.of(cors.allowOrigins().contains("*") ? "*" : origin));
            if (!cors.exposeHeaders().isEmpty()) {
                headers.put("Access-Control-Expose-Headers", List.of(String.join(",", cors.exposeHeaders())));
            }
            if (cors.allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
            headers.put("Vary", List.of("Origin"));
        }
        return send(exchange, status, headers, body, requestId);
    }

    private int preflight(HttpExchange exchange, String origin, String requestId) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Cors cors = corsByApi.values().stream().filter(c -> c.allows(origin)).findFirst().orElse(null);
        if (cors != null) {
            headers.put("Access-Control-Allow-Origin", List.of(cors.allowOrigins().contains("*") ? "*" : origin));
            headers.put("Access-Control-Allow-Methods", List.of(String.join(",", cors.allowMethods())));
            if (!cors.allowHeaders().isEmpty()) {
                headers.put("Access-Control-Allow-Headers", List.of(String.join(",", cors.allowHeaders())));
            }
            if (cors.maxAge() != null) {
                headers.put("Access-Control-Max-Age", List.of(cors.maxAge().toString()));
            }
            if (cors.allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
        }
        return send(exchange, 204, headers, new byte[0], requestId);
    }

    private static int send(HttpExchange exchange, int status, Map<String, List<String>> headers, String body,
                            String requestId) throws IOException {
        return send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8), requestId);
    }

    private static int send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body,
                            String requestId) throws IOException {
        Headers out = exchange.getResponseHeaders();
        headers.forEach((k, v) -> out.put(k, v));
        out.set("apigw-requestid", requestId);
        out.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)));
        boolean noBody = body.length == 0 || status == 204 || status == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        return status;
    }

    private static Map<String, List<String>> json() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Content-Type", List.of("application/json"));
        return h;
    }

    /** The body, or null if it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                return null; // the 413 answer drains the rest
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static long parseLong(String v) {
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Percent-decoding of a path segment ('+' stays '+'). */
    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Request and trace ids only need to be unique, not secret: no SecureRandom (a lock and a read of /dev/urandom)
     * on every request.
     */
    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    /** API Gateway style request id (e.g. {@code JKJaXmPLvHcESHA=}). */
    private static String requestId() {
        return Base64.getEncoder().encodeToString(randomBytes(10));
    }
}
