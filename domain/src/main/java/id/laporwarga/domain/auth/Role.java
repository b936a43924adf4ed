package id.laporwarga.domain.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts on a case. The first seven come from a verified sign-in token; {@link #CITIZEN} is the reporter proving
 * the case with the secret returned at submission, {@link #SYSTEM} is the scheduled escalation run.
 */
public enum Role {
    RT_HEAD, KELURAHAN, KECAMATAN, CITY_ADMIN, AGENCY_STAFF, ANALYST, PLATFORM_ADMIN, CITIZEN, SYSTEM;

    /** Roles a sign-in token may carry. */
    public static final Set<Role> SIGN_IN_ROLES =
            EnumSet.of(RT_HEAD, KELURAHAN, KECAMATAN, CITY_ADMIN, AGENCY_STAFF, ANALYST, PLATFORM_ADMIN);

    public static Optional<Role> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Roles whose token must name an area (RT, kelurahan, kecamatan or agency). */
    public boolean needsArea() {
        return this == RT_HEAD || this == KELURAHAN || this == KECAMATAN || this == AGENCY_STAFF;
    }
}
