package id.laporwarga.domain.port;

import id.laporwarga.domain.roster.RosterEntry;
import java.util.List;
import java.util.Optional;

/** Read access to each tenant's RT roster: one RT by id (one read) and a tenant's whole roster (one query). */
public interface Roster {
    Optional<RosterEntry> find(String tenantId, String rtId);

    /** Every RT of the tenant, active or not, ordered by rtId. */
    List<RosterEntry> list(String tenantId);

    /** Whether {@code rtId} is an active RT of the tenant's roster. */
    default boolean isActive(String tenantId, String rtId) {
        return tenantId != null && rtId != null && find(tenantId, rtId).map(RosterEntry::active).orElse(false);
    }
}
