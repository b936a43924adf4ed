package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.SlaPolicy;
import java.time.Duration;
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
    void rtActivityClimbsThreeTiersAndEachMayReturnOrReject() {
        assertEquals(CaseStatus.KECAMATAN_REVIEW, next(CaseKind.RT_ACTIVITY, CaseStatus.VERIFIED, "approve"));
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
        assertEquals(EnumSet.of(CaseStatus.RETURNED, CaseStatus.RT_APPROVAL), catalog.statusesActionableBy(Role.RT_HEAD));
        assertEquals(EnumSet.of(CaseStatus.ROUTED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED),
                catalog.statusesActionableBy(Role.AGENCY_STAFF));
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
