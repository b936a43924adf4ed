package id.laporwarga.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route returns: a status, a body (serialized to JSON) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, h);
    }
}
