package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionCommand;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.domain.workflow.ServiceTimes;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.auth.Callers;
import id.laporwarga.platform.aws.S3PhotoUploads;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.json.JsonFields;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.InboxQueries;
import id.laporwarga.platform.store.TableKeys;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * review-step HTTP API: officials' inbox, case view and actions (JWT-protected routes: the caller comes from the
 * verified claims only), and the reporter's confirm/reopen (public routes, proved by the submission secret).
 */
public class ReviewApiHandler extends HttpApiFunction {
    private static final JsonLog LOG = JsonLog.get(ReviewApiHandler.class);
    public static final int DEFAULT_PAGE_SIZE = 20;

    public ReviewApiHandler() {
        super();
    }

    public ReviewApiHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("GET", "/v1/inbox", this::inbox)
                .on("GET", "/v1/cases/{caseId}", this::viewCase)
                .on("POST", "/v1/cases/{caseId}/actions", this::act)
                .on("POST", "/v1/reports/{trackingCode}/confirm", r -> citizen(r, "confirm"))
                .on("POST", "/v1/reports/{trackingCode}/reopen", r -> citizen(r, "reopen"))
                .on("GET", "/v1/admin/service-times", this::serviceTimes);
    }

    private ReviewService service() {
        return bean(ReviewService.class);
    }

    // ------------------------------------------------------------------ officials

    ApiResponse inbox(ApiRequest request) {
        Caller caller = Callers.from(request);
        String tenantId = caller.isPlatformAdmin() ? request.query("tenant").orElseThrow(() ->
                DomainException.validation(Map.of("tenant", LocalizedText.of("wajib diisi", "is required"))))
                : caller.tenantId();
        Tenant tenant = bean(DynamoTenantStore.class).find(tenantId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        JsonLog.put("tenant", tenantId);
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(tenant);
        Role role = caller.isPlatformAdmin() ? Role.CITY_ADMIN : caller.role();
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        statuses.addAll(catalog.statusesActionableBy(role));
        if (request.query("status").isPresent()) {
            CaseStatus wanted = parseStatus(request.query("status").get());
            statuses.retainAll(Set.of(wanted));
        }
        int limit = request.query("limit").map(ReviewApiHandler::parseLimit).orElse(DEFAULT_PAGE_SIZE);
        InboxQueries.Page page = statuses.isEmpty() ? new InboxQueries.Page(List.of(), null)
                : bean(InboxQueries.class).inbox(tenantId, statuses, areaKey(caller), c -> AccessPolicy.canSee(caller, c)
                        && !actionsOf(catalog, c, role).isEmpty(), limit, request.query("page").orElse(null));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReportCase c : page.cases()) {
            items.add(CaseViews.summary(c, actionsOf(catalog, c, role), request.locale()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextPage", page.nextCursor());
        return ApiResponse.ok(body);
    }

    ApiResponse viewCase(ApiRequest request) {
        Caller caller = Callers.from(request);
        ReportCase c = service().view(caller, request.pathParameter("caseId"));
        return ApiResponse.ok(fullView(caller, c, request));
    }

    ApiResponse act(ApiRequest request) {
        Caller caller = Callers.from(request);
        JsonFields body = JsonFields.root(json().tree(request.body() == null ? "" : request.body()));
        String action = body.string("action");
        String note = body.string("note");
        Long expectedVersion = body.integer("expectedVersion");
        String category = body.string("category");
        String agencyId = body.string("agencyId");
        String reason = body.string("reason");
        JsonFields photo = body.object("photo");
        String contentType = photo == null ? null : photo.string("contentType");
        Long size = photo == null ? null : photo.integer("sizeBytes");
        if (photo != null && contentType == null) {
            body.errors().required("photo.contentType");
        }
        if (photo != null && size == null) {
            body.errors().required("photo.sizeBytes");
        }
        body.errors().throwIfAny();
        String caseId = request.pathParameter("caseId");
        JsonLog.put("caseId", caseId);
        ReviewService.Outcome outcome = service().act(caller, caseId,
                new ActionCommand(action, note, expectedVersion, category, agencyId, reason, contentType, size));
        LOG.info("case.action", "action", outcome.action().name(), "role", caller.role().name(),
                "status", outcome.reportCase().status().name(), "version", outcome.reportCase().version());
        Map<String, Object> response = fullView(caller, outcome.reportCase(), request);
        if (outcome.upload() != null) {
            Map<String, Object> upload = new LinkedHashMap<>();
            upload.put("photoId", outcome.upload().photoId());
            upload.put("url", outcome.upload().url());
            upload.put("method", outcome.upload().method());
            upload.put("headers", outcome.upload().headers());
            upload.put("expiresAt", outcome.upload().expiresAt().toString());
            response.put("upload", upload);
        }
        return ApiResponse.ok(response);
    }

    private Map<String, Object> fullView(Caller caller, ReportCase c, ApiRequest request) {
        return CaseViews.full(c, caller, service().availableActions(caller, c), bean(S3PhotoUploads.class),
                attachments(c), request.locale());
    }

    /** Photos attached to actions (e.g. the resolution photo) that were actually uploaded. */
    private List<String> attachments(ReportCase c) {
        try {
            String bucket = bean(FunctionEnvironment.class).require(FunctionEnvironment.PHOTOS_BUCKET);
            var listing = bean(S3Client.class).listObjectsV2(r -> r.bucket(bucket).maxKeys(50)
                    .prefix(ReviewService.attachmentPrefix(c.tenantId(), c.caseId())));
            return listing.contents().stream().map(o -> o.key()).toList();
        } catch (RuntimeException e) {
            LOG.warn("attachments.list_failed", "caseId", c.caseId(), "errorType", e.getClass().getSimpleName());
            return List.of();
        }
    }

    // ------------------------------------------------------------------ reporter

    ApiResponse citizen(ApiRequest request, String action) {
        String code = request.pathParameter("trackingCode");
        if (!TrackingCodes.isWellFormed(code)) {
            throw new DomainException(ErrorCode.NOT_FOUND);
        }
        JsonFields body = JsonFields.root(json().tree(request.body() == null ? "" : request.body()));
        String secret = body.string("secret");
        String reason = body.string("reason");
        body.errors().throwIfAny();
        ReviewService.Outcome outcome = service().actAsCitizen(code, secret, action, reason);
        ReportCase c = outcome.reportCase();
        JsonLog.put("caseId", c.caseId());
        LOG.info("case.citizen_action", "action", action, "status", c.status().name());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("trackingCode", c.trackingCode());
        response.put("status", c.status().name());
        response.put("statusLabel", c.status().label().in(request.locale()));
        response.put("updatedAt", CaseViews.time(c.updatedAt(), c));
        return ApiResponse.ok(response);
    }

    // ------------------------------------------------------------------ admin

    /** {@code GET /v1/admin/service-times?tenant=&from=&to=}: measured service-request times of a tenant. */
    ApiResponse serviceTimes(ApiRequest request) {
        Caller caller = Callers.from(request);
        String tenantId = request.query("tenant").orElse(caller.tenantId());
        if (tenantId == null) {
            throw DomainException.validation(Map.of("tenant", LocalizedText.of("wajib diisi", "is required")));
        }
        if (!(caller.role() == Role.ANALYST && tenantId.equals(caller.tenantId()))) {
            caller.requireAdminOf(tenantId);
        }
        Tenant tenant = bean(DynamoTenantStore.class).find(tenantId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        ZoneId zone = tenant.zone();
        LocalDate from = request.query("from").map(v -> parseDate("from", v)).orElse(null);
        LocalDate to = request.query("to").map(v -> parseDate("to", v)).orElse(null);
        List<ReportCase> finished = new ArrayList<>();
        bean(InboxQueries.class).forEachInStatus(tenantId, CaseStatus.KECAMATAN_ISSUED, c -> {
            LocalDate day = c.createdAt().atZone(zone).toLocalDate();
            if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))
                    && c.kind() == CaseKind.SERVICE_REQUEST) {
                finished.add(c);
            }
        });
        Workflow workflow = WorkflowCatalog.forTenant(tenant).of(CaseKind.SERVICE_REQUEST);
        Duration target = ServiceTimes.target(workflow);
        ServiceTimes.Summary s = ServiceTimes.summarize(finished, target);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenantId);
        body.put("from", from == null ? null : from.toString());
        body.put("to", to == null ? null : to.toString());
        body.put("cases", s.cases());
        body.put("targetMinutes", s.targetMinutes());
        body.put("withinTargetShare", s.withinTargetShare());
        body.put("endToEnd", stats(s.endToEnd()));
        Map<String, Object> tiers = new LinkedHashMap<>();
        s.tiers().forEach((status, stats) -> tiers.put(status.name(), stats(stats)));
        body.put("tiers", tiers);
        return ApiResponse.ok(body);
    }

    private static Map<String, Object> stats(ServiceTimes.Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("medianMinutes", s.medianMinutes());
        m.put("p90Minutes", s.p90Minutes());
        m.put("meanMinutes", s.meanMinutes());
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private static List<ActionRule> actionsOf(WorkflowCatalog catalog, ReportCase c, Role role) {
        Workflow w = catalog.of(c.kind());
        return w == null ? List.of() : w.step(c.status()).map(s -> s.actionsFor(role)).orElse(List.of());
    }

    /** The index key of the caller's area, used as a pre-filter (the domain rule still decides). */
    static InboxQueries.AreaKey areaKey(Caller caller) {
        return switch (caller.role()) {
            case RT_HEAD -> new InboxQueries.AreaKey(TableKeys.GSI3_PK, TableKeys.rtPk(caller.tenantId(), caller.rtId()));
            case KECAMATAN -> new InboxQueries.AreaKey(TableKeys.GSI4_PK,
                    TableKeys.areaPk(caller.tenantId(), caller.kecamatanCode()));
            case AGENCY_STAFF -> new InboxQueries.AreaKey(TableKeys.GSI2_PK,
                    TableKeys.agencyPk(caller.tenantId(), caller.agencyId()));
            default -> null;
        };
    }

    private static CaseStatus parseStatus(String value) {
        try {
            return CaseStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(Map.of("status", LocalizedText.of("status tidak dikenal", "unknown status")));
        }
    }

    private static int parseLimit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= InboxQueries.MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.validation(Map.of("limit", LocalizedText.of("1 sampai 100", "1 to 100")));
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw DomainException.validation(Map.of(field, LocalizedText.of("format YYYY-MM-DD", "format YYYY-MM-DD")));
        }
    }
}
