package id.laporwarga.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP API route of the template ({@code Type: HttpApi} event): method (or ANY), path template with
 * {@code {param}} and greedy {@code {proxy+}} segments, the function behind it and the authorizer that guards it
 * (null when none).
 */
public record HttpRoute(String method, String path, String functionLogicalId, String eventName, String apiLogicalId,
                        String stage, String authorizer, List<String> authorizationScopes) {

    /** API Gateway's route key, e.g. {@code GET /v1/reports/{trackingCode}} ({@code $default} for the catch-all). */
    public String routeKey() {
        return "$default".equals(path) ? "$default" : method + " " + path;
    }

    boolean isDefault() {
        return "$default".equals(path);
    }

    boolean greedy() {
        return path.endsWith("+}");
    }

    int literalSegments() {
        int n = 0;
        for (String s : segments(path)) {
            if (!s.startsWith("{")) {
                n++;
            }
        }
        return n;
    }

    /** Path parameters if the (raw, still percent-encoded) path matches, else null. */
    Map<String, String> match(String rawPath) {
        if (isDefault()) {
            return Map.of();
        }
        List<String> template = segments(path);
        List<String> actual = segments(rawPath);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                List<String> rest = actual.subList(i, actual.size());
                List<String> decoded = new ArrayList<>();
                rest.forEach(s -> decoded.add(HttpApiBridge.decode(s)));
                params.put(t.substring(1, t.length() - 2), String.join("/", decoded));
                return params;
            }
            if (i >= actual.size()) {
                return null;
            }
            String a = actual.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (a.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), HttpApiBridge.decode(a));
            } else if (!t.equals(HttpApiBridge.decode(a))) {
                return null;
            }
        }
        return template.size() == actual.size() ? params : null;
    }

    private static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) {
            return List.of();
        }
        return List.of(p.split("/", -1));
    }
}
