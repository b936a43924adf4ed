package id.laporwarga.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The web app (module {@code web/}, classpath folder {@code web/}) and Leaflet from its WebJar (at
 * {@code /vendor/leaflet/}) at the root of the local stack, as CloudFront serves them from the app bucket on AWS: the
 * API's routes keep priority (the bridge asks this only when no route matches), and nothing under {@code /v1/} or
 * {@code /_local/} is ever a static file. {@code /config.json} is the deployment's settings for the app (local
 * sign-in, the tile URL). Answers are gzip-compressed when the client accepts it (CloudFront's {@code Compress}) and
 * carry the same security headers as the distribution's response headers policy (CSP, frame-ancestors 'none',
 * nosniff, referrer policy), with the emulators' origins allowed for photo uploads and views.
 */
final class StaticSite {
    static final String ROOT = "web/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("map", "application/json"));

    private final ClassLoader loader;
    private final String leafletRoot;
    private final String configJson;
    private final String contentSecurityPolicy;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /**
     * @param s3Endpoint the emulated S3's origin (presigned uploads and photo views), or null
     * @param tileUrl    the map tiles' URL template, or null for none
     */
    StaticSite(ClassLoader loader, URI s3Endpoint, String tileUrl) {
        this.loader = loader;
        this.leafletRoot = "META-INF/resources/webjars/leaflet/" + webJarVersion(loader, "leaflet") + "/dist/";
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("url", tileUrl);
        tiles.put("attribution", tileUrl != null && tileUrl.contains("openstreetmap")
                ? "© OpenStreetMap contributors" : "");
        this.configJson = Jsons.write(Map.of("auth", Map.of("mode", "local"), "tiles", tiles));
        String s3 = s3Endpoint == null ? "" : " " + origin(s3Endpoint);
        String tileOrigin = tileUrl == null ? "" : " " + origin(URI.create(tileUrl.replaceAll("[{}]", "")));
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"
                + s3 + tileOrigin + "; connect-src 'self'" + s3 + "; font-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    static String webJarVersion(ClassLoader loader, String artifact) {
        String path = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return "missing";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** Whether a request that no API route matched may be a static file: GET or HEAD, outside the API's paths. */
    static boolean candidate(String method, String rawPath) {
        return ("GET".equals(method) || "HEAD".equals(method)) && !rawPath.startsWith("/v1/")
                && !rawPath.equals("/v1") && !rawPath.startsWith("/_local/");
    }

    /** The resource of a path, or null (no such file, or a path that tries to leave the site). */
    String resourceOf(String rawPath) {
        String path = HttpApiBridge.decode(rawPath);
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            return null;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        if (!path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return null; // only files (a folder of the class path would answer its listing)
        }
        if (path.startsWith("/vendor/leaflet/")) {
            return leafletRoot + path.substring("/vendor/leaflet/".length());
        }
        return ROOT + path.substring(1);
    }

    /** Serves the file of a GET/HEAD, or answers false when there is none (the caller answers 404). */
    boolean serve(HttpExchange exchange, Map<String, String> requestHeaders) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] body;
        String type;
        if ("/config.json".equals(rawPath)) {
            body = configJson.getBytes(StandardCharsets.UTF_8);
            type = TYPES.get("json");
        } else {
            String resource = resourceOf(rawPath);
            body = resource == null ? null : read(resource);
            if (body == null) {
                return false;
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                    "application/octet-stream");
        }
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", type);
        out.set("Cache-Control", "no-cache");
        out.set("Content-Security-Policy", contentSecurityPolicy);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "strict-origin-when-cross-origin");
        out.set("Vary", "Accept-Encoding");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (compressible(type) && requestHeaders.getOrDefault("accept-encoding", "").contains("gzip")) {
            body = gzip(body);
            out.set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        return true;
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("svg");
    }

    private byte[] read(String resource) {
        byte[] cached = cache.get(resource);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            cache.put(resource, bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
