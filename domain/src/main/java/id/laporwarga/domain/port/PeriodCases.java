package id.laporwarga.domain.port;

import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Streams a tenant's cases by creation period, one at a time (memory stays flat). */
public interface PeriodCases {
    /** Calls {@code sink} once per case of {@code tenant} created in any of {@code periods} ("yyyy-MM"); the count. */
    long forEachCase(Tenant tenant, List<String> periods, Consumer<ReportCase> sink);

    /**
     * Calls {@code sink} once per case of {@code tenant} of {@code kind} now in {@code status}, created in
     * [{@code from}, {@code toExclusive}) (a bounded period: the adapter reads only its months); returns the count.
     */
    long forEachCreated(Tenant tenant, Instant from, Instant toExclusive, CaseKind kind, CaseStatus status,
                        Consumer<ReportCase> sink);
}
