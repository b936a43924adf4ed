package id.laporwarga.domain.routing;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.outbox.OutboxEvents;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.NotificationChannel;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.DeadlineRouting;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.Transition;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Routes a case on {@code case.verified} / {@code case.rerouted} and alerts its new owner, exactly once per event
 * however often the event is delivered, in ONE write (a transaction, {@link CaseWrite}):
 * <ul>
 *   <li><b>the routing move</b> (only while the case still needs routing): {@link CaseRouter} picks it, the
 *       {@link StateMachine} makes it (status, history entry, assignment, the deadline of the step entered) and its
 *       event ({@code case.routed}) goes to the outbox;</li>
 *   <li><b>the owner's alert</b> (only while the assignment records no alert to that owner) and, for a referral to an
 *       institution outside the Pemda, the reporter's notice: outbox events, recorded on the assignment as
 *       {@link Assignment.Delivery deliveries} (their outbox event ids);</li>
 *   <li><b>the processed mark</b> {@code (route-to-agency, eventId)}: a redelivered event finds it and does nothing.</li>
 * </ul>
 * Nothing is published here: the outbox relay publishes what the write stored. The same write also serves the
 * sweeper ({@link DeadlineRouting}): a case left in {@code VERIFIED} past its step's deadline is routed by the
 * escalation run.
 */
public final class RouteCaseService implements DeadlineRouting {
    /** The history action of a routing to an agency, a review chain or an RT (the catalogue's {@code route}). */
    public static final String ACTION_ROUTE = WorkflowCatalog.ROUTE;
    /** The consumer name of this service's processed marks. */
    public static final String CONSUMER = "route-to-agency";
    public static final String AGENCY_ALERTS_TARGET_PREFIX = "sns:agency-alerts:";
    public static final String CITIZEN_NOTICES_TARGET = "sns:citizen-notices";
    /** The delivery target of a referral's e-mail to the external institution (sent by the notice function). */
    public static final String INSTITUTION_EMAIL_TARGET = "email:institution";
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final Function<String, String> caseLink;
    private final Clock clock;
    private final CaseRouter router = new CaseRouter();

    /** {@code caseLink}: a case's link in the officials' console by case id (null: no console configured). */
    public RouteCaseService(CaseRepository cases, TenantCatalog tenants, Function<String, String> caseLink,
                            Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.caseLink = caseLink;
        this.clock = clock;
    }

    public enum Outcome {
        /** Assigned by this call (and the owner's alert written where due). */
        ROUTED,
        /** Assigned before; any alert still missing was written now (or nothing was left to do). */
        ALREADY_ROUTED,
        /** The event was handled before (its processed mark exists): nothing written. */
        DUPLICATE,
        /** Nothing to do: the case is unknown or not in a routable state. */
        SKIPPED
    }

    /**
     * What happened; {@code queued} counts the alerts and notices this call wrote to the outbox; {@code event} is the
     * routing move's event when this call routed the case (else null).
     */
    public record Result(String caseId, Outcome outcome, CaseStatus status, String agencyId, int queued,
                         String reason, TransitionEvent event) {
        public Result(String caseId, Outcome outcome, CaseStatus status, String agencyId, int queued,
                      String reason) {
            this(caseId, outcome, status, agencyId, queued, reason, null);
        }
    }

