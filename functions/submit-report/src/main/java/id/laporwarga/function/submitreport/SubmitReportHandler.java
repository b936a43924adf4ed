package id.laporwarga.function.submitreport;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.aws.S3PhotoUploads;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * submit-report: {@code POST /v1/reports} (idempotent), the public tracking view and the tenant catalogue that the
 * mobile app shows in its pickers.
 */
public class SubmitReportHandler extends HttpApiFunction {
    static {
        // the SDK clients used besides DynamoDB: built in Lambda's init phase on a background thread while the
        // context starts, and by SnapStart priming
        InitPhaseWarmup.prebuildClients(SubmitReportHandler.class, InitPhaseWarmup.AwsClient.S3_PRESIGNER);
    }

    private static final JsonLog LOG = JsonLog.get(SubmitReportHandler.class);
    private volatile SubmitReportService service;

    public SubmitReportHandler() {
        super();
    }

    public SubmitReportHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("POST", "/v1/reports", this::submit)
                .on("GET", "/v1/reports/{trackingCode}", this::publicView)
                .on("GET", "/v1/tenants", this::tenants)
                .on("GET", "/v1/tenants/{tenantId}/categories", this::categories);
    }

    @Override
    protected void primeClients(io.micronaut.context.ApplicationContext ctx) throws Exception {
        super.primeClients(ctx);
        service();
    }

    private SubmitReportService service() {
        if (service == null) {
            service = new SubmitReportService(bean(DynamoTenantStore.class), bean(DynamoCaseRepository.class),
                    bean(S3PhotoUploads.class), Clock.systemUTC());
        }
        return service;
    }

    ApiResponse submit(ApiRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_JSON);
        }
        var parsed = SubmitReportRequests.parse(json().tree(request.body()));
        var submitted = service().submit(parsed, request.header("idempotency-key").orElse(null));
        ReportCase c = submitted.reportCase();
        JsonLog.put("tenant", c.tenantId());
        JsonLog.put("caseId", c.caseId());
        LOG.info(submitted.created() ? "report.submitted" : "report.replayed", "kind", c.kind().name(),
                "category", c.category(), "photos", c.photos().size(), "privacy", c.privacy().name());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", c.caseId());
        body.put("trackingCode", c.trackingCode());
        body.put("status", c.status().name());
        body.put("statusLabel", c.status().label().in(request.locale()));
        body.put("reporterSecret", submitted.citizenSecret());
        body.put("tenant", c.tenantId());
        if (c.area() != null) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("kecamatan", c.area().kecamatanName());
            area.put("kelurahan", c.area().kelurahanName());
            body.put("area", area);
        }
        List<Map<String, Object>> uploads = new ArrayList<>();
        for (PhotoUploads.UploadTicket t : submitted.uploads()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("photoId", t.photoId());
            u.put("url", t.url());
            u.put("method", t.method());
            u.put("headers", t.headers());
            u.put("expiresAt", t.expiresAt().toString());
            uploads.add(u);
        }
        body.put("uploads", uploads);
        body.put("message", submitted.reportCase().photos().isEmpty()
                ? (request.locale() == Locale.ENGLISH ? "Report received." : "Laporan diterima.")
                : (request.locale() == Locale.ENGLISH
                ? "Report received. Upload the photos to the given links within 15 minutes."
                : "Laporan diterima. Unggah foto ke tautan yang diberikan dalam 15 menit."));
        ApiResponse response = ApiResponse.created(body).withHeader("Location", "/v1/reports/" + c.trackingCode());
        return submitted.created() ? response : response.withHeader("Idempotent-Replayed", "true");
    }

    ApiResponse publicView(ApiRequest request) {
        String code = request.pathParameter("trackingCode").toUpperCase(Locale.ROOT);
        if (!TrackingCodes.isWellFormed(code)) {
            throw new DomainException(ErrorCode.NOT_FOUND);
        }
        ReportCase c = bean(DynamoCaseRepository.class).findByTrackingCode(code)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        return ApiResponse.ok(PublicReportView.of(c, bean(DynamoTenantStore.class).find(c.tenantId()), request.locale()));
    }

    ApiResponse tenants(ApiRequest request) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Tenant t : bean(DynamoTenantStore.class).all()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", t.id());
            item.put("name", t.name());
            item.put("timeZone", t.zone().getId());
            item.put("timeZoneAbbreviation", IndonesianTime.abbreviation(t.zone()));
            items.add(item);
        }
        items.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
        return ApiResponse.ok(Map.of("items", items));
    }

    ApiResponse categories(ApiRequest request) {
        Tenant tenant = bean(DynamoTenantStore.class).find(request.pathParameter("tenantId"))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        String kind = request.query("kind").map(k -> k.toUpperCase(Locale.ROOT)).orElse(null);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Category c : tenant.categories()) {
            if (kind != null && !c.kinds().isEmpty() && c.kinds().stream().noneMatch(k -> k.name().equals(kind))) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", c.code());
            item.put("name", c.name());
            Agency agency = c.agencyId() == null ? null : tenant.agency(c.agencyId()).orElse(null);
            item.put("agencyName", agency == null ? null : agency.name());
            item.put("external", agency != null && agency.external());
            item.put("kinds", c.kinds().isEmpty() ? List.of("COMPLAINT", "RT_ACTIVITY", "SERVICE_REQUEST")
                    : c.kinds().stream().map(Enum::name).sorted().toList());
            items.add(item);
        }
        return ApiResponse.ok(Map.of("tenant", tenant.id(), "items", items));
    }
}
