package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.memory.MemoryRoster;
import id.laporwarga.domain.memory.MemorySecrets;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.PhotoDeclaration;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportRequest;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.routing.RoutingDecision;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Intake as LAPOR! does it, through the real services: report classes per category (no place, no photo), the triage
 * desk's answer, whistle-blowing visibility, the agency's hand-back, a question to the reporter (answered, and
 * unanswered until the tenant's days pass on a movable clock), the triage-first switch and staff filing per channel.
 */
class IntakeWorkflowTest {
    static final Instant MONDAY = LocalDateTime.parse("2026-05-11T09:00").atZone(IndonesianTime.WITA).toInstant();
    static final int NEEDS_INFO_DAYS = 5;

    final WorkflowFixtures.MovableClock clock = new WorkflowFixtures.MovableClock(MONDAY);
    final WorkflowFixtures.MemoryCases cases = new WorkflowFixtures.MemoryCases();
    final Tenant tenant = tenant(false);
    final AtomicInteger ids = new AtomicInteger();
    final SubmitReportService submissions = new SubmitReportService(new WorkflowFixtures.Tenants(tenant), cases,
            new WorkflowFixtures.Uploads(), new MemoryRoster(), clock, new id.laporwarga.domain.report.TrackingCodes(),
            () -> "case-" + ids.incrementAndGet(), MemorySecrets.SECRETS);
    final ReviewService review = new ReviewService(cases, new WorkflowFixtures.Tenants(tenant),
            new WorkflowFixtures.Uploads(), clock, MemorySecrets.SECRETS);

    static final Caller DESK = Caller.of("desk-1", Role.CITY_ADMIN, WorkflowFixtures.TENANT, null);
    static final Caller DLH = Caller.of("dlh-1", Role.AGENCY_STAFF, WorkflowFixtures.TENANT, "dlh");
    static final Caller INSPEKTORAT = Caller.of("insp-1", Role.AGENCY_STAFF, WorkflowFixtures.TENANT, "inspektorat");
    static final Caller ANALYST = Caller.of("an-1", Role.ANALYST, WorkflowFixtures.TENANT, null);
    static final Caller KECAMATAN = Caller.of("kec-1", Role.KECAMATAN, WorkflowFixtures.TENANT, "71.74.01");
    static final Caller PLATFORM = Caller.of("ops-1", Role.PLATFORM_ADMIN, null, null);

    /** The walk tenant with an aspirasi, a request-for-information and a whistle-blowing category. */
    static Tenant tenant(boolean triageFirst) {
        Tenant base = WorkflowFixtures.walkTenant(SlaPolicy.defaults(), List.of());
        List<Category> categories = new ArrayList<>(base.categories());
        categories.add(new Category("saran", "Saran dan masukan", null, Map.of(), Set.of(CaseKind.COMPLAINT),
                ReportClass.ASPIRASI, Requirement.OPTIONAL, Requirement.OPTIONAL));
        categories.add(new Category("lainnya-tanpa-foto", "Lainnya", null, Map.of(), Set.of(CaseKind.COMPLAINT),
                ReportClass.PENGADUAN, Requirement.OPTIONAL, Requirement.OPTIONAL));
        categories.add(new Category("info-publik", "Permintaan informasi publik", null, Map.of(),
                Set.of(CaseKind.COMPLAINT), ReportClass.PERMINTAAN_INFORMASI, Requirement.ABSENT, Requirement.ABSENT));
        categories.add(new Category("perilaku-asn", "Perilaku ASN", "inspektorat", Map.of(), Set.of(CaseKind.COMPLAINT),
                ReportClass.WHISTLEBLOWING, Requirement.OPTIONAL, Requirement.OPTIONAL));
        List<Agency> agencies = new ArrayList<>(base.agencies());
        agencies.add(new Agency("inspektorat", "Inspektorat", false, List.of()));
        TenantPolicies p = base.policies();
        return new Tenant(base.id(), base.name(), base.zone(), base.boundaries(), categories, agencies,
                new TenantPolicies(p.geotag(), p.sla(), p.holidays(), p.triageAgencyId(), p.scoring(), p.workflows(),
                        new IntakePolicy(triageFirst, NEEDS_INFO_DAYS, Set.of(Role.CITY_ADMIN, Role.AGENCY_STAFF), 50,
                                24)));
    }

    SubmitReportRequest request(String category, Double lat, Double lon, String channel,
                                List<PhotoDeclaration> photos) {
        return new SubmitReportRequest("COMPLAINT", category, "Mohon informasi jadwal pengangkutan sampah di kelurahan.",
                lat, lon, "PUBLIC", null, null, null, photos, WorkflowFixtures.TENANT, channel);
    }

    SubmitReportService.Submitted file(String category) {
        try {
            return submissions.submit(request(category, null, null, null, List.of()), "idem-key-" + ids.incrementAndGet());
        } catch (DomainException e) {
            throw new AssertionError(e.fieldErrors().toString(), e);
        }
    }

    ReportCase act(Caller caller, ReportCase c, String action, String note) {
        ReportCase current = cases.findById(c.caseId()).orElseThrow();
        return review.act(caller, c.caseId(), ActionCommand.of(action, current.version(), note)).reportCase();
    }

    /** The event types of the case-events outbox items written so far, in order. */
    List<String> caseEvents() {
        return cases.outbox(id.laporwarga.domain.outbox.OutboxEvent.Channel.CASE_EVENTS).stream()
                .map(id.laporwarga.domain.outbox.OutboxEvent::eventType).toList();
    }

    static void assertError(ErrorCode code, org.junit.jupiter.api.function.Executable e) {
        assertEquals(code, assertThrows(DomainException.class, e).code());
    }

    @Test
    void anAspirasiWithoutPlaceOrPhotoIsScreenedAndAnswered() {
        SubmitReportService.Submitted s = file("saran");
        ReportCase c = s.reportCase();
        assertEquals(CaseStatus.TRIAGE, c.status());
        assertNull(c.location());
        assertNull(c.area());
        assertTrue(c.photos().isEmpty());
        assertEquals(ReportClass.ASPIRASI, c.reportClass());
        assertEquals(Channel.APP, c.intake().channel());
        assertEquals("kominfo", c.assignment().agencyId(), "assigned to the triage desk from the start");
        assertEquals(MONDAY.plus(Duration.ofDays(3)), c.deadlineAt(), "the desk's 3 working days");

        ReportCase answered = act(DESK, c, WorkflowCatalog.ANSWER, "Terima kasih, saran diteruskan ke rapat kota.");
        assertEquals(CaseStatus.RESOLVED, answered.status());
        assertEquals("Terima kasih, saran diteruskan ke rapat kota.", answered.history().getLast().note());
        assertTrue(answered.reportClass().answerIsPublic());
    }

    @Test
    void aRequestForInformationTakesNoPlaceAndNoPhoto() {
        ReportCase c = file("info-publik").reportCase();
        assertEquals(ReportClass.PERMINTAAN_INFORMASI, c.reportClass());
        assertEquals(CaseStatus.TRIAGE, c.status());
        var withPlace = assertThrows(DomainException.class, () -> submissions.submit(
                request("info-publik", 0.70, 124.30, null, List.of()), "idem-key-place"));
        assertTrue(withPlace.fieldErrors().containsKey("location"));
        var withPhoto = assertThrows(DomainException.class, () -> submissions.submit(
                request("info-publik", null, null, null, List.of(new PhotoDeclaration("image/jpeg", 1000L))),
                "idem-key-photo"));
        assertTrue(withPhoto.fieldErrors().containsKey("photos"));
        // a pothole-like category still needs its place and photo
        var noPlace = assertThrows(DomainException.class, () -> submissions.submit(
                request("sampah", null, null, null, List.of()), "idem-key-sampah"));
        assertTrue(noPlace.fieldErrors().keySet().containsAll(List.of("location", "photos")), noPlace.fieldErrors().toString());
        assertEquals(0, cases.byId.values().stream().filter(x -> !x.category().equals("info-publik")).count(),
                "nothing stored for refused submissions");
    }

    @Test
    void aWhistleBlowingReportIsConfidentialAndHiddenFromEveryRoleButTheNamedOnes() {
        ReportCase c = submissions.submit(request("perilaku-asn", null, null, "WEB", List.of()), "idem-key-wb").reportCase();
        assertEquals(Privacy.CONFIDENTIAL, c.privacy(), "always confidential, whatever the reporter chose");
        assertEquals(Set.of(Role.CITY_ADMIN, Role.AGENCY_STAFF), c.intake().restrictedTo());
        assertTrue(AccessPolicy.canSee(DESK, c));
        for (Caller other : List.of(ANALYST, KECAMATAN, PLATFORM)) {
            assertFalse(AccessPolicy.canSee(other, c), other.role().name());
            assertError(ErrorCode.FORBIDDEN, () -> review.view(other, c.caseId()));
        }
        ReportCase routed = review.act(DESK, c.caseId(), new ActionCommand("forward", null, c.version(), null,
                "inspektorat", null, null, null)).reportCase();
        assertEquals(CaseStatus.ROUTED, routed.status());
        assertTrue(AccessPolicy.canSee(INSPEKTORAT, routed));
        assertFalse(AccessPolicy.canSee(DLH, routed), "another agency's staff");
    }

    @Test
    void bukanWewenangSendsTheCaseBackToTriageAndStopsTheAgencysClock() {
        ReportCase c = file("saran").reportCase();
        ReportCase routed = review.act(DESK, c.caseId(), new ActionCommand("forward", null, c.version(), null, "dlh",
                null, null, null)).reportCase();
        assertEquals("dlh", routed.assignment().agencyId());
        clock.advance(Duration.ofHours(6));
        ReportCase back = act(DLH, routed, WorkflowCatalog.HANDBACK, "Bukan wewenang DLH: taman dikelola Dinas PUPR.");
        assertEquals(CaseStatus.TRIAGE, back.status());
        assertEquals(WorkflowCatalog.HANDBACK, back.history().getLast().action());
        assertEquals("Bukan wewenang DLH: taman dikelola Dinas PUPR.", back.history().getLast().note());
        assertEquals("kominfo", back.assignment().agencyId(), "the desk's again");
        assertFalse(AccessPolicy.canSee(DLH, back), "no longer in the agency's inbox");
        assertEquals(TransitionEvent.HANDED_BACK, TransitionEvent.typeOf(
                StateMachine.forTenant(tenant).find(CaseKind.COMPLAINT, CaseStatus.ROUTED, WorkflowCatalog.HANDBACK)
                        .orElseThrow(), CaseStatus.ROUTED, CaseStatus.TRIAGE, Role.AGENCY_STAFF));
        assertError(ErrorCode.VALIDATION_FAILED, () -> act(DESK, back, WorkflowCatalog.ASK, " "));
        assertEquals(TransitionEvent.HANDED_BACK, caseEvents().getLast(), "an outbox event of the hand-back's write");

        clock.advance(Duration.ofDays(2));
        Workflow w = StateMachine.forTenant(tenant).workflow(CaseKind.COMPLAINT);
        AgencyClock.Times times = AgencyClock.of(cases.findById(c.caseId()).orElseThrow(), w, clock.instant());
        assertEquals(Duration.ofHours(6), times.agency(), "the agency's clock stopped at the hand-back");
        assertEquals(Duration.ofDays(2), times.triageDesk());
    }

    @Test
    void aQuestionToTheReporterPausesTheClockAndTheAnswerResumesIt() {
        SubmitReportService.Submitted s = file("saran");
        ReportCase c = s.reportCase();
        clock.advance(Duration.ofDays(1)); // 2 of the desk's 3 days left
        ReviewService.Outcome question = review.act(DESK, c.caseId(), ActionCommand.of(WorkflowCatalog.ASK, c.version(),
                "Di kelurahan mana taman yang Anda maksud?"));
        ReportCase asked = question.reportCase();
        assertEquals(CaseStatus.NEEDS_INFO, asked.status());
        assertEquals(Duration.ofDays(2).toSeconds(), asked.intake().pausedRemainingSeconds());
        assertTrue(asked.deadlineAt().isAfter(clock.instant().plus(Duration.ofDays(NEEDS_INFO_DAYS))),
                "the reporter has the tenant's " + NEEDS_INFO_DAYS + " working days");
        assertEquals(TransitionEvent.NEEDS_INFO, question.event().eventType(), "the notifier sends the question");

        clock.advance(Duration.ofDays(3)); // the reporter's time does not count against the desk
        assertError(ErrorCode.FORBIDDEN, () -> review.actAsCitizen(c.trackingCode(), "wrong-secret", WorkflowCatalog.REPLY,
                "Kelurahan Mogolaing."));
        assertError(ErrorCode.VALIDATION_FAILED, () -> review.actAsCitizen(c.trackingCode(), s.citizenSecret(),
                WorkflowCatalog.REPLY, null));
        ReviewService.Outcome reply = review.actAsCitizen(c.trackingCode(), s.citizenSecret(), WorkflowCatalog.REPLY,
                "Taman di Kelurahan Mogolaing, dekat masjid.");
        ReportCase resumed = reply.reportCase();
        assertEquals(TransitionEvent.INFO_PROVIDED, reply.event().eventType());
        assertEquals(CaseStatus.TRIAGE, resumed.status());
        assertEquals(clock.instant().plus(Duration.ofDays(2)), resumed.deadlineAt(), "the paused 2 days resume");
        assertNull(resumed.intake().pausedRemainingSeconds());
        assertEquals("Taman di Kelurahan Mogolaing, dekat masjid.", resumed.history().getLast().note());
        assertEquals(List.of(TransitionEvent.NEEDS_INFO, TransitionEvent.INFO_PROVIDED),
                caseEvents().subList(caseEvents().size() - 2, caseEvents().size()),
                "both moves' events are outbox items of their writes (the relay publishes them)");
    }

    @Test
    void anUnansweredQuestionClosesTheReportAfterTheTenantsDays() {
        ReportCase c = file("saran").reportCase();
        ReportCase asked = act(DESK, c, WorkflowCatalog.ASK, "Mohon kirim alamat lengkap.");
        OverdueCases finder = (tenantId, status, now) -> cases.byId.values().stream()
                .filter(x -> x.status() == status && x.deadlineAt() != null && x.deadlineAt().isBefore(now)).toList();
        clock.advance(Duration.ofDays(NEEDS_INFO_DAYS)); // calendar days: fewer working days have passed
        assertEquals(0, review.escalate(tenant, finder, ReviewServiceTest.NO_ROUTING).autoActions());
        assertEquals(CaseStatus.NEEDS_INFO, cases.findById(c.caseId()).orElseThrow().status());
        clock.advance(Duration.ofDays(3));
        ReviewService.EscalationRun run = review.escalate(tenant, finder, ReviewServiceTest.NO_ROUTING);
        assertEquals(1, run.autoActions());
        ReportCase closed = cases.findById(c.caseId()).orElseThrow();
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals(WorkflowCatalog.CLOSE, closed.history().getLast().action());
        assertEquals("case.closed", run.events().getFirst().eventType());
        assertTrue(asked.deadlineAt().isBefore(clock.instant()));
    }

    /** The reporter who left a phone hears of the question, of the close of an unanswered one and of a merge. */
    @Test
    void theReporterWithAContactIsToldOfTheQuestionTheAutoCloseAndTheMergeInIndonesian() {
        java.util.function.Function<String, ReportCase> withPhone = key -> submissions.submit(new SubmitReportRequest(
                "COMPLAINT", "saran", "Mohon taman kota diberi lampu penerangan.", null, null, "PUBLIC", "Siti",
                "+6281234567890", null, List.of(), WorkflowFixtures.TENANT, "WEB"), key).reportCase();
        ReportCase asked = act(DESK, withPhone.apply("idem-key-phone-1"), WorkflowCatalog.ASK, "Taman yang mana?");
        clock.advance(Duration.ofDays(NEEDS_INFO_DAYS + 3));
        OverdueCases finder = (tenantId, status, now) -> cases.byId.values().stream()
                .filter(x -> x.status() == status && x.deadlineAt() != null && x.deadlineAt().isBefore(now)).toList();
        review.escalate(tenant, finder, ReviewServiceTest.NO_ROUTING);
        ReportCase master = file("saran").reportCase();
        ReportCase supporter = withPhone.apply("idem-key-phone-2");
        review.act(DESK, supporter.caseId(), ActionCommand.merge(supporter.version(), master.caseId(), null));

        List<String> texts = cases.outbox(id.laporwarga.domain.outbox.OutboxEvent.Channel.CITIZEN_NOTICES).stream()
                .map(e -> String.valueOf(((Map<?, ?>) e.body().get("text")).get("id"))).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains(asked.trackingCode()) && t.contains("Petugas meminta keterangan")
                && t.contains("Taman yang mana?")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains(asked.trackingCode())
                && t.contains("pertanyaan petugas tidak dijawab")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains(supporter.trackingCode()) && t.contains("digabung")),
                texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("+6281234567890") || t.contains("Siti")),
                "a notice never carries the contact");
    }

    @Test
    void triageFirstSendsAVerifiedReportToTheDeskInsteadOfTheAgency() {
        Tenant screening = tenant(true);
        ReportCase verified = WorkflowFixtures.newCase("v1", CaseKind.COMPLAINT, CaseStatus.VERIFIED, null,
                "71.74.01.1001", "71.74.01", null, MONDAY, false);
        RoutingDecision d = new CaseRouter().decide(screening, verified, MONDAY);
        assertEquals(RoutingDecision.Outcome.TRIAGE, d.outcome());
        assertEquals(CaseStatus.TRIAGE, d.status());
        assertEquals("kominfo", d.agencyId());
        RoutingDecision direct = new CaseRouter().decide(tenant(false), verified, MONDAY);
        assertEquals(RoutingDecision.Outcome.AGENCY, direct.outcome());
        assertEquals("dlh", direct.agencyId());
    }

    @Test
    void staffFileForCitizensWithTheirChannelAndTheyAreRecorded() {
        Caller desk = Caller.of("petugas-7", Role.CITY_ADMIN, WorkflowFixtures.TENANT, null);
        ReportCase c = submissions.submitForCitizen(desk, request("saran", null, null, "WHATSAPP", List.of()),
                "idem-key-staff").reportCase();
        assertEquals(Channel.WHATSAPP, c.intake().channel());
        assertEquals("petugas-7", c.intake().filedBy());
        assertEquals("petugas-7", c.history().getFirst().actorId());
        assertError(ErrorCode.FORBIDDEN, () -> submissions.submitForCitizen(
                Caller.of("an", Role.ANALYST, WorkflowFixtures.TENANT, null),
                request("saran", null, null, "PHONE", List.of()), "idem-key-analyst"));
        assertError(ErrorCode.FORBIDDEN, () -> submissions.submitForCitizen(
                Caller.of("other", Role.CITY_ADMIN, "bolmong", null),
                request("saran", null, null, "PHONE", List.of()), "idem-key-other"));
        assertError(ErrorCode.VALIDATION_FAILED, () -> submissions.submitForCitizen(desk,
                request("saran", null, null, "APP", List.of()), "idem-key-app"));
        // the public route records APP or WEB only
        assertError(ErrorCode.VALIDATION_FAILED, () -> submissions.submit(
                request("saran", null, null, "WHATSAPP", List.of()), "idem-key-public"));
        assertEquals(Channel.WEB, submissions.submit(request("saran", null, null, "WEB", List.of()), "idem-key-web")
                .reportCase().intake().channel());
    }

    @Test
    void threeReportsNearbyBecomeOneMasterWithTwoSupportersCountedOnceWithThreeReporters() {
        id.laporwarga.domain.memory.MemoryCaseQueries queries = new id.laporwarga.domain.memory.MemoryCaseQueries(cases);
        id.laporwarga.domain.intake.Duplicates duplicates = new id.laporwarga.domain.intake.Duplicates(queries);
        ReportCase a = near("saran", 0.70000, 124.30000);
        clock.advance(Duration.ofHours(2));
        ReportCase b = near("saran", 0.70018, 124.30000); // 20 m north
        clock.advance(Duration.ofHours(2));
        ReportCase c = near("saran", 0.70000, 124.30036); // 40 m east
        ReportCase far = near("saran", 0.70200, 124.30000); // 222 m: not a duplicate
        ReportCase other = near("lainnya-tanpa-foto", 0.70001, 124.30001); // another category
        assertEquals(List.of(a.caseId(), b.caseId()), duplicates.of(tenant, c).stream() // 40 m and 45 m
                .map(d -> d.reportCase().caseId()).toList(), "nearest first, same category, within 50 m");
        assertTrue(duplicates.of(tenant, far).isEmpty());
        assertTrue(duplicates.of(tenant, other).isEmpty());
        clock.advance(Duration.ofHours(25));
        ReportCase late = near("saran", 0.70001, 124.30001);
        assertTrue(duplicates.of(tenant, late).stream().noneMatch(d -> d.reportCase().caseId().equals(a.caseId())),
                "older than the 24 h window");

        ReportCase supporterB = review.act(DESK, b.caseId(), ActionCommand.merge(b.version(), a.caseId(), null)).reportCase();
        ReportCase supporterC = review.act(DESK, c.caseId(), ActionCommand.merge(c.version(), a.caseId(), null)).reportCase();
        assertEquals(CaseStatus.MERGED, supporterB.status());
        assertEquals(2, caseEvents().stream().filter(TransitionEvent.MERGED::equals).count());
        assertEquals(a.caseId(), supporterC.intake().masterCaseId());
        ReportCase master = cases.findById(a.caseId()).orElseThrow();
        assertEquals(List.of(b.caseId(), c.caseId()), master.intake().supporterCaseIds());
        assertEquals(3, master.intake().reporters());
        assertEquals(CaseStatus.TRIAGE, master.status(), "the master waits on");
        assertError(ErrorCode.VALIDATION_FAILED, () -> review.act(DESK, far.caseId(),
                ActionCommand.merge(far.version(), b.caseId(), null))); // a supporter cannot be a master
        assertTrue(duplicates.of(tenant, master).stream().noneMatch(d -> d.reportCase().status() == CaseStatus.MERGED),
                "merged cases are no longer offered");

        var desk = queries.count(tenant.id(), "kominfo", MONDAY.minus(Duration.ofDays(1)), clock.instant().plusSeconds(1),
                clock.instant());
        ReportCase forwarded = review.act(DESK, a.caseId(), new ActionCommand("forward", null, master.version(), null,
                "dlh", null, null, null)).reportCase();
        assertEquals(CaseStatus.ROUTED, forwarded.status());
        var agency = queries.count(tenant.id(), "dlh", MONDAY.minus(Duration.ofDays(1)), clock.instant().plusSeconds(1),
                clock.instant());
        assertEquals(1, agency.received(), "the agency gets one case");
        assertEquals(3, agency.reporters(), "with its three reporters");
        assertEquals(Map.of("APP", 1L), agency.byChannel());
        assertEquals(desk.received() - 1, queries.count(tenant.id(), "kominfo", MONDAY.minus(Duration.ofDays(1)),
                clock.instant().plusSeconds(1), clock.instant()).received());
    }

    ReportCase near(String category, double lat, double lon) {
        return submissions.submit(request(category, lat, lon, null, List.of()), "idem-key-" + ids.incrementAndGet())
                .reportCase();
    }
}
