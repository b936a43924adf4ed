package id.laporwarga.domain.report;

import id.laporwarga.domain.port.ReporterSecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reporter's secret of a case and its verifier, both keyed hashes (HMAC-SHA256) under the server key:
 * <ul>
 *   <li>the secret is derived from the key and the case id, so an idempotent replay of the submission returns the
 *       same secret without it ever being stored;</li>
 *   <li>the case stores only the verifier, an HMAC of the secret under the same key with another label: whoever can
 *       read the table (or a backup) learns nothing that confirms or reopens a case without the key.</li>
 * </ul>
 * Rotating the key invalidates every secret handed out before (docs/security.md).
 */
public final class ReporterSecrets {
    /** Prefix of a stored verifier (names the scheme, so another can follow). */
    public static final String VERIFIER_PREFIX = "hmac-sha256:";
    private static final String SECRET_LABEL = "lapor-warga/reporter-secret/v1\n";
    private static final String VERIFIER_LABEL = "lapor-warga/reporter-secret-verifier/v1\n";
    private static final int SECRET_BYTES = 18; // 24 URL-safe characters, 144 bits

    private final ReporterSecretKey key;
    private volatile SecretKeySpec spec;

    public ReporterSecrets(ReporterSecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The secret of {@code caseId}: 24 URL-safe characters, the same for every call. */
    public String secretFor(String caseId) {
        byte[] mac = mac(SECRET_LABEL + caseId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, SECRET_BYTES));
    }

    /** What the case stores: {@code hmac-sha256:<hex>} of {@code secret}. */
    public String verifier(String secret) {
        return VERIFIER_PREFIX + HexFormat.of().formatHex(mac(VERIFIER_LABEL + secret));
    }

    /** Whether {@code secret} is the one {@code storedVerifier} was made from (constant time). */
    public boolean matches(String secret, String storedVerifier) {
        if (secret == null || storedVerifier == null || !storedVerifier.startsWith(VERIFIER_PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(verifier(secret).getBytes(StandardCharsets.US_ASCII),
                storedVerifier.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keySpec());
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec keySpec() {
        SecretKeySpec s = spec;
        if (s == null) {
            byte[] bytes = key.key();
            if (bytes == null || bytes.length < 32) {
                throw new IllegalStateException("the reporter secret key must have at least 32 bytes");
            }
            s = new SecretKeySpec(bytes, "HmacSHA256");
            spec = s;
        }
        return s;
    }
}
