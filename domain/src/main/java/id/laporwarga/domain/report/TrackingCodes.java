package id.laporwarga.domain.report;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Tracking codes citizens can read out over the phone: a tenant prefix and 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), e.g. {@code KTG-7K3M-9QXD}. 31^8 ~ 8.5e11 codes per tenant; uniqueness is still
 * enforced by the repository (conditional write).
 */
public final class TrackingCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private final RandomGenerator random;

    public TrackingCodes() {
        this(new SecureRandom());
    }

    public TrackingCodes(RandomGenerator random) {
        this.random = random;
    }

    public String next(String tenantPrefix) {
        StringBuilder sb = new StringBuilder(tenantPrefix.length() + 10).append(tenantPrefix).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A random secret of 24 URL-safe characters (returned once to the reporter, only its hash is stored). */
    public String secret() {
        String urlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(urlSafe.charAt(random.nextInt(urlSafe.length())));
        }
        return sb.toString();
    }

    /** True if {@code code} looks like a tracking code (cheap check before any lookup). */
    public static boolean isWellFormed(String code) {
        return code != null && code.matches("[A-Z0-9]{2,8}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    }
}
