package id.laporwarga.domain.port;

import id.laporwarga.domain.report.CaseStatus;
import java.time.LocalDate;
import java.util.Map;

/**
 * How many cases the sweeper moved on from the platform's own (transient) steps, per tenant, local day and state:
 * {@code AWAITING_PHOTOS} (photos never arrived: ended) and {@code VERIFIED} (never routed by route-to-agency: routed by
 * the sweeper). Counted after each run; the admin statistics sum them over a date range.
 */
public interface SweepTallies {
    void add(String tenantId, LocalDate day, Map<CaseStatus, Integer> counts);

    /** Per state, the sum over {@code from}..{@code to} (inclusive local dates). */
    Map<CaseStatus, Long> sum(String tenantId, LocalDate from, LocalDate to);
}
