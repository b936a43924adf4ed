package id.laporwarga.domain.port;

import id.laporwarga.domain.tenant.Tenant;

/** Onboarding: stores a whole tenant document (validated into {@code tenant}). */
public interface TenantRegistry {
    /** True when the tenant is new, false when its document was replaced. */
    boolean save(Tenant tenant, String document);
}
