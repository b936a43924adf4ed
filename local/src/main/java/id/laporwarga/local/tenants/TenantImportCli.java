package id.laporwarga.local.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lapor-tenants import <file.geojson> --codes 16.73,35.74,...}: bulk onboarding through the admin API
 * (docs/tenants.md). Asks for a presigned upload ({@code POST /v1/admin/boundary-uploads}), PUTs the file there once,
 * then sends the codes a few at a time to {@code POST /v1/admin/tenant-imports}, printing one line per kab/kota as it
 * goes and sending again what a call did not reach. A re-run is idempotent (tenants already onboarded answer
 * {@code unchanged}). Exit status 1 when a kab/kota failed.
 *
 * <p>Options: {@code --api URL} (default {@code http://127.0.0.1:3000}, the dev stack), {@code --token JWT} (default
 * {@code $LAPOR_TOKEN}; against the dev stack a platform admin token is minted with {@code POST /_local/tokens}),
 * {@code --batch N} codes per call (default 5), {@code --lang en}.
 */
public final class TenantImportCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;
    private final String api;
    private final String lang;
    private String token;

    TenantImportCli(String api, String token, String lang, PrintStream out) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.token = token;
        this.lang = lang;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        if (args.length < 2 || !"import".equals(args[0])) {
            out.println("usage: ./lapor-tenants import <file.geojson> --codes 16.73,35.74[=tenant-id],... "
                    + "[--api URL] [--token JWT] [--batch N] [--lang en]");
            return 2;
        }
        Path file = Path.of(args[1]);
        String api = "http://127.0.0.1:3000";
        String token = System.getenv("LAPOR_TOKEN");
        String lang = "id";
        int batch = 5;
        List<String> codes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--codes" -> codes.addAll(Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
                case "--api" -> api = value;
                case "--token" -> token = value;
                case "--batch" -> batch = Math.max(1, Integer.parseInt(value));
                case "--lang" -> lang = value;
                default -> {
                    out.println("lapor-tenants: unknown option " + args[i]);
                    return 2;
                }
            }
            i++;
        }
        if (codes.isEmpty() || !Files.isRegularFile(file)) {
            out.println("lapor-tenants: need an existing file and --codes (e.g. --codes 16.73,35.74)");
            return 2;
        }
        return new TenantImportCli(api, token, lang, out).importFile(file, codes, batch);
    }

    int importFile(Path file, List<String> codes, int batch) throws IOException, InterruptedException {
        if (token == null || token.isBlank()) {
            token = localPlatformAdminToken();
        }
        long size = Files.size(file);
        String contentType = file.toString().endsWith(".gz") ? "application/gzip" : "application/geo+json";
        JsonNode ticket = call("POST", "/v1/admin/boundary-uploads", JSON.createObjectNode().put("sizeBytes", size)
                .put("purpose", "import").put("contentType", contentType));
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                .timeout(Duration.ofMinutes(10))
                .method(ticket.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofFile(file));
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!"content-length".equalsIgnoreCase(h.getKey()) && !"host".equalsIgnoreCase(h.getKey())) {
                upload.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> put = http.send(upload.build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IOException("upload failed: HTTP " + put.statusCode() + " " + put.body());
        }
        String uploadId = ticket.path("uploadId").asText();
        out.printf(Locale.ROOT, "uploaded %s (%,d bytes) as %s; importing %d kab/kota%n", file.getFileName(), size,
                uploadId, codes.size());
        int done = 0;
        int failed = 0;
        List<String> pending = new ArrayList<>(codes);
        while (!pending.isEmpty()) {
            List<String> now = new ArrayList<>(pending.subList(0, Math.min(batch, pending.size())));
            ObjectNode body = JSON.createObjectNode().put("uploadId", uploadId);
            ArrayNode list = body.putArray("codes");
            now.forEach(list::add);
            JsonNode report = call("POST", "/v1/admin/tenant-imports", body);
            List<String> remaining = new ArrayList<>();
            report.path("remaining").forEach(r -> remaining.add(r.asText()));
            for (JsonNode item : report.path("results")) {
                done++;
                boolean ok = !"failed".equals(item.path("outcome").asText());
                failed += ok ? 0 : 1;
                out.printf(Locale.ROOT, "[%d/%d] %s %-9s %s%s%n", done, codes.size(), item.path("code").asText(),
                        item.path("outcome").asText(), item.path("tenantId").asText(""),
                        ok ? "  (" + item.path("name").asText("") + ", " + item.path("kecamatan").asInt() + " kecamatan, "
                                + item.path("kelurahan").asInt() + " desa/kelurahan)"
                                : "  " + item.path("message").asText("") + " " + item.path("fields"));
            }
            pending.subList(0, now.size()).clear();
            pending.addAll(0, remaining);
        }
        out.printf(Locale.ROOT, "done: %d kab/kota, %d failed%n", done, failed);
        return failed == 0 ? 0 : 1;
    }

    private String localPlatformAdminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/_local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"PLATFORM_ADMIN\"}"))
                .header("content-type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("no --token or LAPOR_TOKEN, and " + api + "/_local/tokens answered HTTP "
                    + r.statusCode() + " (not the dev stack?)");
        }
        return JSON.readTree(r.body()).path("token").asText();
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("content-type", "application/json").header("accept-language", lang)
                .header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
