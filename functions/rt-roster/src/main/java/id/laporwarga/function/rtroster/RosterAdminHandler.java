package id.laporwarga.function.rtroster;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Set;

/**
 * {@code PUT /v1/admin/tenants/{tenantId}/roster}: the city admin of the tenant (or a platform admin) imports the
 * tenant's whole RT roster as {@code text/csv} or JSON ({@link RosterAdmin}); the answer has the counts, a wrong row
 * is 400 with every wrong row named (nothing stored).
 */
public class RosterAdminHandler extends HttpApiFunction {
    /** A roster of a few thousand RTs with their heads' contacts. */
    public static final int MAX_ROSTER_BYTES = 1024 * 1024;
    static final Set<String> MEDIA_TYPES = Set.of("application/json", RosterRequests.CSV);

    @Inject
    Provider<RosterAdmin> admin;

    public RosterAdminHandler() {
        super();
    }

    public RosterAdminHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_ROSTER_BYTES;
    }

    @Override
    protected Set<String> bodyMediaTypes() {
        return MEDIA_TYPES;
    }

    @Override
    protected Routes routes() {
        return new Routes().on("PUT", "/v1/admin/tenants/{tenantId}/roster", this::putRoster);
    }

    ApiResponse putRoster(ApiRequest request) {
        String tenantId = request.pathParameter("tenantId");
        Callers.requireAdmin(request, tenantId); // PLATFORM_ADMIN, or CITY_ADMIN of this tenant (verified JWT claims)
        if (request.body() == null || request.body().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_JSON);
        }
        var rows = RosterRequests.isCsv(request.header("content-type").orElse(""))
                ? RosterRequests.csv(request.body()) : RosterRequests.json(json().tree(request.body()));
        return ApiResponse.ok(admin.get().importRoster(tenantId, rows));
    }
}
