package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.SampleTenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The runner on the repository's template.yaml: sample tenant, real handlers (when written), the AWS CLI. */
@Tag("emulator")
@Timeout(180)
class RepositoryStackIT {
    private static DevStack local;

    @BeforeAll
    static void start() {
        local = DevStack.start(DevStackOptions.forTests());
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void sampleTenantIsOnboardedOnce() {
        // the tenant's document item (docs/data-model.md), its entry in the national index, its boundary file in S3
        var item = local.aws().dynamoDb().getItem(b -> b.tableName(local.stack().table("CasesTable"))
                .key(Map.of("pk", AttributeValue.fromS("TENANT#kotamobagu"), "sk", AttributeValue.fromS("TENANT"))));
        assertTrue(item.hasItem() && !item.item().isEmpty(), "kotamobagu stored");
        assertEquals("Kota Kotamobagu", item.item().get("name").s());
        var index = local.aws().dynamoDb().getItem(b -> b.tableName(local.stack().table("CasesTable"))
                .key(Map.of("pk", AttributeValue.fromS("TENANTS"), "sk", AttributeValue.fromS("INDEX"))));
        assertTrue(index.hasItem() && !index.item().isEmpty(), "the national index");
        String boundaryKey = item.item().get("boundaryKey").s();
        assertTrue(boundaryKey.startsWith("boundaries/kotamobagu/") && boundaryKey.endsWith(".geojson.gz"), boundaryKey);
        assertTrue(local.aws().s3().headObject(b -> b.bucket(local.stack().bucket("BoundariesBucket")).key(boundaryKey))
                .contentLength() > 10_000, "the boundary file");
        assertEquals(List.of(SampleTenants.KOTAMOBAGU), local.onboardedTenants());
        assertTrue(SampleTenants.onboardAllIfAbsent(local.stack()).isEmpty(), "already there");
    }

    @Test
    void listTenantsThroughTheBridge() throws Exception {
        Assumptions.assumeTrue(local.functions().containsKey("SubmitReportFunction"),
                () -> "SubmitReportHandler not running yet: " + local.missingFunctions().get("SubmitReportFunction"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(local.baseUrl() + "/v1/tenants")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("kotamobagu"), r.body());
        assertTrue(r.body().contains("Kota Kotamobagu"), r.body());
        new ObjectMapper().readTree(r.body());
    }

    @Test
    void awsCliIsARealClient() throws Exception {
        Assumptions.assumeTrue(LocalAwsCli.available(), "aws CLI not on PATH");
        LocalAws aws = local.aws();
        String tables = LocalAwsCli.run(aws, "--endpoint-url", aws.endpoint("dynamodb").toString(), "dynamodb",
                "list-tables", "--region", aws.region(), "--output", "json");
        assertTrue(tables.contains(local.stack().table("CasesTable")), tables);
        String buckets = LocalAwsCli.run(aws, "--endpoint-url", aws.endpoint("s3").toString(), "s3", "ls",
                "--region", aws.region());
        assertTrue(buckets.contains(local.stack().bucket("PhotosBucket")), buckets);
    }

    /** Runs the AWS CLI with the emulators' keys. */
    static final class LocalAwsCli {
        static boolean available() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (new java.io.File(dir, "aws").canExecute()) {
                    return true;
                }
            }
            return false;
        }

        static String run(LocalAws aws, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add("aws");
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
            pb.environment().put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
            pb.environment().put("AWS_DEFAULT_REGION", aws.region());
            pb.environment().remove("AWS_PROFILE");
            pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
            pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", args) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> "aws " + String.join(" ", args) + ":\n" + text);
            return text;
        }
    }
}
