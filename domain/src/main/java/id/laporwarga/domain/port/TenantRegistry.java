package id.laporwarga.domain.port;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import java.util.List;
import java.util.Optional;

/**
 * Onboarding's storage: the tenant's document item, its boundary files and the national index, which change together
 * ({@link #commit}).
 */
public interface TenantRegistry {
    /** A tenant as stored: its index entry, its areas and its document (JSON, without boundaries). */
    record Stored(TenantEntry entry, TenantAreas areas, String document) {
    }

    /** The tenant as stored now (a consistent read), or empty when it was never onboarded. */
    Optional<Stored> stored(String tenantId);

    /** The national index as stored now (a consistent read, not a cached copy). */
    NationalIndex currentIndex();

    /** Stores a tenant's polygons as the boundary file of {@code version}; storing the same version again is harmless. */
    void storeBoundaries(String tenantId, String version, List<AdminBoundary> boundaries);

    /** The polygons of a stored boundary file. */
    List<AdminBoundary> loadBoundaries(String tenantId, String version);

    /**
     * Writes the tenant's document and its index entry at once: {@code entry} replaces the tenant's entry in
     * {@code basedOn}. Fails with {@link ConcurrentChangeException} (nothing written) when the stored index is no
     * longer {@code basedOn}'s version, i.e. another tenant changed meanwhile.
     */
    void commit(Tenant tenant, String document, TenantEntry entry, NationalIndex basedOn);

    /** The stored index moved on since it was read: read it again, check again, retry. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message, null, false, false);
        }
    }
}
