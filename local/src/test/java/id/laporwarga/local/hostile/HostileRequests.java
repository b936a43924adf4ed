package id.laporwarga.local.hostile;

import id.laporwarga.local.HttpRoute;
import id.laporwarga.local.hostile.HostileValues.Raw;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates bad requests for every HTTP API route of template.yaml (taken from the running stack's route table, so a
 * new route is covered without touching this class). Each request carries at least one decisive defect that no
 * correct API answers with a 2xx (bad token, hostile path parameter, invalid body, wrong content type, missing
 * Idempotency-Key, wrong method, extra path segment, invalid query value), plus optional noise (odd headers, odd
 * Accept-Language, hostile query parameters, hostile Idempotency-Key) that must not turn it into a 5xx.
 */
final class HostileRequests {
    /** What the generator knows about the stack it attacks. */
    record Target(List<HttpRoute> routes, String tenant, Map<String, String> validTokens,
                  Map<String, String> invalidTokens, String realCaseId, String realTrackingCode,
                  Set<String> validIds) {
    }

    static final Set<String> KINDS = Set.of("COMPLAINT", "RT_ACTIVITY", "SERVICE_REQUEST");
    static final Set<String> PRIVACY = Set.of("PUBLIC", "ANONYMOUS", "CONFIDENTIAL");
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final Target target;

    HostileRequests(Target target) {
        this.target = target;
    }

    Arbitrary<HostileRequest> any() {
        List<HttpRoute> submit = target.routes().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/reports")).toList();
        return Arbitraries.<HostileRequest>frequencyOf(
                HostileValues.w(30, Arbitraries.of(target.routes()).flatMap(this::forRoute)),
                // the one route that creates something gets a larger share
                HostileValues.w(submit.isEmpty() ? 0 : 10, submit.isEmpty() ? Arbitraries.of(target.routes())
                        .flatMap(this::forRoute) : Arbitraries.of(submit).flatMap(this::forRoute)),
                HostileValues.w(2, unknownRoute()));
    }

    // ------------------------------------------------------------------ per route

    private Arbitrary<HostileRequest> forRoute(HttpRoute route) {
        List<String> decisive = new ArrayList<>(List.of("METHOD", "EXTRA_SEGMENT"));
        boolean hasParams = PARAM.matcher(route.path()).find();
        boolean hasBody = route.method().equals("POST") || route.method().equals("PUT");
        if (route.authorizer() != null) {
            decisive.addAll(List.of("TOKEN", "TOKEN", "TOKEN"));
        }
        if (hasParams) {
            decisive.addAll(List.of("PATH", "PATH", "PATH"));
        }
        if (hasBody && (route.authorizer() != null || !hasParams)) {
            // public POSTs with a path parameter (confirm/reopen) are decided by the parameter; a body alone could
            // be valid for a real tracking code, so those bodies are noise there
            decisive.addAll(List.of("BODY", "BODY", "BODY", "BODY"));
        }
        if (route.path().equals("/v1/reports") && route.method().equals("POST")) {
            decisive.addAll(List.of("CONTENT_TYPE", "NO_IDEMPOTENCY_KEY", "STRICT_BODY", "STRICT_BODY"));
        }
        if (QUERY_ROUTES.contains(route.path())) {
            decisive.add("QUERY");
        }
        return Arbitraries.of(decisive).flatMap(defect -> build(route, defect));
    }

