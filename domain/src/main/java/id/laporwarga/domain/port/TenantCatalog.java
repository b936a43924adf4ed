package id.laporwarga.domain.port;

import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import java.util.List;
import java.util.Optional;

/**
 * Read access to onboarded tenants. The adapter keeps the small national index (every tenant's id, name, zone,
 * versions and boxes) and loads a tenant's document, and its polygons, only when that tenant is touched; a tenant is
 * reloaded alone when its version in the index changes.
 */
public interface TenantCatalog {
    /** The national index (cached; refreshed by the adapter). */
    NationalIndex index();

    /** One tenant, loaded on first use (its polygons only when first needed). */
    Optional<Tenant> find(String tenantId);

    /** Every onboarded tenant as listed in the index: no document or polygon is loaded. */
    default List<TenantEntry> list() {
        return index().entries();
    }
}
