package id.laporwarga.domain.port;

import id.laporwarga.domain.routing.AgencyCaseCounts;
import java.time.Instant;

/** Per-agency case counts, read through an index per agency (never a scan). */
public interface AgencyStats {
    /** Counts of the cases assigned to {@code agencyId} that were created in [{@code from}, {@code toExclusive}). */
    AgencyCaseCounts count(String tenantId, String agencyId, Instant from, Instant toExclusive, Instant now);
}
