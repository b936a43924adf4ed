package id.laporwarga.function.submitreport;

import id.laporwarga.domain.port.PublicPhotos;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import java.util.Optional;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportRequest;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.domain.intake.Duplicates;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import io.micronaut.json.tree.JsonNode;
import id.laporwarga.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What submit-report's routes do: submit (idempotent), the public tracking view, the tenant catalogue. */
@Singleton
public class ReportsApi {
    private static final JsonLog LOG = JsonLog.get(ReportsApi.class);

    private final SubmitReportService submissions;
    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final TenantResolver resolver;
    private final PublicPhotos photos;
    private final Json json;
    private final Duplicates duplicates;
    private volatile JsonNode openApi;

    public ReportsApi(SubmitReportService submissions, CaseRepository cases, TenantCatalog tenants,
                      TenantResolver resolver, PublicPhotos photos, Json json, Duplicates duplicates) {
        this.duplicates = duplicates;
        this.submissions = submissions;
        this.cases = cases;
        this.tenants = tenants;
        this.resolver = resolver;
        this.photos = photos;
        this.json = json;
    }

    public SubmitReportService.Submitted submit(SubmitReportRequest request, String idempotencyKey) {
        return logged(submissions.submit(request, idempotencyKey));
    }

    /** An RT head's activity report, for the RT of the verified token (403 for another RT, 422 for an unknown one). */
    public SubmitReportService.Submitted submitRtActivity(Caller rtHead, SubmitReportRequest request,
                                                         String idempotencyKey) {
        return logged(submissions.submitRtActivity(rtHead, request, idempotencyKey));
    }

    /** A staff member files a citizen's report from another channel (403 for other roles or another tenant). */
    public SubmitReportService.Submitted submitForCitizen(Caller staff, SubmitReportRequest request,
                                                         String idempotencyKey) {
        return logged(submissions.submitForCitizen(staff, request, idempotencyKey));
    }

    private static SubmitReportService.Submitted logged(SubmitReportService.Submitted submitted) {
        ReportCase c = submitted.reportCase();
        JsonLog.put("tenant", c.tenantId());
        JsonLog.put("caseId", c.caseId());
        LOG.info(submitted.created() ? "report.submitted" : "report.replayed", "kind", c.kind().name(),
                "category", c.category(), "photos", c.photos().size(), "privacy", c.privacy().name(),
                "channel", c.intakeOrLegacy().channel() == null ? null : c.intakeOrLegacy().channel().name());
        return submitted;
    }

    /** The public view of a tracking code (any case); 404 for a malformed or unknown code. */
    public ReportViews.PublicView publicView(String trackingCode, Locale locale) {
        String code = trackingCode.toUpperCase(Locale.ROOT);
        if (!TrackingCodes.isWellFormed(code)) {
            throw new DomainException(ErrorCode.NOT_FOUND);
        }
        ReportCase c = cases.findByTrackingCode(code).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        String master = c.intakeOrLegacy().masterCaseId();
        if (c.status() == CaseStatus.MERGED && master != null) {
            Optional<ReportCase> followed = cases.findById(master);
            if (followed.isPresent()) {
                return ReportViews.PublicView.following(c, followed.get(), tenants.find(c.tenantId()), locale,
                        afterPhotoUrl(followed.get()));
            }
        }
        return ReportViews.PublicView.of(c, tenants.find(c.tenantId()), locale, afterPhotoUrl(c));
    }

    /** The agency's "after" photo (its EXIF-stripped copy) beside the resolution note; never for a CONFIDENTIAL case. */
    private String afterPhotoUrl(ReportCase c) {
        boolean done = c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED;
        return done && c.privacy() != Privacy.CONFIDENTIAL
                ? photos.afterPhotoLink(c.tenantId(), c.caseId()).orElse(null) : null;
    }

    /**
     * The open reports of the same category near a new one (the tenant's distance and time window), to offer on
     * submission; confidential ones are left out. Empty for a replay and for reports without a place.
     */
    public List<Duplicates.Candidate> similar(SubmitReportService.Submitted submitted) {
        ReportCase c = submitted.reportCase();
        if (!submitted.created()) {
            return List.of();
        }
        return tenants.find(c.tenantId()).map(t -> duplicates.of(t, c)).orElse(List.of()).stream()
                .filter(d -> d.reportCase().privacy() != Privacy.CONFIDENTIAL).limit(5).toList();
    }

    /** The API's OpenAPI document (docs/openapi.json, packaged with this function), read once. */
    public JsonNode openApi() {
        JsonNode doc = openApi;
        if (doc == null) {
            try (InputStream in = ReportsApi.class.getResourceAsStream("openapi.json")) {
                if (in == null) {
                    throw new IllegalStateException("openapi.json is not packaged with submit-report");
                }
                doc = json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            openApi = doc;
        }
        return doc;
    }

    public ReportViews.TenantList tenants() {
        return ReportViews.TenantList.of(tenants.list());
    }

    /** The tenant's categories, only those of {@code kind} when the query names one (400 for an unknown kind). */
    public ReportViews.CategoryList categories(String tenantId, QueryParameters query, Locale locale) {
        String kind = query.oneOf("kind", CaseKind.class);
        query.done();
        return ReportViews.CategoryList.of(resolver.require(tenantId), kind, locale);
    }
}
