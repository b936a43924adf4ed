package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.intake.Duplicates;
import id.laporwarga.domain.port.CaseAttachments;
import id.laporwarga.domain.port.CaseInbox;
import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.ReporterContacts;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.LocalDateRange;
import id.laporwarga.domain.workflow.ActionCommand;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.AgencyClock;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.domain.workflow.ServiceTimes;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.QueryParameters;
import java.util.regex.Pattern;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What review-step's routes do: officials' inbox, case view and actions (the caller comes from the verified claims
 * only), the reporter's confirm/reopen (proved by the submission secret), and the measured service times.
 */
@Singleton
public class ReviewApi {
    private static final JsonLog LOG = JsonLog.get(ReviewApi.class);
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The longest period service times are measured over (400 above it). */
    public static final int MAX_SERVICE_TIME_DAYS = 366;
    /** The inbox's opaque cursor: URL-safe base64. */
    static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,2048}");

    private final ReviewService service;
    private final CaseInbox inbox;
    private final CaseAttachments attachments;
    private final PhotoUploads links;
    private final TenantResolver tenants;
    private final PeriodCases periods;
    private final Clock clock;
    private final ReporterContacts contacts;
    private final Duplicates duplicates;

    public ReviewApi(ReviewService service, CaseInbox inbox, CaseAttachments attachments, PhotoUploads links,
                     TenantResolver tenants, PeriodCases periods, Clock clock, ReporterContacts contacts,
                     Duplicates duplicates) {
        this.duplicates = duplicates;
        this.service = service;
        this.inbox = inbox;
        this.attachments = attachments;
        this.links = links;
        this.tenants = tenants;
        this.periods = periods;
        this.clock = clock;
        this.contacts = contacts;
    }

    /** The caller and the tenant of an official's request ({@link TenantResolver#official}). */
    public TenantResolver.OfficialScope scope(ApiRequest request) {
        return tenants.official(request);
    }

    /** Cases awaiting the caller's action, soonest deadline first ({@code status}, {@code limit} 1..100 optional). */
    public CaseViews.Inbox inbox(TenantResolver.OfficialScope scope, QueryParameters query, Locale locale) {
        String status = query.oneOf("status", CaseStatus.class);
        Integer limit = query.integer("limit", 1, CaseInbox.MAX_PAGE_SIZE);
        String page = query.matching("page", PAGE_TOKEN, "penanda halaman tidak valid", "invalid page cursor");
        query.done();
        Caller caller = scope.caller();
        Tenant tenant = tenants.require(scope.tenantId());
        JsonLog.put("tenant", tenant.id());
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(tenant);
        Role role = caller.isPlatformAdmin() ? Role.CITY_ADMIN : caller.role();
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        statuses.addAll(catalog.statusesActionableBy(role));
        if (status != null) {
            statuses.retainAll(Set.of(CaseStatus.valueOf(status)));
        }
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        CaseInbox.Page found = statuses.isEmpty() ? new CaseInbox.Page(List.of(), null)
                : inbox.inbox(tenant.id(), statuses, caller, c -> AccessPolicy.canSee(caller, c)
                        && !actionsOf(catalog, c, role).isEmpty(), size, page);
        return new CaseViews.Inbox(found.cases().stream()
                .map(c -> CaseViews.Summary.of(c, actionsOf(catalog, c, role), locale)).toList(), found.nextCursor());
    }

    public CaseViews.Detail view(Caller caller, String caseId, Locale locale) {
        return detail(caller, service.view(caller, caseId), null, locale);
    }

    public CaseViews.Detail act(Caller caller, String caseId, ActionCommand command, Locale locale) {
        JsonLog.put("caseId", caseId);
        ReviewService.Outcome outcome = service.act(caller, caseId, command);
        LOG.info("case.action", "action", outcome.action().name(), "role", caller.role().name(),
                "status", outcome.reportCase().status().name(), "version", outcome.reportCase().version());
        return detail(caller, outcome.reportCase(), outcome.upload(), locale);
    }

    /** The reporter's {@code confirm}, {@code reopen} or {@code reply} (to a question); an unknown tracking code is 404. */
    public CaseViews.CitizenAnswer citizen(String trackingCode, String action, String secret, String reason,
                                           Locale locale) {
        ReportCase c = service.actAsCitizen(trackingCode, secret, action, reason).reportCase();
        JsonLog.put("caseId", c.caseId());
        LOG.info("case.citizen_action", "action", action, "status", c.status().name());
        return CaseViews.CitizenAnswer.of(c, locale);
    }

    /** Finished service requests created in {@code from}..{@code to}: for admins, and the tenant's own analysts. */
    public CaseViews.ServiceTimesReport serviceTimes(TenantResolver.OfficialScope scope, QueryParameters query) {
        Caller caller = scope.caller();
        if (!(caller.role() == Role.ANALYST && scope.tenantId().equals(caller.tenantId()))) {
            caller.requireAdminOf(scope.tenantId());
        }
        QueryParameters.DateRange dates = query.dateRange("from", "to");
        String from = dates.from();
        String to = dates.to();
        Tenant tenant = tenants.require(scope.tenantId());
        // a bounded period (default: this month up to today), read month by month: never every request ever made
        LocalDate today = clock.instant().atZone(tenant.zone()).toLocalDate();
        LocalDateRange range = LocalDateRange.parse(from, to, today.withDayOfMonth(1), today, MAX_SERVICE_TIME_DAYS);
        List<ReportCase> finished = new ArrayList<>();
        periods.forEachCreated(tenant, range.start(tenant.zone()), range.endExclusive(tenant.zone()),
                CaseKind.SERVICE_REQUEST, CaseStatus.KECAMATAN_ISSUED, finished::add);
        Workflow workflow = WorkflowCatalog.forTenant(tenant).of(CaseKind.SERVICE_REQUEST);
        ServiceTimes.Summary s = ServiceTimes.summarize(finished, ServiceTimes.target(workflow));
        Map<String, CaseViews.Stats> tiers = new LinkedHashMap<>();
        s.tiers().forEach((status, stats) -> tiers.put(status.name(), CaseViews.Stats.of(stats)));
        return new CaseViews.ServiceTimesReport(tenant.id(), range.from() == null ? null : range.from().toString(),
                range.to() == null ? null : range.to().toString(), s.cases(), s.targetMinutes(), s.withinTargetShare(),
                CaseViews.Stats.of(s.endToEnd()), tiers);
    }

    private CaseViews.Detail detail(Caller caller, ReportCase c, PhotoUploads.UploadTicket upload, Locale locale) {
        // the contact item is read only for a caller allowed to see it (CONFIDENTIAL/ANONYMOUS: the city admin only)
        Reporter reporter = AccessPolicy.canSeeReporter(caller, c) ? contacts.find(c.caseId()).orElse(null) : null;
        boolean audit = caller.role() == Role.CITY_ADMIN && AccessPolicy.canSee(caller, c);
        Tenant tenant = service.tenantOf(c);
        Workflow workflow = WorkflowCatalog.forTenant(tenant).of(c.kind());
        List<ActionRule> actions = service.availableActions(caller, c);
        // the triage desk is offered the open reports of the same category nearby, to merge
        boolean mayMerge = actions.stream().anyMatch(a -> a.name().equals(WorkflowCatalog.MERGE));
        List<CaseViews.Similar> similar = mayMerge ? duplicates.of(tenant, c).stream()
                .filter(d -> AccessPolicy.canSee(caller, d.reportCase())).map(CaseViews.Similar::of).toList() : List.of();
        return CaseViews.Detail.of(c, reporter, audit, actions, links, attachments.keys(c.tenantId(), c.caseId()),
                upload, locale, AgencyClock.of(c, workflow, clock.instant()), similar);
    }

    private static List<ActionRule> actionsOf(WorkflowCatalog catalog, ReportCase c, Role role) {
        Workflow w = catalog.of(c.kind());
        return w == null ? List.of() : w.step(c.status()).map(s -> s.actionsFor(role)).orElse(List.of());
    }

}
