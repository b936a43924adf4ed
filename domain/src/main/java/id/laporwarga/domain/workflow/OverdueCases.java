package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import java.time.Instant;
import java.util.List;

/** Finds cases of a tenant waiting in {@code status} whose deadline is before {@code now}, through an index. */
public interface OverdueCases {
    List<ReportCase> dueBefore(String tenantId, CaseStatus status, Instant now);
}
