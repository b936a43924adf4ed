package id.laporwarga.domain.routing;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.Transition;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Routes a case on {@code case.verified} / {@code case.rerouted} and alerts its new owner, exactly once per event
 * however often the event is delivered:
 * <ol>
 *   <li><b>Assign</b> (only while the case still needs routing): {@link CaseRouter} picks the routing move, the
 *       {@link StateMachine} makes it: status, history entry, assignment and the deadline of the step entered (the
 *       workflow catalogue's) in ONE conditional write on the case version. A redelivery finds the case routed
 *       already.</li>
 *   <li><b>Alert</b> (only while the assignment has no accepted delivery to that target): claim, publish, complete the
 *       claim with the message id, then record the {@link Assignment.Delivery} on the case. A failed publish releases
 *       the claim and throws, so the message is retried; nothing is marked sent that was not accepted.</li>
 * </ol>
 */
public final class RouteCaseService {
    /** The history action of a routing to an agency, a review chain or an RT (the catalogue's {@code route}). */
    public static final String ACTION_ROUTE = WorkflowCatalog.ROUTE;
    public static final String AGENCY_ALERTS_TARGET_PREFIX = "sns:agency-alerts:";
    public static final String CITIZEN_NOTICES_TARGET = "sns:citizen-notices";
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final RoutingNotifications notifications;
    private final DeliveryClaims claims;
    private final Function<Photo, String> photoLink;
    private final Duration photoLinkValidity;
    private final Clock clock;
    private final CaseRouter router = new CaseRouter();

    public RouteCaseService(CaseRepository cases, TenantCatalog tenants, RoutingNotifications notifications,
                            DeliveryClaims claims, Function<Photo, String> photoLink, Duration photoLinkValidity,
                            Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.notifications = notifications;
        this.claims = claims;
        this.photoLink = photoLink;
        this.photoLinkValidity = photoLinkValidity;
        this.clock = clock;
    }

    public enum Outcome {
        /** Assigned by this call (and alerted where due). */
        ROUTED,
        /** Assigned before (a redelivery); any alert still missing was sent now. */
        ALREADY_ROUTED,
        /** Nothing to do: the case is unknown or not in a routable state. */
        SKIPPED
    }

    /**
     * What happened; {@code published} counts messages published by this call; {@code event} is the routing move's
     * event when this call routed the case (else null).
     */
    public record Result(String caseId, Outcome outcome, CaseStatus status, String agencyId, int published,
                         String reason, TransitionEvent event) {
        public Result(String caseId, Outcome outcome, CaseStatus status, String agencyId, int published,
                      String reason) {
            this(caseId, outcome, status, agencyId, published, reason, null);
        }
    }

    /** Another consumer is publishing this alert right now: retry the message later. */
    public static final class DeliveryInFlightException extends RuntimeException {
        public DeliveryInFlightException(String key) {
            super("delivery in flight: " + key);
        }
    }

    public Result handle(CaseEvent event) {
        if (!CaseEvent.VERIFIED.equals(event.eventType()) && !CaseEvent.REROUTED.equals(event.eventType())) {
            return new Result(event.caseId(), Outcome.SKIPPED, event.status(), null, 0,
                    "event type " + event.eventType() + " is not routed");
        }
        ReportCase c = cases.findById(event.caseId()).orElse(null);
        if (c == null) {
            return new Result(event.caseId(), Outcome.SKIPPED, null, null, 0, "case not found");
        }
        String tenantId = c.tenantId();
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new IllegalStateException("unknown tenant " + tenantId));
        StateMachine machine = StateMachine.forTenant(tenant);
        Instant now = clock.instant();

        TransitionEvent routed = null;
        for (int attempt = 0; needsRouting(event, c, machine); attempt++) {
            RoutingDecision decision;
            try {
                decision = router.decide(machine, tenant, c, now);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.INVALID_TRANSITION) {
                    throw e;
                }
                return new Result(c.caseId(), Outcome.SKIPPED, c.status(), null, 0,
                        "the " + c.kind() + " workflow lists no such routing move from " + c.status());
            }
            try {
                Transition t = apply(machine, c, decision, now);
                c = cases.update(t.after());
                routed = t.event();
                break;
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                c = reload(c);
            }
        }
        Outcome outcome = routed != null ? Outcome.ROUTED : Outcome.ALREADY_ROUTED;
        if (c.assignment() == null) {
            return routed != null
                    ? new Result(c.caseId(), outcome, c.status(), null, 0, null, routed)
                    : new Result(c.caseId(), Outcome.SKIPPED, c.status(), null, 0,
                            "case is " + c.status() + ", not routable by " + event.eventType());
        }

        int published = 0;
        if (alertsOwner(machine, c)) {
            ReportCase current = c;
            String alertType = CaseEvent.REROUTED.equals(event.eventType()) ? AgencyAlert.CASE_REROUTED
                    : AgencyAlert.CASE_ROUTED;
            Delivered d = deliverOnce(c, AGENCY_ALERTS_TARGET_PREFIX + c.assignment().agencyId(),
                    () -> notifications.publishAgencyAlert(
                            AgencyAlertMessages.build(tenant, current, alertType, photoLink, photoLinkValidity)));
            c = d.reportCase();
            published += d.published() ? 1 : 0;
        }
        if (c.assignment().external() && c.reporter() != null && c.reporter().hasContact()) {
            CitizenNotice notice = referralNotice(tenant, c);
            Delivered d = deliverOnce(c, CITIZEN_NOTICES_TARGET, () -> notifications.publishCitizenNotice(notice));
            c = d.reportCase();
            published += d.published() ? 1 : 0;
        }
        return new Result(c.caseId(), outcome, c.status(), c.assignment() == null ? null : c.assignment().agencyId(),
                published, null, routed);
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

    /** The owner of an assignment is alerted while the case waits in a step (never an external institution). */
    private static boolean alertsOwner(StateMachine machine, ReportCase c) {
        return c.assignment() != null && !c.assignment().external() && machine.step(c).isPresent();
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

    private record Delivered(ReportCase reportCase, boolean published) {
    }

    private Delivered deliverOnce(ReportCase c, String target, Supplier<String> publish) {
        if (delivered(c.assignment(), target)) {
            return new Delivered(c, false);
        }
        Instant routedAt = c.assignment().routedAt();
        String key = c.caseId() + "#" + target + "#" + routedAt.toEpochMilli();
        Instant now = clock.instant();
        DeliveryClaims.Claim claim = claims.claim(key, now);
        String messageId;
        boolean published;
        switch (claim.status()) {
            case HELD_BY_OTHER -> throw new DeliveryInFlightException(key);
            case COMPLETED -> {
                messageId = claim.messageId();
                published = false;
            }
            default -> {
                try {
                    messageId = publish.get();
                } catch (RuntimeException e) {
                    claims.release(key);
                    throw e;
                }
                claims.complete(key, messageId);
                published = true;
            }
        }
        Assignment.Delivery delivery = new Assignment.Delivery(target, now, true, messageId);
        for (int attempt = 0; ; attempt++) {
            ReportCase current = c;
            ReportCase recorded = c.amend(b -> b.assignment(withDelivery(current.assignment(), delivery)), now);
            try {
                return new Delivered(cases.update(recorded), published);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                c = reload(c);
                if (c.assignment() == null || !routedAt.equals(c.assignment().routedAt())
                        || delivered(c.assignment(), target)) {
                    return new Delivered(c, published); // rerouted meanwhile, or recorded by another consumer
                }
            }
        }
    }

    static boolean delivered(Assignment a, String target) {
        return a != null && a.deliveries().stream().anyMatch(d -> d.accepted() && target.equals(d.target()));
    }

    private static Assignment withDelivery(Assignment a, Assignment.Delivery d) {
        List<Assignment.Delivery> all = new ArrayList<>(a.deliveries());
        all.add(d);
        return new Assignment(a.agencyId(), a.agencyName(), a.external(), a.routedAt(), a.dueAt(), all);
    }

    private static CitizenNotice referralNotice(Tenant tenant, ReportCase c) {
        String categoryName = c.category() == null ? null
                : tenant.category(c.category()).map(Category::name).orElse(c.category());
        return new CitizenNotice(CitizenNotice.REFERRED_EXTERNAL, c.tenantId(), c.caseId(), c.trackingCode(),
                c.assignment().agencyName(),
                CitizenNotice.referralText(tenant.name(), c.trackingCode(), categoryName, c.assignment().agencyName()));
    }

    private ReportCase reload(ReportCase c) {
        return cases.findById(c.caseId()).orElseThrow(() -> new IllegalStateException("case vanished " + c.caseId()));
    }
}
