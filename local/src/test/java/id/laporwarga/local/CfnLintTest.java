package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.emulators.SamTemplate;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** template.yaml passes cfn-lint (skipped where cfn-lint is not installed: pip install cfn-lint). */
class CfnLintTest {
    @Test
    void templateIsValid() throws Exception {
        boolean onPath = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            onPath |= new File(dir, "cfn-lint").canExecute();
        }
        Assumptions.assumeTrue(onPath, "cfn-lint not on PATH");
        Path template = SamTemplate.findRepositoryTemplate();
        Process p = new ProcessBuilder("cfn-lint", template.toString()).redirectErrorStream(true)
                .directory(template.getParent().toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("cfn-lint timed out");
        }
        assertEquals(0, p.exitValue(), () -> "cfn-lint " + template + ":\n" + out);
    }
}
