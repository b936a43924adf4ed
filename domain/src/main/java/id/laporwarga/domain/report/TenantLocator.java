package id.laporwarga.domain.report;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import java.util.Optional;

/**
 * Finds the tenant (Pemda) and area that serve a position: the national index names the tenants whose boxes contain
 * it, and only those tenants' polygons are loaded and asked, in onboarding order (overlaps beyond a sliver are refused
 * when boundaries are stored, so at most one answers; in a tolerated sliver the earlier tenant does).
 */
public final class TenantLocator {
    private TenantLocator() {
    }

    public record Located(Tenant tenant, AreaRef area) {
    }

    public static Optional<Located> find(TenantCatalog catalog, GeoPoint point) {
        for (TenantEntry candidate : catalog.index().candidatesAt(point)) {
            Optional<Tenant> tenant = catalog.find(candidate.id());
            if (tenant.isEmpty()) {
                continue;
            }
            Optional<AreaRef> area = tenant.get().boundaryIndex().locate(point);
            if (area.isPresent()) {
                return Optional.of(new Located(tenant.get(), area.get()));
            }
        }
        return Optional.empty();
    }

    public static Located require(TenantCatalog catalog, GeoPoint point) {
        return find(catalog, point).orElseThrow(() -> new DomainException(ErrorCode.OUTSIDE_SERVICE_AREA));
    }
}
