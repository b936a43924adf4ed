package id.laporwarga.domain.report;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.tenant.Tenant;
import java.util.Collection;
import java.util.Optional;

/** Finds the tenant (Pemda) and area that serve a position. */
public final class TenantLocator {
    private TenantLocator() {
    }

    public record Located(Tenant tenant, AreaRef area) {
    }

    public static Optional<Located> find(Collection<Tenant> tenants, GeoPoint point) {
        for (Tenant t : tenants) {
            Optional<AreaRef> area = t.boundaryIndex().locate(point);
            if (area.isPresent()) {
                return Optional.of(new Located(t, area.get()));
            }
        }
        return Optional.empty();
    }

    public static Located require(Collection<Tenant> tenants, GeoPoint point) {
        return find(tenants, point).orElseThrow(() -> new DomainException(ErrorCode.OUTSIDE_SERVICE_AREA));
    }
}
