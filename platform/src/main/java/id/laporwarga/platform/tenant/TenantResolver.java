package id.laporwarga.platform.tenant;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Which tenant a request concerns, the one rule for every function:
 * <ul>
 *   <li>a public route names it in its path ({@code /v1/public/{tenant}/...}, {@code /v1/tenants/{tenantId}/...});</li>
 *   <li>an official works in the tenant of their verified claim; a platform admin (who has none) names it with the
 *       {@code tenant} query parameter (400 without). A {@code tenant} parameter naming another tenant than the
 *       official's own is refused (403);</li>
 *   <li>a per-tenant job ({@code {"tenant": ...}}, one SQS message per tenant) concerns the tenant it names; a
 *   schedule's fan-out lists every tenant from the national index ({@link TenantCatalog#list()});</li>
 *   <li>a citizen's tracking code concerns the tenant of its case (found with the case).</li>
 * </ul>
 * A tenant that is not onboarded is 404 {@code NOT_FOUND}.
 */
@Singleton
public class TenantResolver {
    public static final String QUERY_PARAMETER = "tenant";
    private static final LocalizedText UNKNOWN = LocalizedText.of("Pemda tidak ditemukan.", "Tenant not found.");

    /** The signed-in official and the tenant their request concerns (not loaded: role checks come first). */
    public record OfficialScope(Caller caller, String tenantId) {
    }

    private final TenantCatalog tenants;

    public TenantResolver(TenantCatalog tenants) {
        this.tenants = tenants;
    }

    /** The onboarded tenant {@code tenantId}, else 404. */
    public Tenant require(String tenantId) {
        return tenants.find(tenantId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, UNKNOWN));
    }

    /** 401 without a verified identity, 400 for a platform admin naming no tenant, 403 for a foreign tenant. */
    public OfficialScope official(ApiRequest request) {
        Caller caller = Callers.from(request);
        Optional<String> named = request.query(QUERY_PARAMETER);
        if (caller.isPlatformAdmin()) {
            return new OfficialScope(caller, named.orElseThrow(() -> DomainException.validation(Map.of(
                    QUERY_PARAMETER, LocalizedText.of("wajib diisi", "is required")))));
        }
        if (named.isPresent() && !named.get().equals(caller.tenantId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Anda hanya dapat mengakses pemda Anda sendiri.", "You can only access your own tenant."));
        }
        return new OfficialScope(caller, caller.tenantId());
    }

    /** The tenant a per-tenant job names: 400 when it names none, 404 when it is not onboarded. */
    public Tenant requireNamed(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw DomainException.validation(Map.of(QUERY_PARAMETER, LocalizedText.of("wajib diisi", "is required")));
        }
        return require(tenantId);
    }
}
