package id.laporwarga.function.scorert;

import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.http.Routes;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Public RT performance (no sign-in, {@link PublicPerformance}; the tenant is the path's): the ranking, one RT's score
 * with its breakdown and trend, and complaint figures per kecamatan and kelurahan. Aggregates only: no single case, no
 * reporter, nothing from a confidential case. {@code period} defaults to the last closed month; cached 5 minutes.
 */
public class PublicPerformanceHandler extends HttpApiFunction {
    static final String CACHE = "public, max-age=300";

    @Inject
    Provider<PublicPerformance> performance;

    public PublicPerformanceHandler() {
        super();
    }

    public PublicPerformanceHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("GET", "/v1/public/{tenant}/rt", r -> cached(performance.get().ranking(tenant(r), query(r))))
                .on("GET", "/v1/public/{tenant}/rt/{rtId}/performance", r -> cached(performance.get().performance(
                        tenant(r), query(r), r.pathParameter("rtId"), r.locale())))
                .on("GET", "/v1/public/{tenant}/areas", r -> cached(performance.get().areas(tenant(r), query(r))));
    }

    private static String tenant(ApiRequest request) {
        return request.pathParameter("tenant");
    }

    private static QueryParameters query(ApiRequest request) {
        return QueryParameters.of(request);
    }

    private static ApiResponse cached(Object body) {
        return ApiResponse.ok(body).withHeader("Cache-Control", CACHE);
    }
}
