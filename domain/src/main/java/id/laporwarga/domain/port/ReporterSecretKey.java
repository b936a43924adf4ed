package id.laporwarga.domain.port;

/**
 * The server key behind reporters' secrets ({@link id.laporwarga.domain.report.ReporterSecrets}): on AWS a generated
 * Secrets Manager secret the function reads once per container, locally the emulator's copy. Never logged, never
 * stored in the table.
 */
public interface ReporterSecretKey {
    /** The key's bytes (at least 32). */
    byte[] key();
}
