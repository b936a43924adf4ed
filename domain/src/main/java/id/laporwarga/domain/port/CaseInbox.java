package id.laporwarga.domain.port;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Officials' inboxes and per-status listings of a tenant's cases, through an index (never a scan). */
public interface CaseInbox {
    int MAX_PAGE_SIZE = 100;

    /** One page, soonest deadline first; {@code nextCursor} is opaque, null on the last page. */
    record Page(List<ReportCase> cases, String nextCursor) {
    }

    /**
     * Cases of {@code tenantId} waiting in one of {@code statuses} that {@code visible} accepts. The adapter may narrow
     * the read to the area of {@code viewer} (RT, kecamatan, agency) before {@code visible} decides. A cursor the
     * adapter did not issue is a validation error on {@code page}.
     */
    Page inbox(String tenantId, Set<CaseStatus> statuses, Caller viewer, Predicate<ReportCase> visible, int limit,
               String cursor);
}
