package id.laporwarga.function.routetoagency;

import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.tenant.TenantResolver;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * {@code GET /v1/admin/stats?tenant=&from=&to=}: per agency the cases received, open, resolved, referred external and
 * overdue ({@link AgencyStatistics}). Tenant: see {@link TenantResolver}; callers: that tenant's CITY_ADMIN or a
 * PLATFORM_ADMIN (Cognito JWT on the route). {@code GET /v1/public/{tenant}/agencies?from=&to=}: the same counts for
 * everyone (public, cached 5 minutes).
 */
public class AdminStatsHandler extends HttpApiFunction {
    @Inject
    Provider<AgencyStatistics> statistics;

    public AdminStatsHandler() {
        super();
    }

    public AdminStatsHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes().on("GET", "/v1/admin/stats", this::stats)
                .on("GET", "/v1/public/{tenant}/agencies", r -> ApiResponse.ok(statistics.get()
                        .publicReport(r.pathParameter("tenant"), QueryParameters.of(r)))
                        .withHeader("Cache-Control", "public, max-age=300"));
    }

    ApiResponse stats(ApiRequest request) {
        AgencyStatistics api = statistics.get();
        return ApiResponse.ok(api.report(api.scope(request), QueryParameters.of(request)));
    }
}
