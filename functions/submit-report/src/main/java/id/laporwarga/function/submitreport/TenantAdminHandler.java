package id.laporwarga.function.submitreport;

import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/** {@code PUT /v1/admin/tenants/{tenantId}}: onboards or replaces a tenant document (validated as a whole). */
public class TenantAdminHandler extends HttpApiFunction {
    /** A tenant document with a city's boundaries is larger than a report. */
    public static final int MAX_TENANT_DOCUMENT_BYTES = 1024 * 1024;

    @Inject
    Provider<TenantOnboarding> onboarding;

    public TenantAdminHandler() {
        super();
    }

    public TenantAdminHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_TENANT_DOCUMENT_BYTES;
    }

    @Override
    protected Routes routes() {
        return new Routes().on("PUT", "/v1/admin/tenants/{tenantId}", this::putTenant);
    }

    ApiResponse putTenant(ApiRequest request) {
        String tenantId = request.pathParameter("tenantId");
        Callers.requireAdmin(request, tenantId); // PLATFORM_ADMIN, or CITY_ADMIN of this tenant (verified JWT claims)
        TenantOnboarding.Outcome done = onboarding.get().onboard(tenantId, jsonBody(request), request.body());
        return ApiResponse.of(done.created() ? 201 : 200, done.view());
    }
}
