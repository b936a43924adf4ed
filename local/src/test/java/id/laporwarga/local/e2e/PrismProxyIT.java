package id.laporwarga.local.e2e;

import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.local.privacy.StackHttp;
import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stoplight Prism (tools/prism, pinned in its package.json) as a validating proxy in front of the local stack, as
 * docs/api.md tells developers to run it: a citizen's and an official's round through the proxy, and Prism reports no
 * violation of docs/openapi.json (no {@code sl-violations} header on any answer, no violation in its log). Skipped,
 * with the reason, where Node's {@code npx} is missing, or where Prism is not installed and the npm registry cannot
 * be reached to install it.
 */
@Tag("emulator")
@Timeout(300)
@ExtendWith(SharedDevStack.class)
class PrismProxyIT {
    static final Path PRISM_DIR = RepositoryFiles.resolve("tools/prism");

    @Test
    void prismSeesNoViolationOverACitizensAndAnOfficialsRound() throws Exception {
        assumeTrue(Commands.onPath("npx") && Commands.onPath("npm"), "Node.js (npx, npm) is not on the PATH: Prism not run");
        Path prism = PRISM_DIR.resolve("node_modules/.bin/prism");
        if (!Files.isExecutable(prism)) {
            Commands.Result ping = Commands.run(List.of("npm", "ping"), Map.of(), Duration.ofSeconds(20));
            assumeTrue(ping.exitCode() == 0, "Prism is not installed in tools/prism and the npm registry is not reachable: "
                    + ping);
            Commands.Result install = Commands.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix",
                    PRISM_DIR.toString()), Map.of(), Duration.ofMinutes(3));
            assertEquals(0, install.exitCode(), install.toString());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("prism", ".log");
        Process proxy = new ProcessBuilder(prism.toString(), "proxy", RepositoryFiles.resolve("docs/openapi.json").toString(),
                local().baseUrl(), "--port", String.valueOf(port), "--host", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            StackHttp api = new StackHttp(local(), "http://127.0.0.1:" + port);
            awaitProxy(api, proxy, log);
            List<HttpResponse<String>> answers = new ArrayList<>();
            api.observe(answers::add);
            round(api, new StackHttp(local()));
            for (HttpResponse<String> r : answers) {
                assertTrue(r.headers().firstValue("sl-violations").isEmpty(), r.request().method() + " "
                        + r.request().uri() + ": Prism reports " + r.headers().firstValue("sl-violations").orElse(""));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(!output.contains("Violation"), "Prism's log has violations:\n" + output);
            assertTrue(answers.size() >= 10, answers.size() + " answers through Prism");
        } finally {
            proxy.destroy();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void awaitProxy(StackHttp api, Process proxy, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!proxy.isAlive()) {
                throw new AssertionError("Prism exited:\n" + Files.readString(log));
            }
            try {
                if (api.call("GET", "/v1/tenants", null, null).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prism did not start in 90 s:\n" + Files.readString(log));
    }

    /**
     * Valid requests only: Prism reports request violations too (the bad-input suites run without it). Tokens are
     * minted on the stack itself ({@code /_local/...} is not part of the API).
     */
    private static void round(StackHttp api, StackHttp direct) {
        String tenant = StackHttp.TENANT;
        StackHttp.expect(200, api.call("GET", "/v1/openapi.json", null, null));
        StackHttp.expect(200, api.call("GET", "/v1/tenants", null, null));
        StackHttp.expect(200, api.call("GET", "/v1/tenants/" + tenant + "/categories?kind=COMPLAINT", null, null));
        JsonNode submitted = api.submit(StackHttp.report("COMPLAINT", "SAMPAH", SamplePoints.named("Kobo Besar").latLon(),
                "PUBLIC", null, Map.of("name", "Rahmat Paputungan", "phone", "081234567890"),
                List.of(StackHttp.photo("image/jpeg", 245_760))), null);
        String code = submitted.get("trackingCode").asText();
        String caseId = submitted.get("caseId").asText();
        StackHttp.expect(200, api.call("GET", "/v1/reports/" + code, null, null));
        StackHttp.expect(200, api.call("GET", "/v1/reports/" + code, null, null, "Accept-Language", "en"));
        StackHttp.expect(404, api.call("GET", "/v1/reports/KOT-0000-0000", null, null));
        String city = direct.token("CITY_ADMIN", null);
        StackHttp.expect(200, api.call("GET", "/v1/inbox?limit=5", city, null));
        JsonNode view = StackHttp.expect(200, api.call("GET", "/v1/cases/" + caseId, city, null));
        assertEquals(caseId, view.get("caseId").asText());
        StackHttp.expect(200, api.call("GET", "/v1/admin/stats?tenant=" + tenant, city, null));
        StackHttp.expect(200, api.call("GET", "/v1/admin/service-times?tenant=" + tenant, city, null));
        StackHttp.expect(200, api.call("GET", "/v1/public/" + tenant + "/rt", null, null));
        StackHttp.expect(200, api.call("GET", "/v1/public/" + tenant + "/areas", null, null));
    }
}
