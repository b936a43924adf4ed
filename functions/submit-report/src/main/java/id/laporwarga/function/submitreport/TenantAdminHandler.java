package id.laporwarga.function.submitreport;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.aws.AgencySubscriptions;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code PUT /v1/admin/tenants/{tenantId}}: onboards or replaces a tenant document (validated as a whole). */
public class TenantAdminHandler extends HttpApiFunction {
    private static final JsonLog LOG = JsonLog.get(TenantAdminHandler.class);
    /** A tenant document with a city's boundaries is larger than a report. */
    public static final int MAX_TENANT_DOCUMENT_BYTES = 1024 * 1024;

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
        if (request.body() == null || request.body().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_JSON);
        }
        Tenant tenant = TenantDocuments.parse(json().tree(request.body()), tenantId);
        boolean created = bean(DynamoTenantStore.class).save(tenant, request.body());
        // agency channels -> filter-policy subscriptions on the agency-alerts topic (idempotent; re-PUT to retry)
        AgencySubscriptions.SyncReport subscriptions = bean(AgencySubscriptions.class).sync(tenant);
        JsonLog.put("tenant", tenant.id());
        LOG.info(created ? "tenant.created" : "tenant.updated", "categories", tenant.categories().size(),
                "agencies", tenant.agencies().size(), "boundaries", tenant.boundaries().size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", tenant.id());
        body.put("name", tenant.name());
        body.put("timeZone", tenant.zone().getId());
        body.put("categories", tenant.categories().size());
        body.put("agencies", tenant.agencies().size());
        body.put("boundaries", tenant.boundaries().size());
        body.put("subscriptions", Map.of("created", subscriptions.created().size(),
                "updated", subscriptions.updated().size(), "removed", subscriptions.removed().size(),
                "unchanged", subscriptions.unchanged().size(), "pending", subscriptions.pending().size()));
        return ApiResponse.of(created ? 201 : 200, body);
    }
}
