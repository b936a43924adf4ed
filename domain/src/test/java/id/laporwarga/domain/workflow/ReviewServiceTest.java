package id.laporwarga.domain.workflow;

import id.laporwarga.domain.memory.MemorySecrets;
import static id.laporwarga.domain.workflow.WorkflowFixtures.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import id.laporwarga.domain.outbox.OutboxEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewServiceTest {
    static final Instant MONDAY = LocalDateTime.parse("2026-05-11T09:00").atZone(IndonesianTime.WITA).toInstant();

    final WorkflowFixtures.MemoryCases cases = new WorkflowFixtures.MemoryCases();
    final WorkflowFixtures.MovableClock clock = new WorkflowFixtures.MovableClock(MONDAY);
    final ReviewService service = new ReviewService(cases,
            new WorkflowFixtures.Tenants(WorkflowFixtures.tenant(List.of(LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-15")))),
            new WorkflowFixtures.Uploads(), clock, MemorySecrets.SECRETS);
    /** The escalation of steps that never route: a routing deadline action must not be asked for. */
    static final DeadlineRouting NO_ROUTING = (c, now) -> {
        throw new AssertionError("nothing to route: " + c.caseId());
    };

    static final Caller ADMIN = Caller.of("admin-1", Role.CITY_ADMIN, "kotamobagu", null);
    static final Caller DLH = Caller.of("dlh-1", Role.AGENCY_STAFF, "kotamobagu", "dlh");
    static final Caller DISHUB = Caller.of("dishub-1", Role.AGENCY_STAFF, "kotamobagu", "dishub");
    static final Caller RT1 = Caller.of("rt-1", Role.RT_HEAD, "kotamobagu", "RT001");
    static final Caller RT2 = Caller.of("rt-2", Role.RT_HEAD, "kotamobagu", "RT002");
    static final Caller KELURAHAN = Caller.of("kel-1", Role.KELURAHAN, "kotamobagu", "7174011001");
    static final Caller KECAMATAN = Caller.of("kec-1", Role.KECAMATAN, "kotamobagu", "717401");

    private ReportCase act(Caller caller, String id, String action, String note) {
        ReportCase current = cases.findById(id).orElseThrow();
        return service.act(caller, id, ActionCommand.of(action, current.version(), note)).reportCase();
    }

    private static void assertError(ErrorCode code, org.junit.jupiter.api.function.Executable e) {
        assertEquals(code, assertThrows(DomainException.class, e).code());
    }

    @Test
    void complaintFromTriageToClosedWithReopenInBetween() {
        cases.put(newCase("c1", CaseKind.COMPLAINT, CaseStatus.TRIAGE, null, "7174011001", "717401", "triage", MONDAY, true));
        ReportCase routed = service.act(ADMIN, "c1", new ActionCommand("forward", null, 1L, "lalu-lintas", null, null,
                null, null)).reportCase();
        assertEquals(CaseStatus.ROUTED, routed.status());
        assertEquals("dishub", routed.assignment().agencyId());
        assertEquals("lalu-lintas", routed.category());
        assertEquals(2, routed.version());
        // five working days in WITA: Tue 12, Wed 13, (Thu 14/Fri 15 holidays) Mon 18, Tue 19, Wed 20
        assertEquals(LocalDateTime.parse("2026-05-20T09:00").atZone(IndonesianTime.WITA).toInstant(), routed.deadlineAt());
        assertEquals(routed.deadlineAt(), routed.assignment().dueAt());
        assertEquals(routed.updatedAt(), routed.assignment().routedAt(), "route-to-agency alerts, does not re-route");

        assertError(ErrorCode.FORBIDDEN, () -> act(DLH, "c1", "acknowledge", null));
        clock.advance(Duration.ofHours(2));
        act(DISHUB, "c1", "acknowledge", null);
        act(DISHUB, "c1", "start", null);
        assertError(ErrorCode.VALIDATION_FAILED, () -> act(DISHUB, "c1", "resolve", null));
        var resolved = service.act(DISHUB, "c1", new ActionCommand("resolve", "Rambu sudah dipasang", 4L, null, null,
                null, "image/jpeg", 200_000L));
        assertEquals(CaseStatus.RESOLVED, resolved.reportCase().status());
        assertTrue(resolved.upload().url().contains("attachments/kotamobagu/c1/"), resolved.upload().url());

        String code = resolved.reportCase().trackingCode();
        assertError(ErrorCode.FORBIDDEN, () -> service.actAsCitizen(code, "wrong-secret", "reopen", "belum"));
        assertError(ErrorCode.VALIDATION_FAILED, () -> service.actAsCitizen(code, WorkflowFixtures.SECRET, "reopen", " "));
        Instant beforeReopen = clock.instant();
        clock.advance(Duration.ofDays(1));
        ReportCase reopened = service.actAsCitizen(code, WorkflowFixtures.SECRET, "reopen", "Rambu masih rusak").reportCase();
        assertEquals(CaseStatus.REOPENED, reopened.status());
        assertTrue(reopened.deadlineAt().isAfter(beforeReopen.plus(Duration.ofDays(3))), "the agency's clock restarts");
        act(DISHUB, "c1", "start", null);
        act(DISHUB, "c1", "resolve", "Rambu diganti baru");
        ReportCase closed = service.actAsCitizen(code, WorkflowFixtures.SECRET, "confirm", null).reportCase();
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertNull(closed.deadlineAt());
        assertError(ErrorCode.INVALID_TRANSITION, () -> service.actAsCitizen(code, WorkflowFixtures.SECRET, "confirm", null));

        List<String> actions = closed.history().stream().map(h -> h.action()).toList();
        assertEquals(List.of("submit", "forward", "acknowledge", "start", "resolve", "reopen", "start", "resolve", "confirm"), actions);
        assertEquals("AGENCY_STAFF", closed.history().get(2).actorRole());
        assertEquals("dishub-1", closed.history().get(2).actorId());
        assertEquals("CITIZEN", closed.history().get(5).actorRole());
        // every move wrote its event and, the reporter having left a phone, the reporter's notice
        assertEquals(List.of("case.rerouted", "case.step_entered", "case.step_entered", "case.resolved",
                "case.step_entered", "case.step_entered", "case.resolved", "case.closed"),
                cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream().map(OutboxEvent::eventType).toList());
        List<OutboxEvent> notices = cases.outbox(OutboxEvent.Channel.CITIZEN_NOTICES);
        assertEquals(8, notices.size());
        assertEquals("CLOSED", notices.get(7).body().get("status"));
        assertFalse(notices.toString().contains("81234567890"), "never the reporter's phone");
    }

    @Test
    void rejectCarriesItsReasonAndForwardToAnExternalInstitutionIsAReferral() {
        cases.put(newCase("c2", CaseKind.COMPLAINT, CaseStatus.NEEDS_REVIEW, null, "k", "717401", "triage", MONDAY, false));
        ReportCase rejected = service.act(ADMIN, "c2", new ActionCommand("reject", "iklan", 1L, null, null, "spam", null,
                null)).reportCase();
        assertEquals(CaseStatus.REJECTED, rejected.status());
        assertEquals("[SPAM] iklan", rejected.history().get(1).note());

        cases.put(newCase("c3", CaseKind.COMPLAINT, CaseStatus.TRIAGE, null, "k", "717401", "triage", MONDAY, false));
        ReportCase referred = service.act(ADMIN, "c3", new ActionCommand("forward", null, 1L, "listrik", null, null,
                null, null)).reportCase();
        assertEquals(CaseStatus.REFERRED_EXTERNAL, referred.status());
        assertEquals("pln", referred.assignment().agencyId());
        assertTrue(referred.assignment().external());
    }

    @Test
    void rtActivityClimbsToApprovedWithAReturnOnTheWay() {
        cases.put(newCase("r1", CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "RT001", "7174011001", "717401",
                "kelurahan:7174011001", MONDAY, false));
        assertError(ErrorCode.FORBIDDEN, () -> act(RT2, "r1", "resubmit", null));
        assertError(ErrorCode.FORBIDDEN, () -> act(KECAMATAN, "r1", "approve", null));
        assertError(ErrorCode.FORBIDDEN, () -> act(Caller.of("kel-2", Role.KELURAHAN, "kotamobagu", "7174011002"), "r1", "approve", null));
        act(KELURAHAN, "r1", "approve", null);
        act(KECAMATAN, "r1", "return", "Foto kurang jelas");
        assertError(ErrorCode.FORBIDDEN, () -> act(RT2, "r1", "resubmit", null));
        assertError(ErrorCode.INVALID_TRANSITION, () -> act(KELURAHAN, "r1", "approve", null));
        act(RT1, "r1", "resubmit", "Foto diganti");
        act(KELURAHAN, "r1", "approve", null);
        act(KECAMATAN, "r1", "approve", null);
        ReportCase approved = act(ADMIN, "r1", "approve", "Lengkap");
        assertEquals(CaseStatus.APPROVED, approved.status());
        assertEquals(List.of(CaseStatus.KELURAHAN_REVIEW, CaseStatus.KECAMATAN_REVIEW, CaseStatus.RETURNED,
                CaseStatus.KELURAHAN_REVIEW, CaseStatus.KECAMATAN_REVIEW, CaseStatus.CITY_REVIEW, CaseStatus.APPROVED),
                approved.history().stream().map(h -> h.to()).toList());
    }

    @Test
    void staleVersionIsAConflictAndOnlyOneOfManyConcurrentApprovalsWins() throws Exception {
        cases.put(newCase("r2", CaseKind.RT_ACTIVITY, CaseStatus.KELURAHAN_REVIEW, "RT001", "7174011001", "717401", null,
                MONDAY, false));
        assertError(ErrorCode.VERSION_CONFLICT, () -> service.act(KELURAHAN, "r2", ActionCommand.of("approve", 7, null)));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<ErrorCode>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                try {
                    service.act(KELURAHAN, "r2", ActionCommand.of("approve", 1, null));
                    return null;
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        int ok = 0, conflicts = 0;
        for (var f : results) {
            ErrorCode code = f.get();
            if (code == null) {
                ok++;
            } else if (code == ErrorCode.VERSION_CONFLICT) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(49, conflicts);
        assertEquals(2, cases.findById("r2").orElseThrow().history().size());
    }

    @Test
    void serviceRequestTimingsComeFromHistory() {
        cases.put(newCase("s1", CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "RT001", "7174011001", "717401", null,
                MONDAY, true));
        clock.advance(Duration.ofMinutes(12));
        act(RT1, "s1", "approve", null);
        clock.advance(Duration.ofMinutes(25));
        ReportCase issued = act(KECAMATAN, "s1", "issue", "Surat keterangan domisili terbit");
        var times = ServiceTimes.of(issued);
        assertEquals(12 * 60L, times.tiers().get(0).seconds());
        assertEquals(CaseStatus.RT_APPROVAL, times.tiers().get(0).status());
        assertEquals(25 * 60L, times.tiers().get(1).seconds());
        assertEquals(37 * 60L, times.endToEndSeconds());

        cases.put(newCase("s2", CaseKind.SERVICE_REQUEST, CaseStatus.RT_APPROVAL, "RT001", "7174011001", "717401", null,
                clock.instant(), false));
        clock.advance(Duration.ofMinutes(40));
        act(RT1, "s2", "approve", null);
        clock.advance(Duration.ofMinutes(20));
        ReportCase late = act(KELURAHAN, "s2", "issue", null);
        var summary = ServiceTimes.summarize(List.of(issued, late), Duration.ofMinutes(45));
        assertEquals(2, summary.cases());
        assertEquals(0.5, summary.withinTargetShare());
        assertEquals(37.0, summary.endToEnd().medianMinutes());
        assertEquals(60.0, summary.endToEnd().p90Minutes());
        assertEquals(12.0, summary.tiers().get(CaseStatus.RT_APPROVAL).medianMinutes());
    }

    @Test
    void callersOutsideTheCasesTenantAreaOrAgencyCannotSeeIt() {
        cases.put(newCase("c4", CaseKind.COMPLAINT, CaseStatus.ROUTED, null, "7174011001", "717401", "dishub", MONDAY, false));
        assertError(ErrorCode.FORBIDDEN, () -> service.view(DLH, "c4"));
        assertEquals("c4", service.view(DISHUB, "c4").caseId());
        assertError(ErrorCode.FORBIDDEN, () -> service.view(Caller.of("x", Role.CITY_ADMIN, "bolmong", null), "c4"));
        assertEquals("c4", service.view(Caller.of("p", Role.PLATFORM_ADMIN, null, null), "c4").caseId());
        assertError(ErrorCode.NOT_FOUND, () -> service.view(ADMIN, "nope"));
        assertTrue(service.availableActions(DLH, service.view(ADMIN, "c4")).isEmpty());
        assertEquals(List.of("acknowledge", "handback"), service.availableActions(DISHUB, service.view(ADMIN, "c4")).stream()
                .map(ActionRule::name).toList());
    }

    @Test
    void escalationMarksOverdueOnceAlertsOnceAndAutoClosesResolvedComplaints() {
        var tenant = WorkflowFixtures.tenant(List.of());
        cases.put(newCase("c5", CaseKind.COMPLAINT, CaseStatus.ROUTED, null, "k", "717401", "dishub", MONDAY, false));
        ReportCase routed = new ReportCase.Builder(cases.findById("c5").orElseThrow())
                .deadlineAt(MONDAY.plus(Duration.ofDays(1))).build();
        cases.put(routed);
        ReportCase resolved = new ReportCase.Builder(newCase("c6", CaseKind.COMPLAINT, CaseStatus.RESOLVED, null, "k",
                "717401", "dishub", MONDAY, true)).deadlineAt(MONDAY.plus(Duration.ofDays(2))).build();
        cases.put(resolved);
        OverdueCases finder = (tenantId, status, now) -> cases.byId.values().stream()
                .filter(c -> c.status() == status && c.deadlineAt() != null && c.deadlineAt().isBefore(now)).toList();

        assertEquals(0, service.escalate(tenant, finder, NO_ROUTING).examined());
        clock.advance(Duration.ofDays(3));
        var run = service.escalate(tenant, finder, NO_ROUTING);
        assertEquals(1, run.markedOverdue());
        assertEquals(1, run.alerted());
        assertEquals(1, run.autoActions());
        assertTrue(cases.findById("c5").orElseThrow().overdue());
        assertEquals(CaseStatus.ROUTED, cases.findById("c5").orElseThrow().status());
        ReportCase closed = cases.findById("c6").orElseThrow();
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals("SYSTEM", closed.history().get(closed.history().size() - 1).actorRole());
        List<OutboxEvent> alerts = cases.outbox(OutboxEvent.Channel.SUPERVISOR_ALERTS);
        assertEquals(1, alerts.size());
        assertEquals("c5", alerts.get(0).caseId());
        assertEquals("CITY_ADMIN", alerts.get(0).attributes().get("role"));
        assertEquals(List.of("case.overdue", "case.closed"),
                cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream().map(OutboxEvent::eventType).toList());
        assertTrue(run.swept().isEmpty(), "no platform step was swept");

        var again = service.escalate(tenant, finder, NO_ROUTING);
        assertEquals(0, again.markedOverdue());
        assertEquals(0, again.alerted());
        assertEquals(1, cases.outbox(OutboxEvent.Channel.SUPERVISOR_ALERTS).size());
        assertFalse(closed.overdue());
        assertNotNull(cases.findById("c5").orElseThrow().deadlineAt());
    }

    @Test
    void theSweeperEndsReportsWhosePhotosNeverArrivedAndRoutesCasesNeverRouted() {
        var tenant = WorkflowFixtures.tenant(List.of());
        StateMachine machine = StateMachine.forTenant(tenant);
        ReportCase waiting = new ReportCase.Builder(newCase("c7", CaseKind.COMPLAINT, CaseStatus.AWAITING_PHOTOS, null,
                "k", "717401", null, MONDAY, true))
                .deadlineAt(machine.dueAt(CaseKind.COMPLAINT, CaseStatus.AWAITING_PHOTOS, MONDAY)).build();
        ReportCase verified = new ReportCase.Builder(newCase("c8", CaseKind.COMPLAINT, CaseStatus.VERIFIED, null, "k",
                "717401", null, MONDAY, false))
                .deadlineAt(machine.dueAt(CaseKind.COMPLAINT, CaseStatus.VERIFIED, MONDAY)).build();
        cases.put(waiting);
        cases.put(verified);
        OverdueCases finder = (tenantId, status, now) -> cases.byId.values().stream()
                .filter(c -> c.status() == status && c.deadlineAt() != null && c.deadlineAt().isBefore(now)).toList();
        List<String> routed = new java.util.ArrayList<>();
        DeadlineRouting routing = (c, now) -> {
            routed.add(c.caseId() + "@" + c.status());
            return null; // the routing itself is RouteCaseService's (its own tests); here: nothing routable
        };

        clock.advance(Duration.ofMinutes(WorkflowCatalog.ROUTING_MINUTES - 1));
        assertEquals(0, service.escalate(tenant, finder, routing).examined(), "nothing is due yet");
        clock.advance(Duration.ofMinutes(2));
        var first = service.escalate(tenant, finder, routing);
        assertEquals(List.of("c8@VERIFIED"), routed, "a case never routed is routed by the sweeper");
        assertEquals(1, first.failed(), "the router found nothing to do: counted, left for the next run");
        assertEquals(CaseStatus.AWAITING_PHOTOS, cases.findById("c7").orElseThrow().status(), "photos may still come");

        clock.advance(Duration.ofHours(WorkflowCatalog.PHOTO_UPLOAD_HOURS));
        var second = service.escalate(tenant, finder, routing);
        ReportCase expired = cases.findById("c7").orElseThrow();
        assertEquals(CaseStatus.REJECTED, expired.status());
        HistoryEntry last = expired.history().get(expired.history().size() - 1);
        assertEquals(WorkflowCatalog.EXPIRE, last.action());
        assertEquals("SYSTEM", last.actorRole());
        assertTrue(last.note().startsWith("Foto laporan tidak diterima dalam 2 jam"), last.note());
        assertEquals(java.util.Map.of(CaseStatus.AWAITING_PHOTOS, 1), second.swept());
        assertEquals(List.of("case.rejected"), cases.outbox(OutboxEvent.Channel.CASE_EVENTS).stream()
                .map(OutboxEvent::eventType).toList());
        assertEquals("REJECTED", cases.outbox(OutboxEvent.Channel.CITIZEN_NOTICES).get(0).body().get("status"));
        assertEquals(0, service.escalate(tenant, finder, (c, now) -> null).swept().size(), "each case once");
    }
}
