package id.laporwarga.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.memory.MemoryNotices;
import id.laporwarga.domain.memory.MemoryTenants;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Fixtures;
import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.WhoActs;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every step of every workflow of the catalogue: one alert to the role and area acting there, none elsewhere. */
class StepAlertsTest {
    /** Any case event that carries the step entered (the outbox relay publishes one per transition). */
    static final String STEP_ENTERED = "case.approve";

    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    static final AreaRef AREA = new AreaRef("99.01.01", "Barat", "99.01.01.1001", "Kelurahan Satu",
            AreaRef.KelurahanMatch.INSIDE);
    final Tenant tenant = Fixtures.squareTenant();
    final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    final MemoryNotices notices = new MemoryNotices();
    final StepAlerts alerts = new StepAlerts(cases, new MemoryTenants(tenant), notices, notices,
            Clock.fixed(NOW, ZoneOffset.UTC));

    ReportCase inStep(CaseKind kind, CaseStatus step, long version) {
        String id = kind + "-" + step + "-" + version;
        return cases.put(ReportCase.builder().caseId(id).tenantId(tenant.id()).timeZone("Asia/Makassar")
                .trackingCode("KKC-" + Math.abs(id.hashCode() % 10000)).kind(kind).category("X").description("uji")
                .area(AREA).rtId("99.01.01.1001-RT001").privacy(Privacy.PUBLIC).status(step).submittedAt(NOW)
                .version(version).deadlineAt(NOW.plusSeconds(900))
                .assignment(new Assignment("dlh", "DLH", false, NOW, NOW.plusSeconds(900), List.of()))
                .citizenSecretHash("h").requestHash("r").build());
    }

    @Test
    void everyStepEntryOfEveryWorkflowAlertsExactlyTheRoleAndAreaActingThere() {
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(tenant);
        int alerted = 0;
        for (Workflow workflow : catalog.workflows()) {
            for (StepRule step : workflow.steps()) {
                ReportCase c = inStep(workflow.kind(), step.status(), 4);
                CaseEvent entered = CaseEvent.of(STEP_ENTERED, c, NOW);
                int before = notices.alerts.size();
                alerts.handle(entered);
                alerts.handle(entered); // redelivered
                alerts.handle(CaseEvent.of(CaseEvent.REROUTED, c, NOW)); // a second event of the same move
                WhoActs who = step.whoActs();
                if (!StepAlerts.SCOPES.contains(who.scope()) || step.status().isTerminal()) {
                    assertEquals(before, notices.alerts.size(), workflow.kind() + " " + step.status() + ": " + who);
                    continue;
                }
                assertEquals(before + 1, notices.alerts.size(), workflow.kind() + " " + step.status());
                StepAlerts.StepAlert a = notices.alerts.get(before);
                assertEquals(who.role(), a.role(), step.status().name());
                assertEquals(who.scope(), a.scope());
                assertEquals(switch (who.scope()) {
                    case RT -> "99.01.01.1001-RT001";
                    case KELURAHAN -> "99.01.01.1001";
                    case KECAMATAN -> "99.01.01";
                    default -> StepAlerts.CITY_AREA;
                }, a.area());
                assertEquals(NOW.plusSeconds(900), a.deadlineAt());
                assertTrue(a.text().contains(c.trackingCode()) && a.text().contains(step.status().label().id()));
                alerted++;
            }
        }
        // service request: RT approval (and its NEEDS_REVIEW), kelurahan processing; RT activity: kecamatan, city
        assertTrue(alerted >= 5, "alerted steps: " + alerted);
        assertEquals(alerted, notices.deliveries.size(), "one delivery record per alert");
    }