    private Arbitrary<HostileRequest> build(HttpRoute route, String defect) {
        boolean hasBody = route.method().equals("POST") || route.method().equals("PUT");
        Arbitrary<String> method = defect.equals("METHOD")
                ? Arbitraries.of(METHODS).filter(m -> !m.equals(route.method()) && !otherRouteOnSamePath(route, m))
                : Arbitraries.just(route.method());
        Arbitrary<String> path = pathFor(route, defect.equals("PATH"));
        Arbitrary<String> extra = defect.equals("EXTRA_SEGMENT")
                ? Arbitraries.of("/x", "/..", "/%2e%2e", "/", "//", "/%00", "/v1", "/" + "a".repeat(300))
                : Arbitraries.just("");
        Arbitrary<String> query = defect.equals("QUERY") ? decisiveQuery(route) : noiseQuery();
        Arbitrary<String> token = route.authorizer() == null ? Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.of(target.invalidTokens().keySet())) // public routes ignore tokens
                : defect.equals("TOKEN") ? Arbitraries.of(target.invalidTokens().keySet())
                : Arbitraries.of(target.validTokens().keySet());
        Arbitrary<byte[]> body;
        if (defect.equals("BODY")) {
            body = route.path().equals("/v1/reports") ? badReport() : hostileBody();
        } else if (defect.equals("STRICT_BODY")) {
            body = strictViolations();
        } else if (defect.equals("CONTENT_TYPE") || defect.equals("NO_IDEMPOTENCY_KEY")) {
            body = Arbitraries.just(validReport().getBytes(StandardCharsets.UTF_8));
        } else {
            body = hasBody ? Arbitraries.oneOf(hostileBody(), Arbitraries.just(validReport().getBytes(StandardCharsets.UTF_8)))
                    : Arbitraries.oneOf(Arbitraries.just((byte[]) null), hostileBody());
        }
        Arbitrary<String> contentType = defect.equals("CONTENT_TYPE")
                ? Arbitraries.of("", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/xml", "image/jpeg", "application/jsonp", "text/json", "application/json-patch+json",
                        "*/*", "application", "json")
                : Arbitraries.<String>frequencyOf(HostileValues.w(8, Arbitraries.just("application/json")),
                        HostileValues.w(1, Arbitraries.of("application/json; charset=utf-7", "APPLICATION/JSON",
                                "application/json; charset=\"\r", "text/plain", "")));
        Arbitrary<List<Map.Entry<String, String>>> noise = noiseHeaders();
        boolean report = route.path().equals("/v1/reports") && route.method().equals("POST");
        Arbitrary<String> idempotencyKey = defect.equals("NO_IDEMPOTENCY_KEY")
                ? Arbitraries.of("", " ", "\t")
                : Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofLength(36),
                        Arbitraries.of("\u00ff\u00fe", "a".repeat(4000), "../../x", "' OR 1=1", "%00", "${jndi:x}"));
        List<Arbitrary<Object>> all = List.of(method.asGeneric(), path.asGeneric(), extra.asGeneric(),
                query.asGeneric(), token.asGeneric(), body.asGeneric(), contentType.asGeneric(), noise.asGeneric(),
                idempotencyKey.asGeneric());
        return Combinators.combine(all).as(parts -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    String ct = (String) parts.get(6);
                    byte[] b = (byte[]) parts.get(5);
                    if (!ct.isEmpty()) {
                        headers.add(Map.entry("Content-Type", ct.replace("\r", "")));
                    }
                    String tokenKey = (String) parts.get(4);
                    List<String> defects = new ArrayList<>(List.of(defect));
                    if (!tokenKey.isEmpty()) {
                        String value = target.validTokens().containsKey(tokenKey) ? target.validTokens().get(tokenKey)
                                : target.invalidTokens().get(tokenKey);
                        if (value != null) {
                            headers.add(Map.entry("Authorization", value));
                        }
                        defects.add("token=" + tokenKey);
                    }
                    String key = (String) parts.get(8);
                    if (report && !key.isBlank()) {
                        headers.add(Map.entry("Idempotency-Key", key));
                    }
                    @SuppressWarnings("unchecked")
                    List<Map.Entry<String, String>> n = (List<Map.Entry<String, String>>) parts.get(7);
                    headers.addAll(n);
                    return new HostileRequest(route.routeKey(), (String) parts.get(0),
                            parts.get(1) + (String) parts.get(2) + parts.get(3), headers, b, defects);
                });
    }

    private boolean otherRouteOnSamePath(HttpRoute route, String method) {
        return target.routes().stream().anyMatch(r -> r.method().equals(method) && samePattern(r.path(), route.path()));
    }

    private static boolean samePattern(String a, String b) {
        return a.replaceAll("\\{[^}]+}", "{}").equals(b.replaceAll("\\{[^}]+}", "{}"));
    }

    /** The route's path with each parameter a real id (a tenant, the seeded case) or, if hostile, a bad one. */
    private Arbitrary<String> pathFor(HttpRoute route, boolean hostile) {
        Matcher m = PARAM.matcher(route.path());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return Arbitraries.just(route.path());
        }
        List<Arbitrary<String>> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(hostile ? HostileValues.rawSegment().filter(s -> !target.validIds().contains(s))
                    : Arbitraries.just(realValue(names.get(i))));
        }
        if (hostile && names.size() > 1) {
            // one hostile parameter is enough; the others keep real values half of the time
            values.set(0, Arbitraries.oneOf(values.get(0), Arbitraries.just(realValue(names.get(0)))));
        }
        return Combinators.combine(values).as(vs -> {
            String p = route.path();
            for (int i = 0; i < names.size(); i++) {
                p = p.replace("{" + names.get(i) + "}", vs.get(i));
            }
            return p;
        }).filter(p -> !hostile || !p.equals(realPath(route)));
    }

    private String realPath(HttpRoute route) {
        Matcher m = PARAM.matcher(route.path());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(realValue(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String realValue(String name) {
        String n = name.toLowerCase();
        if (n.contains("tenant")) {
            return target.tenant();
        }
        if (n.contains("tracking")) {
            return target.realTrackingCode();
        }
        if (n.contains("case")) {
            return target.realCaseId();
        }
        return "71.74.02.1007-RT001";
    }

    private Arbitrary<String> decisiveQuery(HttpRoute route) {
        Arbitrary<String> value = HostileValues.rawSegment();
        return switch (route.path()) {
            case "/v1/inbox" -> Arbitraries.oneOf(
                    value.map(v -> "?status=X" + v),
                    Arbitraries.of("0", "-1", "101", "1e3", "99999999999", "NaN", "1.5", "%00").map(v -> "?limit=" + v));
            case "/v1/admin/stats" -> Arbitraries.oneOf(
                    value.map(v -> "?tenant=x-" + v),
                    Arbitraries.of("2024-13-01", "2024-02-30", "yesterday", "%00", "2024-1-1", "+999999999-01-01",
                            "-999999999-01-01", "2024-01-01T00:00").map(v -> "?from=" + v),
                    Arbitraries.of("2026-01-31&from=2026-02-01", "2030-01-01&from=2020-01-01").map(v -> "?to=" + v));
            case "/v1/admin/service-times" -> Arbitraries.oneOf(
                    value.map(v -> "?tenant=x-" + v),
                    Arbitraries.of("2024-13-01", "2024-02-30", "yesterday", "%00", "2024-1-1", "2024-01-01T00:00",
                            "1e9").map(v -> "?from=" + v),
                    Arbitraries.of("2024-13-01", "31-01-2026", "%FF").map(v -> "?to=" + v),
                    Arbitraries.of("?from=2026-02-01&to=2026-01-31", "?to=2025-12-31&from=2026-01-01"));
            // an unknown kind is never read as "no kind" (which would list every category with a 200)
            case "/v1/tenants/{tenantId}/categories" -> Arbitraries.of("NOPE", "complaints", "COMPLAINT,RT_ACTIVITY",
                    "%00", "%E2%80%AE", "1", "RT-ACTIVITY").map(v -> "?kind=" + v);
            case "/v1/public/{tenant}/rt" -> Arbitraries.oneOf(badPeriod(),
                    Arbitraries.of("..%2F..", "%00", "a%20b", "x".repeat(40)).map(v -> "?kelurahan=" + v));
            case "/v1/public/{tenant}/areas", "/v1/public/{tenant}/rt/{rtId}/performance" -> badPeriod();
            default -> value.map(v -> "?tenant=" + v + "&status=" + v);
        };
    }

    private static Arbitrary<String> badPeriod() {
        return Arbitraries.of("2026-13", "2026-00", "26-10", "2026-1", "2026-10-01", "%00", "last", "9999999-01")
                .map(v -> "?period=" + v);
    }

    private Arbitrary<String> noiseQuery() {
        return Arbitraries.<String>frequencyOf(
                HostileValues.w(6, Arbitraries.just("")),
                HostileValues.w(1, HostileValues.rawSegment().map(v -> "?kind=" + v + "&period=" + v + "&kelurahan=" + v)),
                HostileValues.w(1, HostileValues.rawSegment().map(v -> "?page=" + v + "~")),
                HostileValues.w(1, Arbitraries.of("?a=1&a=2&a=3", "?=", "?&&&", "?%00=%00", "?period=9999-99",
                        "?period=2026-13", "?period=-1", "?limit=" + "9".repeat(40), "?" + "x=1&".repeat(500))));
    }

    private Arbitrary<List<Map.Entry<String, String>>> noiseHeaders() {
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.of(
                Map.entry("Accept-Language", "en"), Map.entry("Accept-Language", "xx-\u00ff"),
                Map.entry("Accept-Language", "*;q=0.1, en;q=NaN"), Map.entry("Accept-Language", "a".repeat(3000)),
                Map.entry("X-Forwarded-For", "127.0.0.1, ' OR 1=1"), Map.entry("X-Amzn-Trace-Id", "Root=../../x"),
                Map.entry("Origin", "https://evil.example"), Map.entry("Cookie", "session=../../; a=\u00ff"),
                Map.entry("Accept", "text/html"), Map.entry("Accept", "*/*;q=\u00ff"),
                Map.entry("User-Agent", "${jndi:ldap://127.0.0.1/a}"), Map.entry("X-Injected", "x"),
                Map.entry("Content-Encoding", "gzip"), Map.entry("Content-Language", "\u00ff"),
                Map.entry("Idempotent-Replayed", "true"), Map.entry("X-Http-Method-Override", "DELETE"));
        return header.list().ofMaxSize(3);
    }

    // ------------------------------------------------------------------ bodies

    /** Routes whose query values are typed: a wrong value is a decisive 400 VALIDATION_FAILED. */
    static final Set<String> QUERY_ROUTES = Set.of("/v1/inbox", "/v1/admin/stats", "/v1/admin/service-times",
            "/v1/tenants/{tenantId}/categories", "/v1/public/{tenant}/rt", "/v1/public/{tenant}/areas",
            "/v1/public/{tenant}/rt/{rtId}/performance");

    /**
     * Valid reports made invalid only by what a lenient reader would let through (and did, before the strict reader):
     * a key named twice (the last one valid), a lone surrogate in a string, invalid UTF-8 bytes in a string. Each must
     * be 400 MALFORMED_JSON and store nothing.
     */
    static Arbitrary<byte[]> strictViolations() {
        String valid = validReport();
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        int at = valid.indexOf("menumpuk");
        List<byte[]> invalidUtf8 = new ArrayList<>();
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80})) {
            byte[] b = new byte[utf8.length + bad.length];
            System.arraycopy(utf8, 0, b, 0, at);
            System.arraycopy(bad, 0, b, at, bad.length);
            System.arraycopy(utf8, at, b, at + bad.length, utf8.length - at);
            invalidUtf8.add(b);
        }
        Arbitrary<String> text = Arbitraries.of(
                valid.replaceFirst("\\{", "{\"kind\":\"NOT_A_KIND\","),
                valid.replaceFirst("\\{", "{\"privacy\":\"PUBLIC\","),
                valid.replace("\"lat\":", "\"lat\":0.1,\"lat\":"),
                valid.replace("\"contentType\":", "\"sizeBytes\":1,\"contentType\":"),
                valid.replace("menumpuk", "menumpuk\\ud800"),
                valid.replace("menumpuk", "\\udc00menumpuk"),
                valid.replace("\"category\"", "\"category\\ud83d\""),
                valid.replace("menumpuk", "menumpuk\\ude00\\ud83d"));
        return Arbitraries.oneOf(text.map(s -> s.getBytes(StandardCharsets.UTF_8)), Arbitraries.of(invalidUtf8));
    }

    static String validReport() {
        return HostileValues.json(baseReport());
    }

    static Map<String, Object> baseReport() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "COMPLAINT");
        m.put("category", "SAMPAH");
        m.put("description", "Sampah menumpuk di depan pasar sejak tiga hari.");
        m.put("location", new LinkedHashMap<>(Map.of("lat", 0.711720, "lon", 124.341927)));
        m.put("privacy", "ANONYMOUS");
        m.put("photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", 245760)));
        return m;
    }

    /** A report body with at least one field that makes it invalid (so the API must refuse it). */
    static Arbitrary<byte[]> badReport() {
        Arbitrary<Map<String, Object>> field = Arbitraries.oneOf(List.of(
                HostileValues.notEnum(KINDS).map(v -> Map.of("kind", v)),
                HostileValues.notEnum(PRIVACY).filter(v -> !v.isBlank()).map(v -> Map.of("privacy", v)),
                HostileValues.text().filter(v -> !v.matches("[A-Za-z0-9_\\-]{1,64}")).map(v -> Map.of("category", v)),
                Arbitraries.of("XYZ_TIDAK_ADA", "sampah_", "A".repeat(64), "PDAM", "GOTONG_ROYONG")
                        .map(v -> Map.of("category", v)),
                Arbitraries.oneOf(Arbitraries.of("", " ", "pendek", "\u200B".repeat(5), "a\u0000bcdefghijkl",
                        "Sampah\u0007 menumpuk di pasar", "x".repeat(2001)),
                        Arbitraries.integers().between(2001, 100_000).map(n -> "y".repeat(n)))
                        .map(v -> Map.of("description", v)),
                HostileValues.badNumber().map(v -> Map.of("location", Map.of("lat", v, "lon", 124.341927))),
                HostileValues.badNumber().map(v -> Map.of("location", Map.of("lat", 0.71172, "lon", v))),
                HostileValues.badCoordinates().map(c -> Map.of("location", Map.of("lat", c[0], "lon", c[1]))),
                Arbitraries.of(new Raw("null"), new Raw("[0.7,124.3]"), new Raw("\"0.7,124.3\""), new Raw("{}"),
                        new Raw("{\"lat\":0.7}"), new Raw("{\"latitude\":0.7,\"longitude\":124.3}"))
                        .map(v -> Map.of("location", v)),
                HostileValues.text().map(v -> Map.of("reporter", Map.of("name", "Budi", "phone", v))),
                Arbitraries.of("a".repeat(101), "Budi\u0000", "Budi\u001B[2J").map(v -> Map.of("reporter", Map.of("name", v))),
                HostileValues.text().filter(v -> !v.strip().matches("[A-Za-z0-9.\\-_]{1,48}")).map(v -> Map.of("rtId", v)),
                Arbitraries.of(new Raw("[]"), new Raw("null"), new Raw("{}"), new Raw("\"photo.jpg\""),
                        new Raw("[null]"), new Raw("[{}]"), new Raw("[{\"contentType\":\"image/jpeg\"}]"),
                        new Raw("[" + "{\"contentType\":\"image/jpeg\",\"sizeBytes\":1},".repeat(5)
                                + "{\"contentType\":\"image/jpeg\",\"sizeBytes\":1}]"),
                        new Raw("[" + "{\"contentType\":\"image/jpeg\",\"sizeBytes\":1},".repeat(9999)
                                + "{\"contentType\":\"image/jpeg\",\"sizeBytes\":1}]"))
                        .map(v -> Map.of("photos", v)),
                Arbitraries.of("image/svg+xml", "text/html", "application/x-msdownload", "image/jpeg\u0000.exe",
                        "../image/jpeg", "image/gif", "IMAGE/JPEG; x=1")
                        .map(v -> Map.of("photos", List.of(Map.of("contentType", v, "sizeBytes", 1000)))),
                Arbitraries.of(new Raw("0"), new Raw("-1"), new Raw("10485761"), new Raw("1e18"),
                        new Raw("9223372036854775808"), new Raw("\"100\""), new Raw("1.5e400"), new Raw("NaN"))
                        .map(v -> Map.of("photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", v)))),
                Arbitraries.of(new Raw("1"), new Raw("[\"COMPLAINT\"]"), new Raw("{\"$ne\":null}"), new Raw("true"))
                        .map(v -> Map.of("kind", v))));
        Arbitrary<byte[]> mutated = Combinators.combine(field, field.list().ofMaxSize(2), Arbitraries.of(
                "kind", "category", "description", "location", "privacy", "photos", "none"))
                .as((decisive, more, removed) -> {
                    Map<String, Object> body = baseReport();
                    more.forEach(body::putAll);
                    if (!removed.equals("none") && !decisive.containsKey(removed)) {
                        body.remove(removed); // kind, category, description, location, photos are required
                    }
                    body.putAll(decisive);
                    return HostileValues.json(body).getBytes(StandardCharsets.UTF_8);
                });
        return Arbitraries.<byte[]>frequencyOf(HostileValues.w(5, mutated), HostileValues.w(2, hostileBody()),
                HostileValues.w(1, Arbitraries.of(
                        "{\"kind\":\"COMPLAINT\",\"kind\":\"X\",\"category\":\"SAMPAH\"}",
                        validReport().replace("\"SAMPAH\"", "\"SAMPAH\\u0000\""),
                        validReport().replace("124.341927", "124.341927e9999"))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    /** Bodies that are not a usable request for any route: malformed, nested, huge, wrong type, invalid UTF-8. */
    static Arbitrary<byte[]> hostileBody() {
        Arbitrary<String> text = Arbitraries.oneOf(List.of(
                Arbitraries.of("", " ", "{", "}", "{\"a\":}", "[1,2", "nul", "{'a':1}", "{\"a\":1}garbage",
                        "{\"a\":1,}", "/* c */{}", "\uFEFF{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\ud800\"}", "\"\\u0000\"",
                        "[]", "\"string\"", "123", "null", "true", "-0", "1e309", "NaN", "{\"\":{\"\":{\"\":[]}}}",
                        "{\"action\":null,\"expectedVersion\":\"1\"}", "{\"secret\":123}", "{\"secret\":[\"x\"]}",
                        "{\"action\":\"approve\",\"expectedVersion\":1e309}",
                        "{\"action\":\"approve\",\"expectedVersion\":-9223372036854775809}",
                        "{\"__proto__\":{\"admin\":true}}", "{\"constructor\":{\"prototype\":{}}}"),
                Arbitraries.integers().between(1_000, 120_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1_000, 30_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.integers().between(1_000, 100_000).map(n -> "[".repeat(n)),
                Arbitraries.integers().between(262_145, 400_000).map(n -> "{\"a\":\"" + "z".repeat(n) + "\"}"),
                Arbitraries.integers().between(10, 5_000).map(n -> "{" + "\"k\":1,".repeat(n) + "\"k\":2}"),
                HostileValues.text().map(s -> HostileValues.json(Map.of("action", s, "expectedVersion", s,
                        "secret", s, "note", s, "reason", s, "id", s))),
                HostileValues.text().map(s -> HostileValues.json(List.of(s, Map.of(s, s)))),
                HostileValues.badNumber().map(n -> "{\"action\":\"approve\",\"expectedVersion\":" + n.json() + "}")));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                new byte[]{(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, '"', '}'},
                new byte[]{0, 0, 0, 0});
        return Arbitraries.<byte[]>frequencyOf(HostileValues.w(9, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                HostileValues.w(1, invalidUtf8));
    }

    // ------------------------------------------------------------------ unknown routes

    /** Paths no route matches and no file of the web app is at ("/" is the web app's start page: not here). */
    private Arbitrary<HostileRequest> unknownRoute() {
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/index.php", "/v1", "/v1/", "/v2/reports", "/V1/REPORTS", "/v1/reports/", "/v1//reports",
                        "/v1/admin", "/v1/admin/tenants", "/v1/cases", "/v1/public", "/.env", "/actuator/health",
                        "/v1/reports/%2e%2e/tenants", "/..%2f..%2fetc/passwd", "/v1/%00", "/v1/inbox/x",
                        "/wp-admin/admin-ajax.php", "/cgi-bin/test.cgi", "/v1/tenants/kotamobagu",
                        "/v1/tenants/kotamobagu/categories/x", "/v1/public/kotamobagu", "/dev/v1/unknown",
                        "/" + "a/".repeat(500)),
                HostileValues.rawSegment().map(s -> "/v1/" + s + "/" + s + "/x/y"));
        return Combinators.combine(Arbitraries.of(METHODS), path).as((method, p) -> new HostileRequest("<unknown>",
                method, p, List.of(Map.entry("Content-Type", "application/json")),
                method.equals("GET") || method.equals("HEAD") ? null : "{}".getBytes(StandardCharsets.UTF_8),
                List.of("UNKNOWN_ROUTE")));
    }
}
