package id.laporwarga.domain.routing;

import static id.laporwarga.domain.routing.RoutingFixtures.MOGOLAING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.TransitionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteCaseServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    private final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    private MutableClock clock;
    private RouteCaseService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW.plusSeconds(30));
        Tenant tenant = RoutingFixtures.tenant();
        TenantCatalog catalog = new id.laporwarga.domain.memory.MemoryTenants(tenant);
        service = new RouteCaseService(cases, catalog, id -> "https://lapor.example.go.id/petugas/#/cases/" + id, clock);
    }

    private static CaseEvent verified(ReportCase c) {
        return new CaseEvent(CaseEvent.VERIFIED, c.caseId(), c.tenantId(), c.kind(), c.category(), c.status(),
                c.version(), NOW);
    }

    private List<OutboxEvent> alerts() {
        return cases.outbox(OutboxEvent.Channel.AGENCY_ALERTS);
    }

    private List<OutboxEvent> notices() {
        return cases.outbox(OutboxEvent.Channel.CITIZEN_NOTICES);
    }

    @Test
    void sameEventThreeTimesGivesOneAssignmentOneAlertAndOneWrite() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        CaseEvent event = verified(c);

        var first = service.handle(event);
        var second = service.handle(event);
        var third = service.handle(event);

        assertEquals(RouteCaseService.Outcome.ROUTED, first.outcome());
        assertEquals(1, first.queued());
        assertEquals(RouteCaseService.Outcome.DUPLICATE, second.outcome());
        assertEquals(RouteCaseService.Outcome.DUPLICATE, third.outcome());
        assertEquals(1, alerts().size());
        ReportCase stored = cases.get("case-1");
        assertEquals(CaseStatus.ROUTED, stored.status());
        assertEquals("dlh", stored.assignment().agencyId());
        assertEquals(1, stored.history().stream().filter(h -> h.action().equals(RouteCaseService.ACTION_ROUTE)).count());
        // the routing, its event, the alert, its delivery record and the processed mark: one write, one version
        assertEquals(c.version() + 1, stored.version());
        assertEquals(List.of("case-1#case.routed#" + stored.version()),
                cases.caseEvents("case.routed").stream().map(OutboxEvent::eventId).toList());
        assertEquals("case-1#agency-alert#" + stored.version(), alerts().get(0).eventId());
        assertEquals(List.of(alerts().get(0).eventId()),
                stored.assignment().deliveries().stream().map(Assignment.Delivery::messageId).toList());
        assertEquals(alerts().get(0).eventId(), alerts().get(0).body().get("eventId"));
        assertEquals("dlh", alerts().get(0).attributes().get("agencyId"));
        assertTrue(cases.processed(RouteCaseService.CONSUMER, event.dedupeId()));
        assertEquals(stored.assignment().dueAt(), stored.deadlineAt());
    }

    @Test
    void aFailedWriteStoresNothingAndTheRetryRoutesAndAlertsOnce() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        cases.onEveryUpdate = changed -> {
            throw new IllegalStateException("DynamoDB unavailable");
        };

        assertThrows(IllegalStateException.class, () -> service.handle(verified(c)));
        assertEquals(c, cases.get("case-1"), "neither the routing nor its alert");
        assertTrue(cases.outbox.isEmpty());
        assertFalse(cases.processed(RouteCaseService.CONSUMER, verified(c).dedupeId()));

        cases.onEveryUpdate = changed -> { };
        var retry = service.handle(verified(c));
        assertEquals(RouteCaseService.Outcome.ROUTED, retry.outcome());
        assertEquals(1, alerts().size());
        assertEquals(1, cases.get("case-1").assignment().deliveries().size());
    }

    @Test
    void aConsumerThatProcessedTheEventConcurrentlyMakesThisOneADuplicate() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        // another consumer handles the same event between our check and our write
        cases.beforeNextUpdate = changed -> service.handle(verified(c));
        var result = service.handle(verified(c));
        assertTrue(result.outcome() == RouteCaseService.Outcome.DUPLICATE
                || result.outcome() == RouteCaseService.Outcome.ALREADY_ROUTED, result.toString());
        assertEquals(1, alerts().size());
        assertEquals(1, cases.get("case-1").history().stream().filter(h -> h.action().equals("route")).count());
    }

    @Test
    void externalReferralAlertsNoAgencyAndNotifiesTheReporterWithoutContactData() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "listrik", MOGOLAING));
        var result = service.handle(verified(c));
        assertEquals(CaseStatus.REFERRED_EXTERNAL, result.status());
        assertTrue(alerts().isEmpty());
        assertEquals(1, notices().size());
        OutboxEvent notice = notices().get(0);
        assertEquals("PLN UP3 Kotamobagu", notice.body().get("referredTo"));
        assertEquals(CitizenNotice.REFERRED_EXTERNAL, notice.attributes().get("noticeType"));
        assertFalse((notice.body() + "" + notice.attributes()).contains("81234567890"));
        ReportCase stored = cases.get("case-1");
        assertTrue(stored.assignment().external());
        assertNull(stored.assignment().dueAt());
        assertEquals(RouteCaseService.CITIZEN_NOTICES_TARGET, stored.assignment().deliveries().get(0).target());
        assertTrue(stored.history().get(stored.history().size() - 1).note().contains("PLN UP3 Kotamobagu"));

        service.handle(verified(c));
        assertEquals(1, notices().size());
    }

    @Test
    void externalReferralWithoutContactSendsNoNotice() {
        ReportCase c = cases.put(RoutingFixtures.verifiedCase("case-1", CaseKind.COMPLAINT, "listrik", MOGOLAING,
                Privacy.ANONYMOUS, new Reporter(null, null, null), NOW));
        service.handle(verified(c));
        assertTrue(notices().isEmpty());
        assertEquals(CaseStatus.REFERRED_EXTERNAL, cases.get("case-1").status());
    }

    @Test
    void unknownCategoryGoesToTriageAndAlertsTheDesk() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "tidak-ada", MOGOLAING));
        var result = service.handle(verified(c));
        assertEquals(CaseStatus.TRIAGE, result.status());
        assertEquals("kominfo", result.agencyId());
        assertEquals("kominfo", alerts().get(0).attributes().get("agencyId"));
    }

    @Test
    void casesNotVerifiedAreNotRouted() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        ReportCase review = cases.put(c.transition(CaseStatus.NEEDS_REVIEW, "verify", "system", "system", null, NOW, null));
        var result = service.handle(verified(review));
        assertEquals(RouteCaseService.Outcome.SKIPPED, result.outcome());
        assertTrue(cases.outbox.isEmpty());
        assertEquals(CaseStatus.NEEDS_REVIEW, cases.get("case-1").status());
    }

    @Test
    void rerouteAfterCategoryChangeRoutesAgainOnceAndAlertsTheNewAgency() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "tidak-ada", MOGOLAING));
        service.handle(verified(c));
        assertEquals(CaseStatus.TRIAGE, cases.get("case-1").status());

        // the triage desk picks the right category an hour later (review step)
        clock.set(NOW.plus(Duration.ofHours(1)));
        ReportCase fixed = cases.get("case-1").amend(b -> b.category("parkir"), clock.instant());
        cases.put(fixed);
        CaseEvent rerouted = new CaseEvent(CaseEvent.REROUTED, fixed.caseId(), fixed.tenantId(), fixed.kind(),
                fixed.category(), fixed.status(), fixed.version(), clock.instant());
        clock.set(clock.instant().plusSeconds(5));

        assertEquals(RouteCaseService.Outcome.ROUTED, service.handle(rerouted).outcome());
        assertEquals(RouteCaseService.Outcome.DUPLICATE, service.handle(rerouted).outcome());

        ReportCase stored = cases.get("case-1");
        assertEquals(CaseStatus.ROUTED, stored.status());
        assertEquals("dishub", stored.assignment().agencyId());
        assertEquals(2, alerts().size());
        OutboxEvent second = alerts().get(1);
        assertEquals("dishub", second.attributes().get("agencyId"));
        assertEquals(AgencyAlert.CASE_REROUTED, second.attributes().get("eventType"));
        // the platform's routing moves as the catalogue names them: triage first, then route from TRIAGE
        assertEquals(List.of("triage", "route"), stored.history().stream().map(h -> h.action()).toList());
        assertEquals(CaseStatus.TRIAGE, stored.history().get(1).from());
    }

    @Test
    void anOfficialsRerouteIsAlertedOnceWithoutRoutingAgain() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "tidak-ada", MOGOLAING));
        service.handle(verified(c));
        // review-step's reroute: the new assignment is made by the official's move itself
        clock.set(NOW.plus(Duration.ofHours(2)));
        ReportCase moved = cases.get("case-1").amend(b -> b.category("parkir").assignment(new Assignment("dishub",
                "Dinas Perhubungan", false, clock.instant(), null, List.of())), clock.instant());
        cases.put(moved);
        CaseEvent rerouted = new CaseEvent(CaseEvent.REROUTED, moved.caseId(), moved.tenantId(), moved.kind(),
                moved.category(), moved.status(), moved.version(), clock.instant());

        var result = service.handle(rerouted);

        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, result.outcome());
        assertEquals(1, result.queued());
        assertEquals("dishub", alerts().get(1).attributes().get("agencyId"));
        ReportCase stored = cases.get("case-1");
        assertEquals(moved.version() + 1, stored.version(), "the delivery record is the only change");
        assertEquals(moved.history(), stored.history());
        assertEquals(RouteCaseService.Outcome.DUPLICATE, service.handle(rerouted).outcome());
        assertEquals(2, alerts().size());
    }

    @Test
    void concurrentRoutingWriteIsRetriedOnTheFreshCase() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        // someone else (the sweeper) routes and alerts between our read and our write
        cases.beforeNextUpdate = changed -> service.route(cases.get("case-1"), NOW);
        var result = service.handle(verified(c));
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, result.outcome());
        assertEquals(0, result.queued());
        assertEquals(1, cases.get("case-1").history().stream().filter(h -> h.action().equals("route")).count(),
                "exactly one routing entry");
        assertEquals(1, alerts().size());
    }

    @Test
    void theSweeperRoutesACaseStillVerifiedAndTheLateEventThenDoesNothing() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));

        TransitionEvent routed = service.route(c, NOW.plus(Duration.ofMinutes(20)));

        assertEquals("case.routed", routed.eventType());
        assertEquals(CaseStatus.ROUTED, cases.get("case-1").status());
        assertEquals(1, alerts().size());
        assertEquals(1, cases.caseEvents("case.routed").size());
        var late = service.handle(verified(c));
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, late.outcome());
        assertEquals(1, alerts().size());
        assertEquals(1, cases.get("case-1").history().stream().filter(h -> h.action().equals("route")).count());
    }

    // ---------------------------------------------------------------- in-memory ports


    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
