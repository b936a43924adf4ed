package id.laporwarga.domain.port;

import id.laporwarga.domain.report.ReportCase;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Open complaints by place ({@link id.laporwarga.domain.intake.GridCells}): an index query, never a scan. Only cases
 * that are still open (not in a terminal state) are in the index.
 */
public interface NearbyCases {
    /**
     * Open cases of {@code category} of the tenant in any of {@code cells}, created at or after {@code since}, other
     * than {@code exceptCaseId} (the case the duplicates are looked up for: never fetched).
     */
    List<ReportCase> openIn(String tenantId, String category, Collection<String> cells, Instant since,
                            String exceptCaseId);
}
