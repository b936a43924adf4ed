package id.laporwarga.domain.workflow;

import static id.laporwarga.domain.workflow.WorkflowFixtures.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.SlaPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineTest {
    static final Instant NOW = Instant.parse("2026-05-11T01:00:00Z"); // Monday 09:00 WITA
    final StateMachine machine = StateMachine.forTenant(WorkflowFixtures.walkTenant(SlaPolicy.defaults(), List.of()));

    private static void assertError(ErrorCode code, org.junit.jupiter.api.function.Executable e) {
        assertEquals(code, assertThrows(DomainException.class, e).code());
    }

    @Test
    void aMoveTheCatalogueDoesNotListOrAStateItDoesNotLeadToIsRefused() {
        ReportCase c = newCase("c1", CaseKind.COMPLAINT, CaseStatus.ROUTED, null, "k", "71.74.01", "dlh", NOW, false);
        assertError(ErrorCode.INVALID_TRANSITION, () -> machine.move(c, "approve", Role.AGENCY_STAFF));
        assertError(ErrorCode.FORBIDDEN, () -> machine.move(c, "acknowledge", Role.KELURAHAN));
        ActionRule acknowledge = machine.move(c, "acknowledge", Role.AGENCY_STAFF);
        assertError(ErrorCode.INVALID_TRANSITION, () -> machine.apply(c, acknowledge, CaseStatus.CLOSED, "dlh-1",
                Role.AGENCY_STAFF, null, NOW, StateMachine.Amendment.NONE));
        // a rule of another state is not this state's move, even with the same name
        ActionRule resolvedConfirm = machine.find(CaseKind.COMPLAINT, CaseStatus.RESOLVED, "confirm").orElseThrow();
        assertError(ErrorCode.INVALID_TRANSITION, () -> machine.apply(c, resolvedConfirm, "reporter", Role.CITIZEN,
                null, NOW));
    }

    @Test
    void theSameMoveFromTheSameVersionGivesTheSameCaseAndEvent() {
        ReportCase c = newCase("c2", CaseKind.COMPLAINT, CaseStatus.ROUTED, null, "k", "71.74.01", "dlh", NOW, false);
        ActionRule acknowledge = machine.move(c, "acknowledge", Role.AGENCY_STAFF);
        Transition once = machine.apply(c, acknowledge, "dlh-1", Role.AGENCY_STAFF, null, NOW);
        Transition again = machine.apply(c, acknowledge, "dlh-1", Role.AGENCY_STAFF, null, NOW);
        assertEquals(once, again);
        assertEquals("c2#case.step_entered#2", once.event().eventId());
        assertEquals(CaseStatus.ACKNOWLEDGED, once.event().stepEntered());
        assertEquals(WhoActs.of(Role.AGENCY_STAFF, WhoActs.Scope.ASSIGNED_AGENCY), once.event().whoActs());
        // ten working days in WITA
        assertEquals(Instant.parse("2026-05-25T01:00:00Z"), once.after().deadlineAt());
    }

    @Test
    void escalateKeepsTheStateAndTheDeadlineAndWritesNoHistory() {
        ReportCase c = newCase("c3", CaseKind.COMPLAINT, CaseStatus.ROUTED, null, "k", "71.74.01", "dlh", NOW, false);
        ActionRule escalate = machine.step(c).orElseThrow().automaticAction().orElseThrow();
        Transition t = machine.apply(c, escalate, "system", Role.SYSTEM, null, NOW.plusSeconds(3600));
        assertEquals(CaseStatus.ROUTED, t.after().status());
        assertTrue(t.after().overdue());
        assertEquals(c.history(), t.after().history());
        assertEquals(c.deadlineAt(), t.after().deadlineAt());
        assertEquals(TransitionEvent.OVERDUE, t.event().eventType());
        assertNull(t.event().stepEntered());
        assertEquals(Role.CITY_ADMIN, t.event().supervisor());
        assertError(ErrorCode.FORBIDDEN, () -> machine.apply(c, escalate, "admin", Role.CITY_ADMIN, null, NOW));
    }

    @Test
    void aSubmissionStartsWherePhotosAreCheckedOrWhereNoneAreNeeded() {
        assertEquals(CaseStatus.AWAITING_PHOTOS, machine.entry(CaseKind.COMPLAINT, true).to());
        // a complaint without photos (aspirasi, a request for information, no place) starts at the triage desk
        assertEquals(CaseStatus.TRIAGE, machine.entry(CaseKind.COMPLAINT, false).to());
        assertError(ErrorCode.VALIDATION_FAILED, () -> machine.entry(CaseKind.RT_ACTIVITY, false));
        assertEquals(CaseStatus.AWAITING_PHOTOS, machine.entry(CaseKind.SERVICE_REQUEST, true).to());
        assertEquals(CaseStatus.RT_APPROVAL, machine.entry(CaseKind.SERVICE_REQUEST, false).to());
    }
}
