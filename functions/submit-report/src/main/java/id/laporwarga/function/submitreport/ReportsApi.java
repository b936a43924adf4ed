package id.laporwarga.function.submitreport;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportRequest;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.util.Locale;

/** What submit-report's routes do: submit (idempotent), the public tracking view, the tenant catalogue. */
@Singleton
public class ReportsApi {
    private static final JsonLog LOG = JsonLog.get(ReportsApi.class);

    private final SubmitReportService submissions;
    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final TenantResolver resolver;

    public ReportsApi(SubmitReportService submissions, CaseRepository cases, TenantCatalog tenants,
                      TenantResolver resolver) {
        this.submissions = submissions;
        this.cases = cases;
        this.tenants = tenants;
        this.resolver = resolver;
    }

    public SubmitReportService.Submitted submit(SubmitReportRequest request, String idempotencyKey) {
        SubmitReportService.Submitted submitted = submissions.submit(request, idempotencyKey);
        ReportCase c = submitted.reportCase();
        JsonLog.put("tenant", c.tenantId());
        JsonLog.put("caseId", c.caseId());
        LOG.info(submitted.created() ? "report.submitted" : "report.replayed", "kind", c.kind().name(),
                "category", c.category(), "photos", c.photos().size(), "privacy", c.privacy().name());
        return submitted;
    }

    /** The public view of a tracking code (any case); 404 for a malformed or unknown code. */
    public ReportViews.PublicView publicView(String trackingCode, Locale locale) {
        String code = trackingCode.toUpperCase(Locale.ROOT);
        if (!TrackingCodes.isWellFormed(code)) {
            throw new DomainException(ErrorCode.NOT_FOUND);
        }
        ReportCase c = cases.findByTrackingCode(code).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        return ReportViews.PublicView.of(c, tenants.find(c.tenantId()), locale);
    }

    public ReportViews.TenantList tenants() {
        return ReportViews.TenantList.of(tenants.list());
    }

    public ReportViews.CategoryList categories(String tenantId, String kind) {
        return ReportViews.CategoryList.of(resolver.require(tenantId), kind == null ? null : kind.toUpperCase(Locale.ROOT));
    }
}
