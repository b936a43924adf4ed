package id.laporwarga.domain.memory;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.AgencyStats;
import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.port.CaseInbox;
import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.routing.AgencyCaseCounts;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.OverdueCases;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The index-backed reads of the domain's ports ({@link CaseInbox}, {@link OverdueCases}, {@link PeriodCases},
 * {@link AgencyStats}) over an {@link InMemoryCaseRepository}, with the ports' documented semantics: inbox soonest
 * deadline first (no deadline last) with an opaque cursor, cases by local creation month, counts per agency.
 */
public class MemoryCaseQueries implements CaseInbox, OverdueCases, PeriodCases, AgencyStats, NearbyCases {
    private static final String CURSOR = "memory:";
    private static final Comparator<ReportCase> BY_DEADLINE = Comparator
            .comparing((ReportCase c) -> c.deadlineAt() == null ? Instant.MAX : c.deadlineAt())
            .thenComparing(ReportCase::caseId);

    private final InMemoryCaseRepository cases;

    public MemoryCaseQueries(InMemoryCaseRepository cases) {
        this.cases = cases;
    }

    private Stream<ReportCase> of(String tenantId) {
        return cases.byId.values().stream().filter(c -> c.tenantId().equals(tenantId));
    }

    @Override
    public Page inbox(String tenantId, Set<CaseStatus> statuses, Caller viewer, Predicate<ReportCase> visible, int limit,
                      String cursor) {
        int from = 0;
        if (cursor != null) {
            try {
                from = Integer.parseInt(cursor.substring(cursor.startsWith(CURSOR) ? CURSOR.length() : cursor.length()));
            } catch (RuntimeException e) {
                throw DomainException.validation(Map.of("page", LocalizedText.of(
                        "penanda halaman tidak valid", "invalid page cursor")));
            }
        }
        List<ReportCase> all = of(tenantId).filter(c -> statuses.contains(c.status())).filter(visible).sorted(BY_DEADLINE)
                .toList();
        int to = Math.min(all.size(), from + Math.max(1, Math.min(MAX_PAGE_SIZE, limit)));
        return new Page(all.subList(Math.min(from, to), to), to < all.size() ? CURSOR + to : null);
    }

    @Override
    public long forEachCreated(Tenant tenant, Instant from, Instant toExclusive, CaseKind kind, CaseStatus status,
                               Consumer<ReportCase> sink) {
        List<ReportCase> found = of(tenant.id()).filter(c -> c.kind() == kind && c.status() == status
                && !c.createdAt().isBefore(from) && c.createdAt().isBefore(toExclusive))
                .sorted(Comparator.comparing(ReportCase::createdAt)).toList();
        found.forEach(sink);
        return found.size();
    }

    @Override
    public List<ReportCase> dueBefore(String tenantId, CaseStatus status, Instant now) {
        return of(tenantId).filter(c -> c.status() == status && c.deadlineAt() != null && c.deadlineAt().isBefore(now))
                .sorted(BY_DEADLINE).toList();
    }

    @Override
    public long forEachCase(Tenant tenant, List<String> periods, Consumer<ReportCase> sink) {
        List<ReportCase> found = of(tenant.id())
                .filter(c -> periods.contains(IndonesianTime.period(c.createdAt(), tenant.zone())))
                .sorted(Comparator.comparing(ReportCase::createdAt)).toList();
        found.forEach(sink);
        return found.size();
    }

    /** Open complaints of the category whose grid cell is one of {@code cells}, created at or after {@code since}. */
    @Override
    public List<ReportCase> openIn(String tenantId, String category, java.util.Collection<String> cells,
                                   Instant since, String exceptCaseId) {
        return of(tenantId).filter(c -> !c.caseId().equals(exceptCaseId)
                        && c.kind() == id.laporwarga.domain.report.CaseKind.COMPLAINT
                        && category.equals(c.category()) && c.location() != null && !c.status().isTerminal()
                        && cells.contains(id.laporwarga.domain.intake.GridCells.of(c.location()))
                        && !c.createdAt().isBefore(since))
                .toList();
    }

    @Override
    public AgencyCaseCounts count(String tenantId, String agencyId, Instant from, Instant toExclusive, Instant now) {
        AgencyCaseCounts counts = AgencyCaseCounts.ZERO;
        for (ReportCase c : of(tenantId).toList()) {
            if (c.assignment() != null && agencyId.equals(c.assignment().agencyId())
                    && !c.createdAt().isBefore(from) && c.createdAt().isBefore(toExclusive)) {
                var intake = c.intakeOrLegacy();
                counts = counts.plus(c.status(), c.deadlineAt(), false, now,
                        intake.channel() == null ? null : intake.channel().name(), intake.supporterCaseIds().size());
            }
        }
        return counts;
    }
}
