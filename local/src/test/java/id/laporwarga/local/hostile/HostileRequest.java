package id.laporwarga.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated bad request: what is sent (method, raw path and query, headers, body bytes) and why it must be refused
 * ({@code defects}: at least one of them is decisive, i.e. no correct API may answer it with a 2xx).
 */
record HostileRequest(String routeKey, String method, String rawPathAndQuery, List<Map.Entry<String, String>> headers,
                      byte[] body, List<String> defects) {

    @Override
    public String toString() {
        String b = body == null ? "<none>" : body.length > 300
                ? new String(body, 0, 300, StandardCharsets.UTF_8) + "...(" + body.length + " bytes)"
                : new String(body, StandardCharsets.UTF_8);
        String p = rawPathAndQuery.length() > 300 ? rawPathAndQuery.substring(0, 300) + "..." : rawPathAndQuery;
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, String> e : headers) {
            String v = e.getValue().length() > 80 ? e.getValue().substring(0, 80) + "..." : e.getValue();
            h.append(e.getKey()).append(": ").append(v).append("; ");
        }
        return "[" + routeKey + "] " + method + " " + p + " defects=" + defects + " headers={" + h + "} body=" + b;
    }
}
