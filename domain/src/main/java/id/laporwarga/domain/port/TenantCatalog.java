package id.laporwarga.domain.port;

import id.laporwarga.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/** Read access to onboarded tenants (cached per container by the adapter). */
public interface TenantCatalog {
    List<Tenant> all();

    Optional<Tenant> find(String tenantId);
}
