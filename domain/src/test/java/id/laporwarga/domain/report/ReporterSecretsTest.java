package id.laporwarga.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReporterSecretsTest {
    final ReporterSecrets secrets = new ReporterSecrets(() -> "a-server-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    final ReporterSecrets otherKey = new ReporterSecrets(() -> "another-server-key-of-32-bytes-too!".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSecretIsDerivedFromTheKeyAndTheCase() {
        String s = secrets.secretFor("case-1");
        assertTrue(s.matches("[A-Za-z0-9_-]{24}"), s);
        assertEquals(s, secrets.secretFor("case-1"), "a replay gets the same secret");
        assertNotEquals(s, secrets.secretFor("case-2"));
        assertNotEquals(s, otherKey.secretFor("case-1"));
    }

    @Test
    void onlyTheSecretOfTheVerifierMatches() {
        String s = secrets.secretFor("case-1");
        String verifier = secrets.verifier(s);
        assertTrue(verifier.startsWith(ReporterSecrets.VERIFIER_PREFIX));
        assertFalse(verifier.contains(s));
        assertTrue(secrets.matches(s, verifier));
        assertFalse(secrets.matches(secrets.secretFor("case-2"), verifier));
        assertFalse(secrets.matches(s, verifier.toUpperCase()));
        assertFalse(otherKey.matches(s, verifier), "without the key the table's verifier proves nothing");
        assertFalse(secrets.matches(null, verifier));
        assertFalse(secrets.matches(s, null));
        // a plain SHA-256 of the secret (the old scheme) is no verifier
        assertFalse(secrets.matches(s, SubmitReportService.sha256(s)));
    }

    @Test
    void aShortKeyIsRefused() {
        ReporterSecrets weak = new ReporterSecrets(() -> "short".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> weak.secretFor("case-1"));
    }
}
