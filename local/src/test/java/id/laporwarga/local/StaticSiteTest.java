package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app's files behind the local HTTP API bridge (no emulator): served where no route matches, never under
 * /v1/ or /_local/, gzip when accepted, with the security headers; an API route keeps priority.
 */
class StaticSiteTest {
    static HttpServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // a route whose function is not running: the bridge answers 500 for it, whatever files exist
        RouteTable routes = new RouteTable(List.of(new HttpRoute("GET", "/v1/tenants", "TenantsFunction", "Get",
                "HttpApi", "$default", null, List.of())));
        StaticSite site = new StaticSite(StaticSiteTest.class.getClassLoader(), URI.create("http://127.0.0.1:5999"),
                null);
        server.createContext("/", new HttpApiBridge(routes, Map.of(), Map.of("TenantsFunction", "not loaded"),
                () -> RequestAuthorizer.PASS_THROUGH, Map.of(), Map.of(), "123456789012", false, site));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static HttpResponse<byte[]> call(String method, String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesAreServedCompressedWithTheSecurityHeaders() throws IOException {
        HttpResponse<byte[]> page = call("GET", "/lapor.html", "Accept-Encoding", "gzip");
        assertEquals(200, page.statusCode());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
        String html = gunzip(page.body());
        assertTrue(html.contains("<form id=\"report-form\""), html);
        assertTrue(page.body().length < html.length() / 2, "compressed: " + page.body().length + " of " + html.length());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("connect-src 'self' http://127.0.0.1:5999"),
                csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<byte[]> index = call("GET", "/");
        assertEquals(200, index.statusCode());
        assertTrue(new String(index.body(), StandardCharsets.UTF_8).contains("Lapor Warga"));
        HttpResponse<byte[]> leaflet = call("GET", "/vendor/leaflet/leaflet.js");
        assertEquals(200, leaflet.statusCode(), "Leaflet from its WebJar");
        assertTrue(leaflet.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        String config = new String(call("GET", "/config.json").body(), StandardCharsets.UTF_8);
        assertTrue(config.contains("\"mode\":\"local\"") && config.contains("\"url\":null"), config);
        assertEquals(200, call("HEAD", "/lacak.html").statusCode());
    }

    @Test
    void theApiKeepsItsPathsAndNothingLeavesTheSite() {
        assertEquals(500, call("GET", "/v1/tenants").statusCode(), "an API route is never a file");
        for (String path : List.of("/v1/index.html", "/v1", "/_local/index.html", "/../pom.xml", "/%2e%2e/pom.xml",
                "/js", "/nope.html", "/vendor/leaflet/../../../../META-INF/MANIFEST.MF")) {
            HttpResponse<byte[]> r = call("GET", path);
            assertEquals(404, r.statusCode(), path);
            assertEquals("{\"message\":\"Not Found\"}", new String(r.body(), StandardCharsets.UTF_8), path);
        }
        assertEquals(404, call("POST", "/lapor.html").statusCode(), "files are read-only");
    }
}
