package id.laporwarga.function.tenantadmin;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Tenant administration ({@link TenantOnboarding}): {@code PUT} and {@code GET /v1/admin/tenants/{tenantId}},
 * {@code POST /v1/admin/boundary-uploads} (presigned upload of a boundary file up to 20 MB) and
 * {@code POST /v1/admin/tenant-imports} (bulk onboarding from a national file).
 */
public class TenantAdminHandler extends HttpApiFunction {
    @Inject
    Provider<TenantOnboarding> onboarding;

    public TenantAdminHandler() {
        super();
    }

    public TenantAdminHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** A document with its boundaries inline; larger boundary files go through an upload. */
    @Override
    protected int maxBodyBytes() {
        return TenantOnboarding.MAX_DOCUMENT_BYTES;
    }

    @Override
    protected DomainException bodyTooLarge(ApiRequest request) {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, LocalizedText.of(
                "Dokumen pemda maksimal 5 MB. Untuk batas wilayah yang lebih besar (sampai 20 MB): minta tautan unggah "
                        + "dengan POST /v1/admin/boundary-uploads, unggah berkas GeoJSON ke tautan itu, lalu kirim "
                        + "dokumen dengan \"boundaries\": {\"uploadId\": \"...\"}.",
                "Tenant documents are limited to 5 MB. For larger boundary files (up to 20 MB): get an upload link with "
                        + "POST /v1/admin/boundary-uploads, PUT the GeoJSON file there, then send the document with "
                        + "\"boundaries\": {\"uploadId\": \"...\"}."));
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("PUT", "/v1/admin/tenants/{tenantId}", this::putTenant)
                .on("GET", "/v1/admin/tenants/{tenantId}", r -> ApiResponse.ok(
                        onboarding.get().get(Callers.from(r), r.pathParameter("tenantId"))))
                .on("POST", "/v1/admin/boundary-uploads", r -> ApiResponse.created(
                        onboarding.get().presignUpload(Callers.from(r), r.body())))
                .on("POST", "/v1/admin/tenant-imports", r -> ApiResponse.ok(
                        onboarding.get().importTenants(Callers.from(r), r.body(), r.locale())));
    }

    ApiResponse putTenant(ApiRequest request) {
        String tenantId = request.pathParameter("tenantId");
        Callers.requireAdmin(request, tenantId); // PLATFORM_ADMIN, or CITY_ADMIN of this tenant (verified JWT claims)
        if (!request.bodyUtf8() || request.body() == null || request.body().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_JSON);
        }
        TenantOnboarding.Outcome done = onboarding.get().put(Callers.from(request), tenantId, request.body());
        return ApiResponse.of(done.created() ? 201 : 200, done.view());
    }
}
