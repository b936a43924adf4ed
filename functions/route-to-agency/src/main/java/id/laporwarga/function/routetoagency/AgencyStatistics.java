package id.laporwarga.function.routetoagency;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.port.AgencyStats;
import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.routing.AgencyCaseCounts;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.LocalDateRange;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.Workflow;
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
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per agency (and the triage desk) the cases received, open, resolved, referred external and overdue, for cases created
 * between {@code from} and {@code to} (inclusive local dates in the tenant's zone; default: this month so far); and,
 * per platform step with a deadline (the sweeper's: {@code AWAITING_PHOTOS}, {@code VERIFIED}), how many cases the
 * sweeper moved on in that range and how many wait there past the deadline now.
 */
@Singleton
public class AgencyStatistics {
    private static final JsonLog LOG = JsonLog.get(AgencyStatistics.class);
    static final int MAX_RANGE_DAYS = 366;

    private final AgencyStats stats;
    private final OverdueCases overdue;
    private final SweepTallies tallies;
    private final TenantResolver tenants;
    private final Clock clock;

    public AgencyStatistics(AgencyStats stats, OverdueCases overdue, SweepTallies tallies, TenantResolver tenants,
                            Clock clock) {
        this.stats = stats;
        this.overdue = overdue;
        this.tallies = tallies;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(String tenant, String timeZone, String from, String to, String generatedAt,
                         List<AgencyRow> agencies, Counts totals, Map<String, Long> byChannel,
                         List<SweepRow> sweeper) {
    }

    /**
     * One platform step the sweeper watches: its deadline action ({@code expire}, {@code route}), how many cases it
     * moved on in the range ({@code swept}), and how many wait there past the deadline now ({@code stuckNow}: the next
     * run, at most 15 minutes away, moves them on).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SweepRow(String state, String deadlineAction, long swept, long stuckNow) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgencyRow(String agencyId, String name, boolean external, long received, long open, long resolved,
                            long referredExternal, long overdue, long reporters) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(long received, long open, long resolved, long referredExternal, long overdue,
                         long reporters) {
        static Counts of(AgencyCaseCounts c) {
            return new Counts(c.received(), c.open(), c.resolved(), c.referredExternal(), c.overdue(), c.reporters());
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
                    c.referredExternal(), c.overdue(), c.reporters()));
        }
        JsonLog.put("tenant", tenant.id());
        LOG.info(event, "agencies", rows.size(), "received", totals.received());
        Map<CaseStatus, Long> swept = tallies.sum(tenant.id(), range.from(), range.to());
        List<SweepRow> sweeper = new ArrayList<>();
        StateMachine machine = StateMachine.forTenant(tenant);
        for (CaseStatus state : platformSteps(machine)) {
            String action = machine.catalog().workflows().stream().map(w -> w.step(state))
                    .flatMap(Optional::stream).map(StepRule::onDeadline).filter(a -> a != null).findFirst().orElse(null);
            sweeper.add(new SweepRow(state.name(), action, swept.getOrDefault(state, 0L),
                    overdue.dueBefore(tenant.id(), state, now).size()));
        }
        return new Report(tenant.id(), IndonesianTime.abbreviation(zone), range.from().toString(), range.to().toString(),
                IndonesianTime.isoLocal(now, zone), rows, Counts.of(totals), byChannel(totals), sweeper);
    }

    /** Every channel, with 0 for those no case came through (a stable shape for dashboards). */
    static Map<String, Long> byChannel(AgencyCaseCounts totals) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Channel ch : Channel.values()) {
            out.put(ch.name(), totals.byChannel().getOrDefault(ch.name(), 0L));
        }
        return out;
    }

    /** The platform's own steps with a deadline (who acts: SYSTEM), in state order. */
    static Set<CaseStatus> platformSteps(StateMachine machine) {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        for (Workflow w : machine.catalog().workflows()) {
            w.steps().stream().filter(s -> s.deadline() != null && s.whoActs().role() == Role.SYSTEM)
                    .forEach(s -> out.add(s.status()));
        }
        return out;
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
