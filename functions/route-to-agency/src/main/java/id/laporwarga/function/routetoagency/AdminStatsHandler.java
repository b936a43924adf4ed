package id.laporwarga.function.routetoagency;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.routing.AgencyCaseCounts;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.AgencyStatsQueries;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/admin/stats?tenant=&from=&to=}: per agency (and the triage desk) the cases received, open, resolved,
 * referred external and overdue, for cases created between {@code from} and {@code to} (inclusive local dates in the
 * tenant's zone; default: this month so far). Tenant: the {@code tenant} query parameter or the caller's tenant
 * claim; callers: that tenant's CITY_ADMIN or a PLATFORM_ADMIN (Cognito JWT on the route).
 */
public class AdminStatsHandler extends HttpApiFunction {
    private static final JsonLog LOG = JsonLog.get(AdminStatsHandler.class);
    static final int MAX_RANGE_DAYS = 366;

    public AdminStatsHandler() {
        super();
    }

    public AdminStatsHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes().on("GET", "/v1/admin/stats", this::stats);
    }

    ApiResponse stats(ApiRequest request) {
        String tenantId = tenantOf(request);
        Tenant tenant = bean(DynamoTenantStore.class).find(tenantId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        ZoneId zone = tenant.zone();
        Instant now = Instant.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        FieldErrors errors = new FieldErrors();
        LocalDate from = date(request.query("from"), "from", today.withDayOfMonth(1), errors);
        LocalDate to = date(request.query("to"), "to", today, errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("to", "tidak boleh sebelum 'from'", "must not be before 'from'");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
                errors.add("to", "rentang maksimal " + MAX_RANGE_DAYS + " hari", "range at most " + MAX_RANGE_DAYS + " days");
            }
        }
        errors.throwIfAny();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant endExclusive = to.plusDays(1).atStartOfDay(zone).toInstant();

        AgencyStatsQueries queries = bean(AgencyStatsQueries.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        AgencyCaseCounts totals = AgencyCaseCounts.ZERO;
        for (Row agency : agencies(tenant)) {
            AgencyCaseCounts counts = queries.count(tenant.id(), agency.id(), start, endExclusive, now);
            totals = totals.plus(counts);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agencyId", agency.id());
            row.put("name", agency.name());
            row.put("external", agency.external());
            row.putAll(asMap(counts));
            rows.add(row);
        }
        JsonLog.put("tenant", tenant.id());
        LOG.info("admin_stats", "agencies", rows.size(), "received", totals.received());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant.id());
        body.put("timeZone", IndonesianTime.abbreviation(zone));
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("generatedAt", IndonesianTime.isoLocal(now, zone));
        body.put("agencies", rows);
        body.put("totals", asMap(totals));
        return ApiResponse.ok(body);
    }

    private record Row(String id, String name, boolean external) {
    }

    /** The tenant's agencies, plus the triage desk when it is not one of them. */
    static List<Row> agencies(Tenant tenant) {
        List<Row> rows = new ArrayList<>();
        tenant.agencies().forEach(a -> rows.add(new Row(a.id(), a.name(), a.external())));
        String desk = Optional.ofNullable(tenant.policies().triageAgencyId()).orElse(CaseRouter.DEFAULT_TRIAGE_DESK_ID);
        if (tenant.agency(desk).map(Agency::id).isEmpty()) {
            rows.add(new Row(desk, "Meja Triase " + tenant.name(), false));
        }
        return rows;
    }

    /**
     * The {@code tenant} query parameter, else the caller's tenant claim; the caller must be that tenant's CITY_ADMIN
     * or a PLATFORM_ADMIN (verified JWT claims), otherwise 401/403.
     */
    static String tenantOf(ApiRequest request) {
        String tenant = request.query("tenant").orElse(request.claims().get(Callers.TENANT));
        if (tenant == null || tenant.isBlank()) {
            Callers.from(request); // 401 before 400 for an anonymous caller
            throw DomainException.validation(new FieldErrors().add("tenant", "wajib diisi", "is required").asMap());
        }
        Callers.requireAdmin(request, tenant);
        return tenant;
    }

    private static LocalDate date(Optional<String> value, String field, LocalDate fallback, FieldErrors errors) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.get());
        } catch (DateTimeParseException e) {
            errors.add(field, "tanggal harus YYYY-MM-DD", "date must be YYYY-MM-DD");
            return null;
        }
    }

    private static Map<String, Object> asMap(AgencyCaseCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", c.received());
        m.put("open", c.open());
        m.put("resolved", c.resolved());
        m.put("referredExternal", c.referredExternal());
        m.put("overdue", c.overdue());
        return m;
    }
}
