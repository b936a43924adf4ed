package id.laporwarga.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What every answer to a bad request must look like. */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text that only a leaked exception or stack trace would put into a body. */
    static final List<String> LEAK_MARKERS = List.of("Exception", "\tat ", "\n\tat", "Caused by", "java.", "javax.",
            "jdk.internal", "io.micronaut", "software.amazon", "com.fasterxml", "id.laporwarga", "com.sun.",
            "stackTrace", "NullPointer", "at line", "SdkClientException");
    /** Statuses API Gateway itself answers with {"message":...}: authorizer, no route, body over 10 MB. */
    static final Set<Integer> GATEWAY_STATUSES = Set.of(401, 403, 404, 413);

    private Answers() {
    }

    /** Null if the answer is acceptable for a bad request, else what is wrong with it. */
    static String problem(String method, int status, HttpHeaders headers, String body) {
        if (status < 400 || status > 499) {
            return "status " + status + " (a bad request must get a 4xx)";
        }
        for (String marker : LEAK_MARKERS) {
            if (body != null && body.contains(marker)) {
                return "body leaks internals (" + marker.strip() + ")";
            }
        }
        for (String name : headers.map().keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-injected") || n.equals("set-cookie")) {
                return "response carries an injected header " + name;
            }
        }
        if ("HEAD".equals(method)) {
            return null;
        }
        String contentType = headers.firstValue("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return "content type " + contentType + " is not JSON";
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return "body is not JSON";
        }
        if (root == null || !root.isObject()) {
            return "body is not a JSON object";
        }
        JsonNode error = root.get("error");
        if (error != null) {
            if (!error.isObject() || !error.path("code").isTextual() || !error.path("code").asText().matches("[A-Z_]+")
                    || !error.path("message").isTextual() || error.path("message").asText().isBlank()) {
                return "error shape is not {error:{code,message}}";
            }
            if (error.has("fields") && !error.get("fields").isObject()) {
                return "error.fields is not an object";
            }
            if (root.size() != 1) {
                return "error body has more than the error";
            }
            return null;
        }
        if (GATEWAY_STATUSES.contains(status) && root.size() == 1 && root.path("message").isTextual()) {
            return null; // API Gateway's own answer (authorizer, no route, too large)
        }
        return "body is neither {error:{code,message}} nor API Gateway's {message}";
    }
}