    /**
     * Every move of the complaint workflow: the intake moves that put a case back on the triage desk (an agency's
     * "bukan wewenang" hand-back, the reporter's reply) alert the desk's acting role at the desk agency; the question
     * to the reporter and the merge alert no official (the reporter gets the citizen notice).
     */
    @Test
    void theIntakeMovesBackToTheDeskAlertTheDeskAndNoOtherIntakeMoveAlertsAnOfficial() {
        Workflow complaint = WorkflowCatalog.forTenant(tenant).of(CaseKind.COMPLAINT);
        java.util.Set<String> alertedBy = new java.util.TreeSet<>();
        java.util.Set<String> silentBy = new java.util.TreeSet<>();
        long version = 20;
        for (StepRule step : complaint.steps()) {
            for (id.laporwarga.domain.workflow.ActionRule move : step.actions()) {
                Role actor = move.roles().iterator().next();
                String type = id.laporwarga.domain.workflow.TransitionEvent.typeOf(move, step.status(), move.to(), actor);
                ReportCase c = cases.put(inStep(CaseKind.COMPLAINT, move.to(), version++).amend(b -> b.assignment(
                        new Assignment("kominfo", "Diskominfo", false, NOW, NOW.plusSeconds(900), List.of())), NOW));
                int before = notices.alerts.size();
                alerts.handle(new CaseEvent(type, c.caseId(), tenant.id(), CaseKind.COMPLAINT, "X", move.to(),
                        c.version(), NOW));
                if (StepAlerts.DESK_EVENTS.contains(type)) {
                    assertEquals(before + 1, notices.alerts.size(), step.status() + " " + move.name());
                    StepAlerts.StepAlert a = notices.alerts.getLast();
                    StepRule desk = complaint.step(move.to()).orElseThrow();
                    assertEquals(desk.whoActs().role(), a.role());
                    assertEquals(WhoActs.Scope.TRIAGE_DESK, a.scope());
                    assertEquals("kominfo", a.area());
                    assertEquals("kominfo", StepAlerts.areaKey(a.scope(), a.area()), "the desk agency's subscription key");
                    alertedBy.add(move.name());
                } else if (type.equals(id.laporwarga.domain.workflow.TransitionEvent.NEEDS_INFO)
                        || type.equals(id.laporwarga.domain.workflow.TransitionEvent.MERGED)) {
                    assertEquals(before, notices.alerts.size(), step.status() + " " + move.name());
                    silentBy.add(move.name());
                }
            }
        }
        assertEquals(java.util.Set.of(WorkflowCatalog.HANDBACK, WorkflowCatalog.REPLY), alertedBy);
        assertEquals(java.util.Set.of(WorkflowCatalog.ASK, WorkflowCatalog.MERGE), silentBy);
    }

    @Test
    void theRtHeadHearsOfANewServiceRequestAndTheKelurahanOfItsApproval() {
        ReportCase atRt = inStep(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, 1);
        StepAlerts.StepAlert rt = alerts.handle(CaseEvent.of("case.submitted", atRt, NOW)).orElseThrow();
        assertEquals(Role.RT_HEAD, rt.role());
        assertEquals("99.01.01.1001-RT001", rt.area());
        ReportCase atKelurahan = inStep(CaseKind.SERVICE_REQUEST, CaseStatus.KELURAHAN_PROCESSING, 2);
        StepAlerts.StepAlert kel = alerts.handle(CaseEvent.of(STEP_ENTERED, atKelurahan, NOW))
                .orElseThrow();
        assertEquals(Role.KELURAHAN, kel.role());
        assertEquals("99.01.01.1001", kel.area());
    }

    @Test
    void overdueEventsUnknownCasesAndAgencyStepsAlertNobodyHere() {
        ReportCase routed = inStep(CaseKind.COMPLAINT, CaseStatus.ROUTED, 3);
        assertTrue(alerts.handle(CaseEvent.of(CaseEvent.REROUTED, routed, NOW)).isEmpty());
        ReportCase atRt = inStep(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, 5);
        assertTrue(alerts.handle(CaseEvent.of("case.overdue", atRt, NOW)).isEmpty());
        assertTrue(alerts.handle(new CaseEvent(STEP_ENTERED, "nope", tenant.id(), CaseKind.COMPLAINT,
                "X", CaseStatus.ROUTED, 1, NOW)).isEmpty());
        assertTrue(notices.alerts.isEmpty());
    }

    @Test
    void aRefusedPublishRecordsNothingAndTheRetryAlertsOnce() {
        ReportCase atRt = inStep(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, 7);
        notices.refuse(1);
        CaseEvent event = CaseEvent.of("case.submitted", atRt, NOW);
        assertThrows(IllegalStateException.class, () -> alerts.handle(event));
        assertTrue(notices.deliveries.isEmpty());
        alerts.handle(event);
        alerts.handle(event);
        assertEquals(1, notices.alerts.size());
    }
}
