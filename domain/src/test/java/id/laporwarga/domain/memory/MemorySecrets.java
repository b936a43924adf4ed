package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.ReporterSecretKey;
import id.laporwarga.domain.report.ReporterSecrets;
import java.nio.charset.StandardCharsets;

/** The reporter-secret key of tests (never a real one) and the secrets and verifiers made with it. */
public final class MemorySecrets {
    public static final ReporterSecretKey KEY =
            () -> "in-memory-reporter-secret-key-for-tests-0123456789".getBytes(StandardCharsets.UTF_8);
    public static final ReporterSecrets SECRETS = new ReporterSecrets(KEY);

    private MemorySecrets() {
    }
}
