package id.laporwarga.platform.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route table of one function, keyed like API Gateway route keys ({@code "GET /v1/reports/{trackingCode}"}).
 * API Gateway already matched the route and filled the path parameters; when an event has no usable route key
 * (e.g. {@code $default}), the path is matched here.
 */
public final class Routes {
    private final Map<String, Function<ApiRequest, ApiResponse>> byKey = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    public Routes on(String method, String pathTemplate, Function<ApiRequest, ApiResponse> handler) {
        String key = method + " " + pathTemplate;
        byKey.put(key, handler);
        keys.add(key);
        return this;
    }

    public List<String> keys() {
        return List.copyOf(keys);
    }

    /** Finds the handler; the request returned carries the path parameters. */
    public Optional<Match> match(ApiRequest request) {
        if (request.routeKey() != null && byKey.containsKey(request.routeKey())) {
            return Optional.of(new Match(byKey.get(request.routeKey()), request));
        }
        boolean pathKnown = false;
        for (String key : keys) {
            int space = key.indexOf(' ');
            Map<String, String> params = matchPath(key.substring(space + 1), request.path());
            if (params != null) {
                pathKnown = true;
                if (key.substring(0, space).equals(request.method())) {
                    return Optional.of(new Match(byKey.get(key), request.withPathParameters(params)));
                }
            }
        }
        return pathKnown ? Optional.of(new Match(null, request)) : Optional.empty();
    }

    /** handler is null when the path exists but not for this method (405). */
    public record Match(Function<ApiRequest, ApiResponse> handler, ApiRequest request) {
    }

    static Map<String, String> matchPath(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                params.put(t[i].substring(1, t[i].length() - 1),
                        java.net.URLDecoder.decode(p[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }
}
