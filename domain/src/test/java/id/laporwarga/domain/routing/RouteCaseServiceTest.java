package id.laporwarga.domain.routing;

import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.routing.InMemoryRoutingPorts.Claims;
import id.laporwarga.domain.routing.InMemoryRoutingPorts.Notifications;
import static id.laporwarga.domain.routing.RoutingFixtures.MOGOLAING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.StateMachine;
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
    private final Claims claims = new Claims();
    private final Notifications notifications = new Notifications();
    private MutableClock clock;
    private RouteCaseService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW.plusSeconds(30));
        Tenant tenant = RoutingFixtures.tenant();
        TenantCatalog catalog = new id.laporwarga.domain.memory.MemoryTenants(tenant);
        service = new RouteCaseService(cases, catalog, notifications, claims, p -> "https://s3/" + p.objectKey(),
                Duration.ofHours(1), clock);
    }

    private static CaseEvent verified(ReportCase c) {
        return new CaseEvent(CaseEvent.VERIFIED, c.caseId(), c.tenantId(), c.kind(), c.category(), c.status(),
                c.version(), NOW);
    }

    @Test
    void sameEventThreeTimesGivesOneAssignmentAndOneAlert() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        CaseEvent event = verified(c);

        var first = service.handle(event);
        var second = service.handle(event);
        var third = service.handle(event);

        assertEquals(RouteCaseService.Outcome.ROUTED, first.outcome());
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, second.outcome());
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, third.outcome());
        assertEquals(1, notifications.alerts.size());
        ReportCase stored = cases.get("case-1");
        assertEquals(CaseStatus.ROUTED, stored.status());
        assertEquals("dlh", stored.assignment().agencyId());
        assertEquals(1, stored.history().stream().filter(h -> h.action().equals(RouteCaseService.ACTION_ROUTE)).count());
        assertEquals(List.of("msg-1"), stored.assignment().deliveries().stream().map(Assignment.Delivery::messageId).toList());
        assertEquals(stored.assignment().dueAt(), stored.deadlineAt());
        // route write + delivery write
        assertEquals(c.version() + 2, stored.version());
    }

    @Test
    void failedPublishIsNotMarkedSentAndTheRetryAlertsOnce() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        notifications.failNext = 1;

        assertThrows(IllegalStateException.class, () -> service.handle(verified(c)));
        ReportCase afterFailure = cases.get("case-1");
        assertEquals(CaseStatus.ROUTED, afterFailure.status(), "the assignment itself is kept");
        assertTrue(afterFailure.assignment().deliveries().isEmpty(), "never marked sent when the publish failed");

        var retry = service.handle(verified(c));
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, retry.outcome());
        assertEquals(1, retry.published());
        assertEquals(1, notifications.alerts.size());
        assertEquals(1, cases.get("case-1").assignment().deliveries().size());
    }

    @Test
    void publishedButNotRecordedIsRecordedWithoutPublishingAgain() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        cases.onEveryUpdate = changed -> {
            if (changed.assignment() != null && !changed.assignment().deliveries().isEmpty()) {
                throw new IllegalStateException("DynamoDB unavailable");
            }
        };
        assertThrows(IllegalStateException.class, () -> service.handle(verified(c)));
        assertEquals(1, notifications.alerts.size());

        cases.onEveryUpdate = changed -> { };
        var retry = service.handle(verified(c));
        assertEquals(0, retry.published());
        assertEquals(1, notifications.alerts.size());
        assertEquals("msg-1", cases.get("case-1").assignment().deliveries().get(0).messageId());
    }

    @Test
    void concurrentConsumerHoldingTheClaimMakesThisOneRetryLater() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        claims.holdEverything = true;
        assertThrows(RouteCaseService.DeliveryInFlightException.class, () -> service.handle(verified(c)));
        assertEquals(0, notifications.alerts.size());
    }

    @Test
    void externalReferralAlertsNoAgencyAndNotifiesTheReporterWithoutContactData() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "listrik", MOGOLAING));
        var result = service.handle(verified(c));
        assertEquals(CaseStatus.REFERRED_EXTERNAL, result.status());
        assertTrue(notifications.alerts.isEmpty());
        assertEquals(1, notifications.notices.size());
        CitizenNotice notice = notifications.notices.get(0);
        assertEquals("PLN UP3 Kotamobagu", notice.referredTo());
        assertFalse(notice.toString().contains("81234567890"));
        ReportCase stored = cases.get("case-1");
        assertTrue(stored.assignment().external());
        assertNull(stored.assignment().dueAt());
        assertEquals(RouteCaseService.CITIZEN_NOTICES_TARGET, stored.assignment().deliveries().get(0).target());
        assertTrue(stored.history().get(stored.history().size() - 1).note().contains("PLN UP3 Kotamobagu"));

        service.handle(verified(c));
        assertEquals(1, notifications.notices.size());
    }

    @Test
    void externalReferralWithoutContactSendsNoNotice() {
        ReportCase c = cases.put(RoutingFixtures.verifiedCase("case-1", CaseKind.COMPLAINT, "listrik", MOGOLAING,
                Privacy.ANONYMOUS, new Reporter(null, null, null), NOW));
        service.handle(verified(c));
        assertTrue(notifications.notices.isEmpty());
        assertEquals(CaseStatus.REFERRED_EXTERNAL, cases.get("case-1").status());
    }

    @Test
    void unknownCategoryGoesToTriageAndAlertsTheDesk() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "tidak-ada", MOGOLAING));
        var result = service.handle(verified(c));
        assertEquals(CaseStatus.TRIAGE, result.status());
        assertEquals("kominfo", result.agencyId());
        assertEquals("kominfo", notifications.alerts.get(0).attributes().get("agencyId"));
    }

    @Test
    void casesNotVerifiedAreNotRouted() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        ReportCase review = cases.put(c.transition(CaseStatus.NEEDS_REVIEW, "verify", "system", "system", null, NOW, null));
        var result = service.handle(verified(review));
        assertEquals(RouteCaseService.Outcome.SKIPPED, result.outcome());
        assertTrue(notifications.alerts.isEmpty());
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
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, service.handle(rerouted).outcome());

        ReportCase stored = cases.get("case-1");
        assertEquals(CaseStatus.ROUTED, stored.status());
        assertEquals("dishub", stored.assignment().agencyId());
        assertEquals(2, notifications.alerts.size());
        AgencyAlert second = notifications.alerts.get(1);
        assertEquals("dishub", second.attributes().get("agencyId"));
        assertEquals(AgencyAlert.CASE_REROUTED, second.attributes().get("eventType"));
        // the platform's routing moves as the catalogue names them: triage first, then route from TRIAGE
        assertEquals(List.of("triage", "route"), stored.history().stream().map(h -> h.action()).toList());
        assertEquals(CaseStatus.TRIAGE, stored.history().get(1).from());
    }

    @Test
    void concurrentRoutingWriteIsRetriedOnTheFreshCase() {
        ReportCase c = cases.put(RoutingFixtures.complaint("case-1", "sampah", MOGOLAING));
        // someone else (a concurrent consumer) routes between our read and our write
        cases.beforeNextUpdate = changed -> {
            StateMachine machine = StateMachine.forTenant(RoutingFixtures.tenant());
            ReportCase other = RouteCaseService.apply(machine, cases.get("case-1"),
                    new CaseRouter().decide(RoutingFixtures.tenant(), cases.get("case-1"), NOW), NOW).after();
            cases.put(other);
        };
        var result = service.handle(verified(c));
        assertEquals(RouteCaseService.Outcome.ALREADY_ROUTED, result.outcome());
        assertEquals(1, cases.get("case-1").history().size(), "exactly one routing entry");
        assertEquals(1, notifications.alerts.size());
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
