package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.SamTemplate;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * template.yaml and template-edge-waf.yaml pass cfn-lint, and no stateful resource is left to cfn-lint's default of
 * deleting it with the stack: informational rule I3011 (DeletionPolicy/UpdateReplacePolicy on tables, user pools,
 * buckets, log groups, queues, ...) reports nothing. Skipped where cfn-lint is not installed (pip install cfn-lint).
 */
class CfnLintTest {
    private static final Path TEMPLATE = SamTemplate.findRepositoryTemplate();

    @Test
    void templateIsValid() throws Exception {
        Result r = cfnLint(TEMPLATE);
        assertEquals(0, r.exitCode(), () -> "cfn-lint " + TEMPLATE + ":\n" + r.output());
    }

    @Test
    void edgeTemplateIsValid() throws Exception {
        Path edge = TEMPLATE.getParent().resolve("template-edge-waf.yaml");
        Result r = cfnLint(edge, "--regions", "us-east-1");
        assertEquals(0, r.exitCode(), () -> "cfn-lint " + edge + ":\n" + r.output());
    }

    /** Every stateful resource says what happens to it when the stack goes: Retain for data, Delete for the rest. */
    @Test
    void everyStatefulResourceHasExplicitDeletionPolicies() throws Exception {
        List<String> i3011 = i3011(cfnLint(TEMPLATE, "--include-checks", "I", "--format", "parseable"));
        assertTrue(i3011.isEmpty(), () -> "cfn-lint I3011 on template.yaml:\n" + String.join("\n", i3011));

        // and the check reports what it should: a user pool and a table without policies (cfn-lint leaves buckets
        // out, since S3 refuses to delete a bucket that is not empty; template.yaml retains them anyway)
        Path bad = Files.createTempFile("i3011-", ".yaml");
        try {
            Files.writeString(bad, """
                    AWSTemplateFormatVersion: '2010-09-09'
                    Resources:
                      Officials:
                        Type: AWS::Cognito::UserPool
                        Properties: { UserPoolName: officials }
                      Cases:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          BillingMode: PAY_PER_REQUEST
                          KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                          AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                    """);
            List<String> found = i3011(cfnLint(bad, "--include-checks", "I", "--format", "parseable"));
            assertTrue(found.size() >= 4, () -> "expected I3011 for both resources:\n" + String.join("\n", found));
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    private static List<String> i3011(Result r) {
        List<String> out = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.contains(":I3011:")) {
                out.add(line);
            }
        }
        return out;
    }

    record Result(int exitCode, String output) {
    }

    private static Result cfnLint(Path template, String... options) throws Exception {
        boolean onPath = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            onPath |= new File(dir, "cfn-lint").canExecute();
        }
        Assumptions.assumeTrue(onPath, "cfn-lint not on PATH");
        List<String> command = new ArrayList<>(List.of("cfn-lint"));
        command.addAll(List.of(options));
        command.add("--");
        command.add(template.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(TEMPLATE.getParent().toFile())
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("cfn-lint timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
