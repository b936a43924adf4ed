package id.laporwarga.domain.notice;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.domain.port.NoticeDeliveries.Delivery;
import id.laporwarga.domain.port.StepAlertPublisher;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.domain.workflow.WhoActs;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * "A step was entered: tell whoever must act there", as a consumer of the case events. The step and who acts come
 * from the tenant's workflow catalogue ({@link StepRule#whoActs()}); the area from the case: the RT head of its
 * {@code rtId}, the reviewers of its kelurahan or kecamatan, the city. Agencies, the triage desk and external
 * institutions hear through route-to-agency's one alert per assignment, so they are not alerted here twice; except
 * the triage desk when an intake move puts a case back on it without any routing ({@link #DESK_EVENTS}: an agency's
 * "bukan wewenang" hand-back, the reporter's reply to the desk's question): the desk (area: its agency id, the key
 * its subscription follows) is alerted here. A question to the reporter ({@code case.needs_info}) and a merge enter no
 * official's step: the reporter hears through the citizen notice.
 * One alert per step entry: its id ({@code <caseId>#step-alert#<version>}, the case version the move wrote; two events
 * of one move share it) is recorded with the case once the alert is published, so a redelivered event, or a second
 * event of the same move, publishes nothing.
 */
public final class StepAlerts {
    /** The areas whose officials hear about a step here (the others through route-to-agency). */
    public static final Set<WhoActs.Scope> SCOPES = Set.of(WhoActs.Scope.RT, WhoActs.Scope.KELURAHAN,
            WhoActs.Scope.KECAMATAN, WhoActs.Scope.CITY);
    /** The intake moves that put a case on the triage desk without route-to-agency's alert. */
    public static final Set<String> DESK_EVENTS = Set.of(TransitionEvent.HANDED_BACK, TransitionEvent.INFO_PROVIDED);
    /** The {@code area} of a city-wide step. */
    public static final String CITY_AREA = "CITY";
    /** The area key a city office follows (an agency's {@code follows}). */
    public static final String CITY_KEY = "city";
    static final String CHANNEL = "SNS";

    /**
     * The alert: ids and codes only (never the reporter). {@code area} is the rtId, kelurahan or kecamatan code, or
     * {@link #CITY_AREA}.
     */
    public record StepAlert(String alertId, String tenantId, String caseId, String trackingCode, CaseKind kind,
                            CaseStatus step, Role role, WhoActs.Scope scope, String area, Instant deadlineAt,
                            String subject, String text) {
    }

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final StepAlertPublisher publisher;
    private final NoticeDeliveries deliveries;
    private final Clock clock;

    public StepAlerts(CaseRepository cases, TenantCatalog tenants, StepAlertPublisher publisher,
                      NoticeDeliveries deliveries, Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The alert the event calls for (published now, or earlier for a redelivered event); empty when none. */
    public Optional<StepAlert> handle(CaseEvent event) {
        if (event.status() == null || "case.overdue".equals(event.eventType())) {
            return Optional.empty(); // an escalation enters no step (supervisors are alerted by the escalation run)
        }
        Optional<ReportCase> found = cases.findById(event.caseId());
        Optional<Tenant> tenant = found.flatMap(c -> tenants.find(c.tenantId()));
        if (found.isEmpty() || tenant.isEmpty()) {
            return Optional.empty();
        }
        ReportCase c = found.get();
        Optional<StepAlert> alert = alertOf(WorkflowCatalog.forTenant(tenant.get()), c, event);
        if (alert.isEmpty()) {
            return alert;
        }
        String id = alert.get().alertId();
        if (deliveries.find(c.caseId(), id).isPresent()) {
            return alert;
        }
        String messageId = publisher.publish(alert.get());
        deliveries.record(new Delivery(id, c.caseId(), event.eventType(), CHANNEL, NoticeDeliveries.Outcome.SENT,
                messageId, clock.instant()));
        return alert;
    }

    /** Who acts in the step the event entered, in which area, as an alert (empty: nobody to alert here). */
    public static Optional<StepAlert> alertOf(WorkflowCatalog catalog, ReportCase c, CaseEvent event) {
        CaseStatus step = event.status();
        if (step.isTerminal()) {
            return Optional.empty();
        }
        Optional<WhoActs> who = catalog.of(c.kind()).step(step).map(StepRule::whoActs);
        boolean backToDesk = who.isPresent() && who.get().scope() == WhoActs.Scope.TRIAGE_DESK
                && DESK_EVENTS.contains(event.eventType());
        if (who.isEmpty() || !backToDesk && !SCOPES.contains(who.get().scope())) {
            return Optional.empty();
        }
        String area = switch (who.get().scope()) {
            case RT -> c.rtId();
            case KELURAHAN -> c.area() == null ? null : c.area().kelurahanCode();
            case KECAMATAN -> c.area() == null ? null : c.area().kecamatanCode();
            case TRIAGE_DESK -> c.assignment() == null ? null : c.assignment().agencyId();
            default -> CITY_AREA;
        };
        if (area == null || area.isBlank()) {
            return Optional.empty();
        }
        boolean routing = "case.routed".equals(event.eventType()) || CaseEvent.REROUTED.equals(event.eventType());
        if (routing && c.assignment() != null && areaKey(who.get().scope(), area).equals(c.assignment().agencyId())) {
            return Optional.empty(); // route-to-agency alerted the owner of this assignment (one alert per assignment)
        }
        // the deadline of the step as the case holds it while still in that step
        Instant due = c.status() == step && c.version() == event.version() ? c.deadlineAt() : null;
        ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
        String subject = "[Lapor Warga] " + c.trackingCode() + ": " + step.label().id();
        String text = "Laporan " + c.trackingCode() + " (" + kindLabel(c.kind()) + ") menunggu tindakan Anda: \""
                + step.label().id() + "\"" + (due == null ? "" : ", tenggat " + IndonesianTime.display(due, zone))
                + ". Buka konsol petugas untuk menindaklanjuti.";
        return Optional.of(new StepAlert(c.caseId() + "#step-alert#" + event.version(), c.tenantId(), c.caseId(), c.trackingCode(),
                c.kind(), step, who.get().role(), who.get().scope(), area, due, subject, text));
    }

    /**
     * The key of the area an alert is for, as offices follow it (an agency's {@code follows} in the tenant document)
     * and as the alert's {@code agencyId} attribute carries it: {@code rt:<rtId>}, {@code kelurahan:<code>} (the
     * kelurahan's review chain, as route-to-agency names it), {@code kecamatan:<code>}, {@code city}.
     */
    public static String areaKey(WhoActs.Scope scope, String area) {
        return switch (scope) {
            case RT -> "rt:" + area;
            case KELURAHAN -> CaseRouter.kelurahanChain(area);
            case KECAMATAN -> "kecamatan:" + area;
            case TRIAGE_DESK -> area; // the desk agency's own id
            default -> CITY_KEY;
        };
    }

    private static String kindLabel(CaseKind kind) {
        return switch (kind) {
            case COMPLAINT -> "pengaduan";
            case RT_ACTIVITY -> "kegiatan RT";
            case SERVICE_REQUEST -> "permohonan layanan";
        };
    }
}
