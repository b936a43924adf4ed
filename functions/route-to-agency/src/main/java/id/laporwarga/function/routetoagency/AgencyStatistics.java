package id.laporwarga.function.routetoagency;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.port.AgencyStats;
import id.laporwarga.domain.routing.AgencyCaseCounts;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.LocalDateRange;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.tenant.TenantResolver;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per agency (and the triage desk) the cases received, open, resolved, referred external and overdue, for cases created
 * between {@code from} and {@code to} (inclusive local dates in the tenant's zone; default: this month so far).
 */
@Singleton
public class AgencyStatistics {
    private static final JsonLog LOG = JsonLog.get(AgencyStatistics.class);
    static final int MAX_RANGE_DAYS = 366;

    private final AgencyStats stats;
    private final TenantResolver tenants;
    private final Clock clock;

    public AgencyStatistics(AgencyStats stats, TenantResolver tenants, Clock clock) {
        this.stats = stats;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(String tenant, String timeZone, String from, String to, String generatedAt,
                         List<AgencyRow> agencies, Counts totals) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgencyRow(String agencyId, String name, boolean external, long received, long open, long resolved,
                            long referredExternal, long overdue) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(long received, long open, long resolved, long referredExternal, long overdue) {
        static Counts of(AgencyCaseCounts c) {
            return new Counts(c.received(), c.open(), c.resolved(), c.referredExternal(), c.overdue());
        }
    }

    /** The caller and the tenant of a request ({@link TenantResolver#official}). */
    public TenantResolver.OfficialScope scope(ApiRequest request) {
        return tenants.official(request);
    }

    /**
     * The figures of the scope's tenant over {@code from}..{@code to} (YYYY-MM-DD, either may be null), for its
     * CITY_ADMIN or a PLATFORM_ADMIN (403 otherwise).
     */
    public Report report(TenantResolver.OfficialScope scope, QueryParameters query) {
        scope.caller().requireAdminOf(scope.tenantId());
        return figures(tenants.require(scope.tenantId()), query, "admin_stats");
    }

    /**
     * The same figures for everyone ({@code GET /v1/public/{tenant}/agencies}: agency performance as SP4N-LAPOR!
     * publishes it): counts per agency only, never a case, a tracking code or a reporter.
     */
    public Report publicReport(String tenantId, QueryParameters query) {
        return figures(tenants.require(tenantId), query, "public_agency_stats");
    }

    private Report figures(Tenant tenant, QueryParameters query, String event) {
        QueryParameters.DateRange dates = query.dateRange("from", "to");
        String from = dates.from();
        String to = dates.to();
        ZoneId zone = tenant.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDateRange range = LocalDateRange.parse(from, to, today.withDayOfMonth(1), today, MAX_RANGE_DAYS);
        List<AgencyRow> rows = new ArrayList<>();
        AgencyCaseCounts totals = AgencyCaseCounts.ZERO;
        for (Agency agency : agencies(tenant)) {
            AgencyCaseCounts c = stats.count(tenant.id(), agency.id(), range.start(zone), range.endExclusive(zone), now);
            totals = totals.plus(c);
            rows.add(new AgencyRow(agency.id(), agency.name(), agency.external(), c.received(), c.open(), c.resolved(),
                    c.referredExternal(), c.overdue()));
        }
        JsonLog.put("tenant", tenant.id());
        LOG.info(event, "agencies", rows.size(), "received", totals.received());
        return new Report(tenant.id(), IndonesianTime.abbreviation(zone), range.from().toString(), range.to().toString(),
                IndonesianTime.isoLocal(now, zone), rows, Counts.of(totals));
    }

    /** The tenant's agencies, plus the triage desk when it is not one of them. */
    static List<Agency> agencies(Tenant tenant) {
        List<Agency> rows = new ArrayList<>(tenant.agencies());
        String desk = Optional.ofNullable(tenant.policies().triageAgencyId()).orElse(CaseRouter.DEFAULT_TRIAGE_DESK_ID);
        if (tenant.agency(desk).isEmpty()) {
            rows.add(new Agency(desk, "Meja Triase " + tenant.name(), false, List.of()));
        }
        return rows;
    }
}
