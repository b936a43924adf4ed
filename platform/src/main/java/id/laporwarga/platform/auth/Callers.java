package id.laporwarga.platform.auth;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.platform.http.ApiRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in official of a request, from the claims the HTTP API JWT authorizer verified (signature, issuer,
 * audience, expiry) and put into {@code requestContext.authorizer.jwt.claims}. Never from the body or a header.
 *
 * <p>Claims (Cognito ID token; custom attributes of the user pool):
 * <ul>
 *   <li>{@code sub}: the user's id, recorded as the actor of history entries;</li>
 *   <li>{@code custom:role}: RT_HEAD, KELURAHAN, KECAMATAN, CITY_ADMIN, AGENCY_STAFF, ANALYST or PLATFORM_ADMIN;</li>
 *   <li>{@code custom:tenant}: the tenant id (absent only for PLATFORM_ADMIN);</li>
 *   <li>{@code custom:area}: the area of an area-bound role: the RT id (RT_HEAD), the kelurahan code (KELURAHAN),
 *       the kecamatan code (KECAMATAN) or the agency id (AGENCY_STAFF).</li>
 * </ul>
 */
public final class Callers {
    public static final String SUBJECT = "sub";
    public static final String ROLE = "custom:role";
    public static final String TENANT = "custom:tenant";
    public static final String AREA = "custom:area";

    private Callers() {
    }

    /** The caller, or 401 when the request carries no verified identity, 403 when its claims are unusable. */
    public static Caller from(ApiRequest request) {
        return from(request.claims());
    }

    public static Caller from(Map<String, String> claims) {
        String subject = claims == null ? null : claims.get(SUBJECT);
        if (subject == null || subject.isBlank()) {
            throw new DomainException(ErrorCode.UNAUTHORIZED);
        }
        Optional<Role> role = Role.parse(claims.get(ROLE)).filter(Role.SIGN_IN_ROLES::contains);
        if (role.isEmpty()) {
            throw forbidden("Token tidak memuat peran petugas yang dikenal.", "The token carries no known official role.");
        }
        try {
            return Caller.of(subject, role.get(), blankToNull(claims.get(TENANT)), claims.get(AREA));
        } catch (IllegalArgumentException e) {
            throw forbidden("Token tidak memuat wilayah atau pemda untuk peran ini.",
                    "The token lacks the tenant or area this role needs.");
        }
    }

    /**
     * The caller if PLATFORM_ADMIN, or CITY_ADMIN of {@code tenantId}; otherwise 401/403. For every admin endpoint
     * (tenant onboarding, statistics, service times).
     */
    public static Caller requireAdmin(ApiRequest request, String tenantId) {
        return from(request).requireAdminOf(tenantId);
    }

    private static DomainException forbidden(String id, String en) {
        return new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(id, en));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
