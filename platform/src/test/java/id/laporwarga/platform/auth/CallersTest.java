package id.laporwarga.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.platform.http.ApiRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallersTest {
    private static ApiRequest request(Map<String, String> claims) {
        return new ApiRequest("PUT", "/v1/admin/tenants/kotamobagu", "PUT /v1/admin/tenants/{tenantId}", Map.of(),
                Map.of(), Map.of("x-role", "PLATFORM_ADMIN"), "{\"role\":\"PLATFORM_ADMIN\"}", 10, claims, "r-1");
    }

    @Test
    void areaClaimFillsTheFieldOfTheRole() {
        Caller rt = Callers.from(Map.of("sub", "u1", "custom:role", "RT_HEAD", "custom:tenant", "kotamobagu",
                "custom:area", "71.74.02.1007-RT001"));
        assertEquals(Role.RT_HEAD, rt.role());
        assertEquals("71.74.02.1007-RT001", rt.rtId());
        Caller staff = Callers.from(Map.of("sub", "u2", "custom:role", "AGENCY_STAFF", "custom:tenant", "kotamobagu",
                "custom:area", "dlh"));
        assertEquals("dlh", staff.agencyId());
        assertEquals(null, staff.rtId());
    }

    @Test
    void noVerifiedIdentityIs401AndUnusableClaimsAre403() {
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(DomainException.class, () -> Callers.from(request(Map.of()))).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class,
                () -> Callers.from(Map.of("sub", "u", "custom:role", "CITIZEN", "custom:tenant", "kotamobagu"))).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class,
                () -> Callers.from(Map.of("sub", "u", "custom:role", "KELURAHAN", "custom:tenant", "kotamobagu"))).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class,
                () -> Callers.from(Map.of("sub", "u", "custom:role", "CITY_ADMIN"))).code());
    }

    @Test
    void adminEndpointsNeedAPlatformAdminOrTheTenantsCityAdminWhateverTheBodySays() {
        // role in a header or the body counts for nothing
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(DomainException.class,
                () -> Callers.requireAdmin(request(null), "kotamobagu")).code());
        assertEquals(Role.PLATFORM_ADMIN, Callers.requireAdmin(request(Map.of("sub", "p", "custom:role", "PLATFORM_ADMIN")),
                "kotamobagu").role());
        assertEquals(Role.CITY_ADMIN, Callers.requireAdmin(request(Map.of("sub", "a", "custom:role", "CITY_ADMIN",
                "custom:tenant", "kotamobagu")), "kotamobagu").role());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class, () -> Callers.requireAdmin(
                request(Map.of("sub", "a", "custom:role", "CITY_ADMIN", "custom:tenant", "bolmong")), "kotamobagu")).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class, () -> Callers.requireAdmin(
                request(Map.of("sub", "k", "custom:role", "KECAMATAN", "custom:tenant", "kotamobagu",
                        "custom:area", "71.74.02")), "kotamobagu")).code());
    }
}
