package id.laporwarga.domain.auth;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import java.util.Objects;

/**
 * A signed-in official, built only from verified token claims (never from a request body). Exactly one of the area
 * fields is set for area-bound roles: {@code rtId} for RT_HEAD, {@code kelurahanCode} for KELURAHAN,
 * {@code kecamatanCode} for KECAMATAN, {@code agencyId} for AGENCY_STAFF. {@code tenantId} is null only for
 * PLATFORM_ADMIN (who may act for every tenant).
 */
public record Caller(String subject, Role role, String tenantId, String rtId, String kelurahanCode,
                     String kecamatanCode, String agencyId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (!Role.SIGN_IN_ROLES.contains(role)) {
            throw new IllegalArgumentException("not a sign-in role: " + role);
        }
        if (role != Role.PLATFORM_ADMIN && (tenantId == null || tenantId.isBlank())) {
            throw new IllegalArgumentException(role + " needs a tenant");
        }
    }

    /** Builds a caller of {@code role} whose single area code is {@code area} (ignored for roles without an area). */
    public static Caller of(String subject, Role role, String tenantId, String area) {
        String a = area == null || area.isBlank() ? null : area.trim();
        if (role.needsArea() && a == null) {
            throw new IllegalArgumentException(role + " needs an area");
        }
        return new Caller(subject, role, tenantId,
                role == Role.RT_HEAD ? a : null,
                role == Role.KELURAHAN ? a : null,
                role == Role.KECAMATAN ? a : null,
                role == Role.AGENCY_STAFF ? a : null);
    }

    /** The area code the caller is bound to, or null. */
    public String area() {
        return switch (role) {
            case RT_HEAD -> rtId;
            case KELURAHAN -> kelurahanCode;
            case KECAMATAN -> kecamatanCode;
            case AGENCY_STAFF -> agencyId;
            default -> null;
        };
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    /** True for PLATFORM_ADMIN and for every caller of {@code tenant}. */
    public boolean belongsTo(String tenant) {
        return isPlatformAdmin() || (tenantId != null && tenantId.equals(tenant));
    }

    /** PLATFORM_ADMIN, or CITY_ADMIN of {@code tenant}; otherwise FORBIDDEN. */
    public Caller requireAdminOf(String tenant) {
        if (isPlatformAdmin() || (role == Role.CITY_ADMIN && tenantId.equals(tenant))) {
            return this;
        }
        throw new DomainException(ErrorCode.FORBIDDEN);
    }
}
