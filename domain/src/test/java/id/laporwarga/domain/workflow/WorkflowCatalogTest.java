package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowCatalogTest {
    private final WorkflowCatalog catalog = WorkflowCatalog.defaults(SlaPolicy.defaults());

    private CaseStatus next(CaseKind kind, CaseStatus from, String action) {
        return catalog.of(kind).step(from).orElseThrow().action(action).orElseThrow().to();
    }

    @Test
    void complaintPathFollowsLapor() {
        assertEquals(CaseStatus.ROUTED, next(CaseKind.COMPLAINT, CaseStatus.TRIAGE, "forward"));
        assertEquals(CaseStatus.ROUTED, next(CaseKind.COMPLAINT, CaseStatus.NEEDS_REVIEW, "reroute"));
        assertEquals(CaseStatus.REJECTED, next(CaseKind.COMPLAINT, CaseStatus.TRIAGE, "reject"));
        assertEquals(CaseStatus.ACKNOWLEDGED, next(CaseKind.COMPLAINT, CaseStatus.ROUTED, "acknowledge"));
        assertEquals(CaseStatus.IN_PROGRESS, next(CaseKind.COMPLAINT, CaseStatus.ACKNOWLEDGED, "start"));
        assertEquals(CaseStatus.RESOLVED, next(CaseKind.COMPLAINT, CaseStatus.IN_PROGRESS, "resolve"));
        assertEquals(CaseStatus.CLOSED, next(CaseKind.COMPLAINT, CaseStatus.RESOLVED, "confirm"));
        assertEquals(CaseStatus.REOPENED, next(CaseKind.COMPLAINT, CaseStatus.RESOLVED, "reopen"));
        assertEquals(CaseStatus.IN_PROGRESS, next(CaseKind.COMPLAINT, CaseStatus.REOPENED, "start"));
        StepRule resolved = catalog.of(CaseKind.COMPLAINT).step(CaseStatus.RESOLVED).orElseThrow();
        assertEquals("close", resolved.automaticAction().orElseThrow().name());
        assertEquals(Deadline.workingDays(10), resolved.deadline());
        assertEquals(Deadline.workingDays(3), catalog.of(CaseKind.COMPLAINT).step(CaseStatus.TRIAGE).orElseThrow().deadline());
        assertEquals(Deadline.workingDays(5), catalog.of(CaseKind.COMPLAINT).step(CaseStatus.ROUTED).orElseThrow().deadline());
    }

    @Test
    void hoursSlaReplacesWorkingDaysForTheAgencysFirstResponse() {
        WorkflowCatalog sikemas = WorkflowCatalog.defaults(new SlaPolicy(3, 48, 5, 10, 10));
        assertEquals(Deadline.hours(48), sikemas.of(CaseKind.COMPLAINT).step(CaseStatus.ROUTED).orElseThrow().deadline());
    }

    @Test
    void routingDeadlinesAreTheRoutedStepsOwnInTheTenantsCalendar() {
        // Thursday 24 Dec 2026 10:00 WIB; 25 Dec (Christmas) and 31 Dec (cuti bersama) are the tenant's holidays
        var calendar = new WorkingCalendar(IndonesianTime.WIB,
                List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31")));
        Instant start = Instant.parse("2026-12-24T03:00:00Z");
        // +5 working days: Mon 28, Tue 29, Wed 30, (Thu 31 holiday), Fri 1 Jan (not in this list), Mon 4 Jan
        assertEquals(Instant.parse("2027-01-04T03:00:00Z"),
                new StateMachine(catalog, calendar).dueAt(CaseKind.COMPLAINT, CaseStatus.ROUTED, start));
        // 2x24 h when the SLA counts hours, even over a weekend (Saturday 28 Nov WIT)
        Instant saturday = Instant.parse("2026-11-28T00:00:00Z");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"),
                new StateMachine(WorkflowCatalog.defaults(new SlaPolicy(3, 48, 5, 10, 10)),
                        new WorkingCalendar(IndonesianTime.WIT, List.of()))
                        .dueAt(CaseKind.COMPLAINT, CaseStatus.ROUTED, saturday));
        // the triage desk: triageWorkingDays
        Instant monday = Instant.parse("2026-11-23T02:00:00Z");
        assertEquals(Instant.parse("2026-11-25T02:00:00Z"),
                new StateMachine(WorkflowCatalog.defaults(new SlaPolicy(2, 0, 5, 10, 10)),
                        new WorkingCalendar(IndonesianTime.WITA, List.of()))
                        .dueAt(CaseKind.COMPLAINT, CaseStatus.TRIAGE, monday));
    }

    @Test
    void everyStateOfAKindIsAStepOrTerminalWithTheSystemsOwnMoves() {
        Workflow complaint = catalog.of(CaseKind.COMPLAINT);
        assertEquals(Role.SYSTEM, complaint.step(CaseStatus.AWAITING_PHOTOS).orElseThrow().whoActs().role());
        assertEquals(List.of(CaseStatus.VERIFIED, CaseStatus.NEEDS_REVIEW, CaseStatus.REJECTED),
                complaint.step(CaseStatus.AWAITING_PHOTOS).orElseThrow().action(WorkflowCatalog.VERIFY).orElseThrow()
                        .targets());
        assertEquals(List.of("route", "refer", "triage"), complaint.step(CaseStatus.VERIFIED).orElseThrow().actions()
                .stream().map(ActionRule::name).toList());
        // a TRIAGE case is assigned to the desk: its staff act there (the city admin may too); NEEDS_REVIEW is the city's
        assertEquals(WhoActs.of(Role.AGENCY_STAFF, WhoActs.Scope.TRIAGE_DESK),
                complaint.step(CaseStatus.TRIAGE).orElseThrow().whoActs());
        assertEquals(WhoActs.of(Role.CITY_ADMIN, WhoActs.Scope.TRIAGE_DESK),
                complaint.step(CaseStatus.NEEDS_REVIEW).orElseThrow().whoActs());
        assertTrue(complaint.step(CaseStatus.TRIAGE).orElseThrow().action("forward").orElseThrow()
                .allows(Role.CITY_ADMIN));
        assertEquals(WhoActs.of(Role.AGENCY_STAFF, WhoActs.Scope.ASSIGNED_AGENCY),
                complaint.step(CaseStatus.ROUTED).orElseThrow().whoActs());
        assertTrue(complaint.step(CaseStatus.ROUTED).orElseThrow().escalatesOnDeadline());
        // a service request goes to its RT, photo or not
        Workflow service = catalog.of(CaseKind.SERVICE_REQUEST);
        assertEquals(java.util.Set.of(CaseStatus.RT_APPROVAL, CaseStatus.AWAITING_PHOTOS), service.initialStates());
        assertEquals(List.of(CaseStatus.RT_APPROVAL), service.step(CaseStatus.VERIFIED).orElseThrow().actions().stream()
                .map(ActionRule::to).toList());
        for (Workflow w : catalog.workflows()) {
            assertEquals(w.steps().stream().map(StepRule::status).collect(java.util.stream.Collectors.toSet()),
                    java.util.EnumSet.copyOf(w.reachable().stream().filter(s -> !s.isTerminal()).toList()), w.kind().name());
        }
    }

    @Test
    void aSystemMoveNoServiceMakesIsRefused() {
        var odd = new StepRule(CaseStatus.RT_APPROVAL, Deadline.minutes(5), null, List.of(
                ActionRule.of("approve", CaseStatus.KECAMATAN_ISSUED, Role.RT_HEAD, Role.SYSTEM)), null);
        assertThrows(IllegalArgumentException.class, () -> new Workflow(CaseKind.SERVICE_REQUEST, List.of(odd)));
        // escalate stays in its step
        assertThrows(IllegalArgumentException.class, () -> new StepRule(CaseStatus.RT_APPROVAL, Deadline.minutes(5),
                null, List.of(ActionRule.of("approve", CaseStatus.KECAMATAN_ISSUED, Role.RT_HEAD),
                ActionRule.of(WorkflowCatalog.ESCALATE, CaseStatus.KECAMATAN_ISSUED, Role.SYSTEM)
                        .withEffect(ActionRule.Effect.ESCALATE)), null));
    }

    @Test
    void rtActivityClimbsThreeTiersAndEachMayReturnOrReject() {
        assertEquals(CaseStatus.KELURAHAN_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.VERIFIED, "route"));
        assertEquals(CaseStatus.KECAMATAN_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.NEEDS_REVIEW, "approve"));
        assertEquals(CaseStatus.KECAMATAN_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "approve"));
        assertEquals(CaseStatus.CITY_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.KECAMATAN_REVIEW, "approve"));
        assertEquals(CaseStatus.APPROVED, next(CaseKind.RT_ACTIVITY, CaseStatus.CITY_REVIEW, "approve"));
        for (CaseStatus tier : List.of(CaseStatus.KELURAHAN_REVIEW, CaseStatus.KECAMATAN_REVIEW, CaseStatus.CITY_REVIEW)) {
            assertEquals(CaseStatus.RETURNED, next(CaseKind.RT_ACTIVITY, tier, "return"));
            assertEquals(CaseStatus.REJECTED, next(CaseKind.RT_ACTIVITY, tier, "reject"));
        }
        assertEquals(CaseStatus.KELURAHAN_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.RETURNED, "resubmit"));
        assertTrue(catalog.of(CaseKind.RT_ACTIVITY).step(CaseStatus.KECAMATAN_REVIEW).orElseThrow()
                .action("approve").orElseThrow().allows(Role.KECAMATAN));
        assertTrue(!catalog.of(CaseKind.RT_ACTIVITY).step(CaseStatus.KECAMATAN_REVIEW).orElseThrow()
                .action("approve").orElseThrow().allows(Role.KELURAHAN));
    }

    @Test
    void serviceRequestTargetIsPortalEmas45Minutes() {
        assertEquals(CaseStatus.KELURAHAN_PROCESSING, next(CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "approve"));
        assertEquals(CaseStatus.KECAMATAN_ISSUED, next(CaseKind.SERVICE_REQUEST, CaseStatus.KELURAHAN_PROCESSING, "issue"));
        assertEquals(Duration.ofMinutes(45), ServiceTimes.target(catalog.of(CaseKind.SERVICE_REQUEST)));
        assertEquals(null, ServiceTimes.target(catalog.of(CaseKind.COMPLAINT)));
    }

    @Test
    void inboxStatusesFollowTheRoles() {
        assertEquals(EnumSet.of(CaseStatus.RETURNED, CaseStatus.RT_APPROVAL, CaseStatus.NEEDS_REVIEW),
                catalog.statusesActionableBy(Role.RT_HEAD));
        // the triage desk's staff (agency staff of policies.triageAgencyId) act on TRIAGE cases
        assertEquals(EnumSet.of(CaseStatus.TRIAGE, CaseStatus.ROUTED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS,
                CaseStatus.REOPENED), catalog.statusesActionableBy(Role.AGENCY_STAFF));
        assertTrue(catalog.statusesActionableBy(Role.ANALYST).isEmpty());
    }

    @Test
    void aWorkflowLeadingNowhereIsRefused() {
        var bad = new StepRule(CaseStatus.RT_APPROVAL, Deadline.minutes(5), null,
                List.of(ActionRule.of("approve", CaseStatus.KELURAHAN_PROCESSING, Role.RT_HEAD)), null);
        assertThrows(IllegalArgumentException.class, () -> new Workflow(CaseKind.SERVICE_REQUEST, List.of(bad)));
        assertThrows(IllegalArgumentException.class, () -> new StepRule(CaseStatus.CLOSED, null, null, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new StepRule(CaseStatus.RESOLVED, Deadline.hours(1), null,
                List.of(ActionRule.of("close", CaseStatus.CLOSED, Role.CITY_ADMIN)), "close"));
    }
}
