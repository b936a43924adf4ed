package id.laporwarga.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.DevStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A client of the running system as a phone app, an official's dashboard or an operator would be: HTTP only (the
 * local stack's API, its presigned S3 URLs through the real {@code curl}, tokens minted at {@code /_local/tokens}),
 * and the AWS CLI to look into the emulators. Nothing here calls a handler or a repository.
 */
final class LaporApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "kotamobagu";

    private final DevStack local;
    private final id.laporwarga.local.privacy.StackHttp http;

    LaporApi(DevStack local) {
        this.http = new id.laporwarga.local.privacy.StackHttp(local);
        this.local = local;
    }

    String baseUrl() {
        return local.baseUrl();
    }

    // ------------------------------------------------------------------ HTTP

    HttpResponse<String> call(String method, String path, String token, Object body, String... headers) {
        return http.call(method, path, token, body, headers);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    /** A token as the officials' sign-in would issue it (custom:role, custom:tenant, custom:area claims). */
    String token(String role, String tenant, String area) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("tenant", tenant == null ? "" : tenant);
        body.put("area", area == null ? "" : area);
        body.put("sub", role.toLowerCase() + "-e2e");
        HttpResponse<String> r = call("POST", "/_local/tokens", null, body);
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("token").asText();
    }

    String token(String role, String area) {
        return token(role, TENANT, area);
    }

    // ------------------------------------------------------------------ citizens

    /** A report body; one photo declared with the exact size of {@code photo} (none if null). */
    static Map<String, Object> report(String kind, String category, double[] latLon, String privacy, String rtId,
                                      Path photo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("category", category);
        body.put("description", "Uji ujung ke ujung: " + category + " di sekitar lokasi ini, mohon ditindaklanjuti.");
        body.put("location", Map.of("lat", latLon[0], "lon", latLon[1]));
        body.put("privacy", privacy);
        if (rtId != null) {
            body.put("rtId", rtId);
        }
        if ("PUBLIC".equals(privacy)) {
            body.put("reporter", Map.of("name", "Warga Uji"));
        }
        if (photo != null) {
            try {
                body.put("photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", Files.size(photo))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** POST /v1/reports; asserts 201 and returns the answer (caseId, trackingCode, reporterSecret, uploads). */
    JsonNode submit(Map<String, Object> report) {
        HttpResponse<String> r = call("POST", "/v1/reports", null, report,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    JsonNode publicView(String trackingCode) {
        return http.publicView(trackingCode);
    }

    /** Polls the public view every 100 ms until {@code until} holds; fails with the last view after the timeout. */
    JsonNode awaitPublicView(String trackingCode, Predicate<JsonNode> until, Duration timeout) {
        return http.awaitPublicView(trackingCode, until, timeout);
    }

    JsonNode awaitStatus(String trackingCode, String status, Duration timeout) {
        return http.awaitStatus(trackingCode, status, timeout);
    }

    /** PUTs {@code photo} to the submission's first presigned URL with the real curl binary, with the ticket's headers. */
    static void uploadWithCurl(JsonNode submission, Path photo) {
        JsonNode ticket = submission.path("uploads").path(0);
        assertTrue(ticket.hasNonNull("url"), "no upload ticket in " + submission);
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "-X", "PUT", "--upload-file", photo.toString()));
        boolean contentType = false;
        for (var it = ticket.path("headers").fields(); it.hasNext(); ) {
            var h = it.next();
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                continue; // curl sends the file's length itself (the signed, declared one)
            }
            cmd.add("-H");
            cmd.add(h.getKey() + ": " + h.getValue().asText());
            contentType |= h.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            cmd.add("-H");
            cmd.add("Content-Type: image/jpeg");
        }
        cmd.add(ticket.get("url").asText());
        Commands.Result r = Commands.run(cmd, Map.of(), Duration.ofSeconds(20));
        assertEquals(0, r.exitCode(), "curl failed: " + r);
        assertEquals("200", r.stdout().trim(), "presigned PUT answered " + r);
    }

    // ------------------------------------------------------------------ officials

    JsonNode caseView(String token, String caseId) {
        return http.caseView(token, caseId);
    }

    /**
     * POST /v1/cases/{id}/actions with the version the official just read; 200 expected; the new view. A 409 while the
     * system still updates the case (alert deliveries) is reloaded and retried, as the API tells clients to.
     */
    JsonNode act(String token, String caseId, String action, String note) {
        return http.act(token, caseId, action, note);
    }

    static void sleep(long millis) {
        id.laporwarga.local.privacy.StackHttp.sleep(millis);
    }
}