    public Result handle(CaseEvent event) {
        if (!CaseEvent.VERIFIED.equals(event.eventType()) && !CaseEvent.REROUTED.equals(event.eventType())) {
            return new Result(event.caseId(), Outcome.SKIPPED, event.status(), null, 0,
                    "event type " + event.eventType() + " is not routed");
        }
        String eventId = event.dedupeId();
        if (cases.processed(CONSUMER, eventId)) {
            return new Result(event.caseId(), Outcome.DUPLICATE, event.status(), null, 0, "processed before");
        }
        ReportCase c = cases.findById(event.caseId()).orElse(null);
        if (c == null) {
            return new Result(event.caseId(), Outcome.SKIPPED, null, null, 0, "case not found");
        }
        Tenant tenant = tenant(c);
        StateMachine machine = StateMachine.forTenant(tenant);
        String alertType = CaseEvent.REROUTED.equals(event.eventType()) ? AgencyAlert.CASE_REROUTED
                : AgencyAlert.CASE_ROUTED;
        for (int attempt = 0; ; attempt++) {
            Instant now = clock.instant();
            Plan plan;
            try {
                plan = plan(machine, tenant, c, needsRouting(event, c, machine), alertType, now);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.INVALID_TRANSITION) {
                    throw e;
                }
                return new Result(c.caseId(), Outcome.SKIPPED, c.status(), null, 0,
                        "the " + c.kind() + " workflow lists no such routing move from " + c.status());
            }
            if (plan == null) {
                return c.assignment() == null
                        ? new Result(c.caseId(), Outcome.SKIPPED, c.status(), null, 0,
                                "case is " + c.status() + ", not routable by " + event.eventType())
                        : new Result(c.caseId(), Outcome.ALREADY_ROUTED, c.status(), c.assignment().agencyId(), 0,
                                null);
            }
            try {
                ReportCase stored = cases.write(plan.write().processedBy(CONSUMER, eventId));
                return new Result(stored.caseId(), plan.routed() != null ? Outcome.ROUTED : Outcome.ALREADY_ROUTED,
                        stored.status(), stored.assignment() == null ? null : stored.assignment().agencyId(),
                        plan.queued(), null, plan.routed());
            } catch (CaseRepository.AlreadyProcessedException e) {
                return new Result(c.caseId(), Outcome.DUPLICATE, c.status(), null, 0, "processed concurrently");
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                c = reload(c);
            }
        }
    }

    /**
     * The sweeper's routing of a case its step's deadline found still waiting for routing: the same write as for
     * {@code case.verified}, without a processed mark (no event was handled). A {@code case.verified} delivered later
     * finds the case routed and does nothing.
     *
     * @return the routing move's event; null when the catalogue lists no routing move there for the router's choice
     */
    @Override
    public TransitionEvent route(ReportCase c, Instant now) {
        Tenant tenant = tenant(c);
        StateMachine machine = StateMachine.forTenant(tenant);
        Plan plan;
        try {
            plan = plan(machine, tenant, c, true, AgencyAlert.CASE_ROUTED, now);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.INVALID_TRANSITION) {
                throw e;
            }
            return null;
        }
        cases.write(plan.write());
        return plan.routed();
    }

    /**
     * {@code case.verified}: only a case still in VERIFIED (routing moves it on). {@code case.rerouted}: a case in a
     * state from which the catalogue lists the platform's routing moves, whose assignment predates the reroute (an
     * official changed its category or area).
     */
    static boolean needsRouting(CaseEvent event, ReportCase c, StateMachine machine) {
        if (CaseEvent.VERIFIED.equals(event.eventType())) {
            return c.status() == CaseStatus.VERIFIED;
        }
        boolean routable = machine.step(c).map(s -> s.actions().stream()
                .anyMatch(a -> a.effect() == ActionRule.Effect.ROUTE && a.allows(Role.SYSTEM))).orElse(false);
        if (!routable) {
            return false;
        }
        Assignment a = c.assignment();
        Instant rerouteAt = event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
        return a == null || a.routedAt() == null || a.routedAt().isBefore(rerouteAt);
    }

    /** The write of one routing (when {@code route}) plus the deliveries still due; null when nothing is due. */
    private record Plan(CaseWrite write, TransitionEvent routed, int queued) {
    }

    private Plan plan(StateMachine machine, Tenant tenant, ReportCase c, boolean route, String alertType, Instant now) {
        ReportCase after = c;
        List<OutboxEvent> events = new ArrayList<>();
        TransitionEvent routed = null;
        if (route) {
            Transition t = apply(machine, c, router.decide(machine, tenant, c, now), now);
            after = t.after();
            routed = t.event();
            events.add(OutboxEvents.caseEvent(routed, after));
        }
        Assignment assignment = after.assignment();
        boolean alert = alertsOwner(machine, after) && !delivered(assignment, alertTarget(assignment));
        boolean notice = assignment != null && assignment.external() && after.reporter() != null
                && after.reporter().hasContact() && !delivered(assignment, CITIZEN_NOTICES_TARGET);
        String institutionEmail = assignment == null || !assignment.external()
                || delivered(assignment, INSTITUTION_EMAIL_TARGET) ? null : institutionEmail(tenant, assignment);
        boolean referral = institutionEmail != null;
        if (!alert && !notice && !referral) {
            return routed == null ? null : new Plan(CaseWrite.of(after, events), routed, 0);
        }
        // the deliveries go into the version written: the routing's own, or one more (no history entry)
        ReportCase written = routed != null ? after : c.amend(b -> b, now);
        List<Assignment.Delivery> deliveries = new ArrayList<>(assignment.deliveries());
        if (alert) {
            OutboxEvent e = OutboxEvents.agencyAlert(written,
                    AgencyAlertMessages.build(tenant, written, alertType, caseLink));
            events.add(e);
            deliveries.add(new Assignment.Delivery(alertTarget(assignment), now, true, e.eventId()));
        }
        if (notice) {
            OutboxEvent e = OutboxEvents.referralNotice(written, referralNotice(tenant, written));
            events.add(e);
            deliveries.add(new Assignment.Delivery(CITIZEN_NOTICES_TARGET, now, true, e.eventId()));
        }
        if (referral) {
            OutboxEvent e = OutboxEvents.referralEmail(written, institutionEmail,
                    AgencyAlertMessages.build(tenant, written, AgencyAlert.CASE_ROUTED, caseLink));
            events.add(e);
            deliveries.add(new Assignment.Delivery(INSTITUTION_EMAIL_TARGET, now, true, e.eventId()));
        }
        ReportCase recorded = new ReportCase.Builder(written).assignment(new Assignment(assignment.agencyId(),
                assignment.agencyName(), assignment.external(), assignment.routedAt(), assignment.dueAt(), deliveries))
                .build(); // same version: the deliveries are part of this write
        return new Plan(CaseWrite.of(recorded, events), routed,
                (alert ? 1 : 0) + (notice ? 1 : 0) + (referral ? 1 : 0));
    }

    /** The external institution's e-mail address in the tenant document (its first e-mail channel), if any. */
    private static String institutionEmail(Tenant tenant, Assignment assignment) {
        return tenant.agency(assignment.agencyId()).flatMap(a -> a.channels().stream()
                .filter(ch -> ch.type() == NotificationChannel.Type.EMAIL).map(NotificationChannel::endpoint)
                .findFirst()).orElse(null);
    }

    /** The owner of an assignment is alerted while the case waits in a step (never an external institution). */
    private static boolean alertsOwner(StateMachine machine, ReportCase c) {
        return c.assignment() != null && !c.assignment().external() && machine.step(c).isPresent();
    }

    private static String alertTarget(Assignment a) {
        return AGENCY_ALERTS_TARGET_PREFIX + (a == null ? null : a.agencyId());
    }

    /**
     * The routing move through the state machine: status, history entry, deadline of the step entered and the
     * assignment (due at that deadline) in one case version.
     */
    static Transition apply(StateMachine machine, ReportCase c, RoutingDecision d, Instant now) {
        ActionRule move = machine.move(c, d.move(), Role.SYSTEM);
        return machine.apply(c, move, d.status(), HistoryEntry.SYSTEM, Role.SYSTEM, d.historyNote(), now,
                (b, deadlineAt) -> b.assignment(d.agencyId() == null ? null : new Assignment(d.agencyId(),
                        d.agencyName(), d.outcome() == RoutingDecision.Outcome.REFERRED_EXTERNAL, now, deadlineAt,
                        List.of())));
    }

    static boolean delivered(Assignment a, String target) {
        return a != null && a.deliveries().stream().anyMatch(d -> d.accepted() && target.equals(d.target()));
    }

    private static CitizenNotice referralNotice(Tenant tenant, ReportCase c) {
        String categoryName = c.category() == null ? null
                : tenant.category(c.category()).map(Category::name).orElse(c.category());
        return new CitizenNotice(CitizenNotice.REFERRED_EXTERNAL, c.tenantId(), c.caseId(), c.trackingCode(),
                c.assignment().agencyName(),
                CitizenNotice.referralText(tenant.name(), c.trackingCode(), categoryName, c.assignment().agencyName()));
    }

    private Tenant tenant(ReportCase c) {
        return tenants.find(c.tenantId())
                .orElseThrow(() -> new IllegalStateException("unknown tenant " + c.tenantId()));
    }

    private ReportCase reload(ReportCase c) {
        return cases.findById(c.caseId()).orElseThrow(() -> new IllegalStateException("case vanished " + c.caseId()));
    }
}
