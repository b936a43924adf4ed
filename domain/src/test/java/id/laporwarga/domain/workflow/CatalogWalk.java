package id.laporwarga.domain.workflow;

import id.laporwarga.domain.memory.MemorySecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.geotag.CaseVerdicts;
import id.laporwarga.domain.geotag.GeotagReason;
import id.laporwarga.domain.geotag.GeotagRules;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.outbox.OutboxEvents;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.PhotoDeclaration;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.SubmitReportRequest;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.report.TrackingCodes;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.routing.RoutingDecision;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.locationtech.jts.geom.Point;

/**
 * Walks a tenant's whole workflow catalogue through the real services (submission, photo verdicts, routing, review,
 * the reporter's confirm/reopen, escalation) on the in-memory case repository, generated from the catalogue itself:
 * a workflow, step or move added to the catalogue is walked without new test code.
 *
 * <ul>
 *   <li>every entry move into each of its first states;</li>
 *   <li>every move from every step to each state it may lead to, once for every role allowed: status, history entry,
 *       deadline (the next step's {@link Deadline} in the tenant's calendar) and the transition's event;</li>
 *   <li>every other role (the reporter and the platform included) is refused with FORBIDDEN, and nothing is
 *       stored;</li>
 *   <li>from each first state, a path to every terminal state the catalogue reaches, replayed on one case.</li>
 * </ul>
 * Used by the domain's tests for the built-in catalogue and by platform's for the sample tenant as parsed from its
 * document.
 */
public final class CatalogWalk {
    /** Every role that could try a move: sign-in roles, the reporter and the platform. */
    static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    static final String RT_ID = "RT-WALK-001";
    static final String UNKNOWN_CATEGORY = "TIDAK-ADA-DI-KATALOG";

    private CatalogWalk() {
    }

    /** The dynamic tests of every workflow of {@code tenant}'s catalogue, named after {@code name}. */
    public static Stream<DynamicNode> of(String name, Tenant tenant) {
        WorkflowCatalog catalog = StateMachine.forTenant(tenant).catalog();
        List<DynamicNode> kinds = new ArrayList<>();
        for (Workflow w : catalog.workflows()) {
            List<DynamicNode> nodes = new ArrayList<>();
            CaseKind kind = w.kind();
            nodes.add(dynamicTest("every step is reachable and every move is drivable", () -> {
                Set<CaseStatus> steps = EnumSet.noneOf(CaseStatus.class);
                w.steps().forEach(s -> steps.add(s.status()));
                assertTrue(w.reachable().containsAll(steps), kind + ": unreachable " + steps);
            }));
            for (ActionRule entry : w.entries()) {
                for (CaseStatus to : entry.targets()) {
                    nodes.add(dynamicTest("(new) --" + entry.name() + "--> " + to,
                            () -> new World(tenant).submit(kind, entry, to)));
                }
            }
            for (StepRule s : w.steps()) {
                for (ActionRule a : s.actions()) {
                    for (CaseStatus to : a.targets()) {
                        for (Role r : a.roles()) {
                            nodes.add(dynamicTest(s.status() + " --" + a.name() + " [" + r + "]--> " + to, () -> {
                                World world = new World(tenant);
                                ReportCase seeded = world.seed(kind, s.status());
                                world.move(seeded.caseId(), a, to, r);
                            }));
                        }
                    }
                    Set<Role> refused = EnumSet.copyOf(EVERY_ROLE);
                    refused.removeAll(a.roles());
                    if (!refused.isEmpty()) {
                        nodes.add(dynamicTest(s.status() + " --" + a.name() + "--> refused to " + refused,
                                () -> new World(tenant).refuse(kind, s.status(), a, refused)));
                    }
                }
            }
            for (CaseStatus first : w.initialStates()) {
                for (CaseStatus end : terminalsFrom(w, first)) {
                    nodes.add(dynamicTest("path " + first + " => " + end, () -> new World(tenant).path(w, first, end)));
                }
            }
            kinds.add(dynamicContainer(name + " " + kind, nodes));
        }
        return kinds.stream();
    }

    /** One move of a path: from a state, by a move, to one of its states. */
    record Edge(CaseStatus from, ActionRule move, CaseStatus to) {
    }

    /** Shortest paths (breadth first, in catalogue order) from {@code first}, keyed by the state they reach. */
    static Map<CaseStatus, List<Edge>> pathsFrom(Workflow w, CaseStatus first) {
        Map<CaseStatus, List<Edge>> paths = new EnumMap<>(CaseStatus.class);
        paths.put(first, List.of());
        Deque<CaseStatus> todo = new ArrayDeque<>(List.of(first));
        while (!todo.isEmpty()) {
            CaseStatus at = todo.pop();
            Optional<StepRule> step = w.step(at);
            if (step.isEmpty()) {
                continue;
            }
            for (ActionRule a : step.get().actions()) {
                for (CaseStatus to : a.targets()) {
                    if (!paths.containsKey(to)) {
                        List<Edge> p = new ArrayList<>(paths.get(at));
                        p.add(new Edge(at, a, to));
                        paths.put(to, List.copyOf(p));
                        todo.add(to);
                    }
                }
            }
        }
        return paths;
    }

    static List<CaseStatus> terminalsFrom(Workflow w, CaseStatus first) {
        return pathsFrom(w, first).keySet().stream().filter(CaseStatus::isTerminal).sorted().toList();
    }

    /** One test's world: the real services on in-memory ports, a clock moved by hand. */
    static final class World {
        private static final AtomicInteger IDS = new AtomicInteger();
        final Tenant tenant;
        final StateMachine machine;
        final WorkflowFixtures.MemoryCases cases = new WorkflowFixtures.MemoryCases();
        final WorkflowFixtures.MovableClock clock;
        final ReviewService review;
        final RouteCaseService routing;
        final SubmitReportService submission;
        final CaseRouter router = new CaseRouter();
        final AreaRef withKelurahan;
        final AreaRef withoutKelurahan;
        /** The reporter's secret per case (seeded cases: {@link WorkflowFixtures#SECRET}). */
        final Map<String, String> secrets = new java.util.HashMap<>();

        World(Tenant tenant) {
            this.tenant = tenant;
            this.machine = StateMachine.forTenant(tenant);
            // a Monday, 09:00 in the tenant's zone
            this.clock = new WorkflowFixtures.MovableClock(
                    LocalDateTime.parse("2026-05-11T09:00").atZone(tenant.zone()).toInstant());
            WorkflowFixtures.Tenants tenants = new WorkflowFixtures.Tenants(tenant);
            WorkflowFixtures.Uploads uploads = new WorkflowFixtures.Uploads();
            this.review = new ReviewService(cases, tenants, uploads, clock, MemorySecrets.SECRETS);
            this.routing = new RouteCaseService(cases, tenants, id -> "https://console.example/#/cases/" + id, clock);
            AdminBoundary kelurahan = tenant.boundaries().stream().filter(b -> b.level() == AdminLevel.KELURAHAN)
                    .findFirst().orElse(null);
            id.laporwarga.domain.memory.MemoryRoster roster = new id.laporwarga.domain.memory.MemoryRoster();
            if (kelurahan != null) {
                roster.add(id.laporwarga.domain.memory.MemoryRoster.rt(tenant.id(), RT_ID, kelurahan.kecamatanCode(),
                        kelurahan.code(), kelurahan.name()));
            }
            this.submission = new SubmitReportService(tenants, cases, uploads, roster, clock, new TrackingCodes(),
                    () -> "walk-" + IDS.incrementAndGet(), MemorySecrets.SECRETS);
            AdminBoundary kecamatan = tenant.boundaries().stream().filter(b -> b.level() == AdminLevel.KECAMATAN)
                    .filter(b -> kelurahan == null || b.code().equals(kelurahan.kecamatanCode()))
                    .findFirst().orElse(tenant.boundaries().get(0));
            this.withKelurahan = kelurahan == null
                    ? new AreaRef(kecamatan.code(), kecamatan.name(), kecamatan.code() + ".WALK", "Walk",
                            AreaRef.KelurahanMatch.INSIDE)
                    : new AreaRef(kecamatan.code(), kecamatan.name(), kelurahan.code(), kelurahan.name(),
                            AreaRef.KelurahanMatch.INSIDE);
            this.withoutKelurahan = new AreaRef(kecamatan.code(), kecamatan.name(), null, null,
                    AreaRef.KelurahanMatch.UNKNOWN);
        }

        Workflow workflow(CaseKind kind) {
            return machine.workflow(kind);
        }

        // ------------------------------------------------------------------ tenant data the router decides on

        /** Case data: a category and an area. */
        record Setup(String category, AreaRef area) {
        }

        /** Categories and areas to try, so that the real router picks the move wanted. */
        List<Setup> candidates(CaseKind kind) {
            List<Setup> out = new ArrayList<>();
            for (AreaRef area : List.of(withKelurahan, withoutKelurahan)) {
                for (Category c : tenant.categories()) {
                    if (c.appliesTo(kind)) {
                        out.add(new Setup(c.code(), area));
                    }
                }
                out.add(new Setup(UNKNOWN_CATEGORY, area));
            }
            return out;
        }

        CaseRouter.Responsible responsible(CaseKind kind, Setup s) {
            return router.responsible(tenant, kind, s.category(), s.area(), null);
        }

        /** A setup under which the router makes the platform's routing move {@code move}. */
        Setup forSystemRouting(CaseKind kind, String move) {
            return candidates(kind).stream().filter(s -> responsible(kind, s).move().equals(move)).findFirst()
                    .orElseThrow(() -> new AssertionError(tenant.id() + " " + kind + ": no category or area makes"
                            + " CaseRouter choose '" + move + "'"));
        }

        /** A setup under which an official's ROUTE move leads to {@code to}. */
        Setup forOfficialRouting(CaseKind kind, ActionRule move, CaseStatus to) {
            return candidates(kind).stream().filter(s -> {
                CaseRouter.Responsible r = responsible(kind, s);
                if (r.outcome() == RoutingDecision.Outcome.TRIAGE) {
                    return false;
                }
                boolean referral = r.outcome() == RoutingDecision.Outcome.REFERRED_EXTERNAL;
                return referral ? to == CaseStatus.REFERRED_EXTERNAL : to == move.to();
            }).findFirst().orElseThrow(() -> new AssertionError(tenant.id() + " " + kind + ": no category leads "
                    + move.name() + " to " + to));
        }

        /** A category of {@code kind} the router sends to an agency (or, for other kinds, any of the kind). */
        String submittedCategory(CaseKind kind) {
            return candidates(kind).stream().filter(s -> s.area() == withKelurahan && !s.category().equals(UNKNOWN_CATEGORY))
                    .sorted((a, b) -> Boolean.compare(responsible(kind, b).outcome() == RoutingDecision.Outcome.AGENCY,
                            responsible(kind, a).outcome() == RoutingDecision.Outcome.AGENCY))
                    .map(Setup::category).findFirst()
                    .orElseThrow(() -> new AssertionError(tenant.id() + ": no category for " + kind));
        }

        /** A category of {@code kind} whose reports may come without a photo (and with a place). */
        String photolessCategory(CaseKind kind) {
            return tenant.categories().stream()
                    .filter(c -> c.appliesTo(kind) && c.photosFor(kind) != Requirement.REQUIRED
                            && c.location() != Requirement.ABSENT)
                    .map(Category::code).findFirst().orElseGet(() -> submittedCategory(kind));
        }

        // ------------------------------------------------------------------ cases

        /** A case waiting in {@code status}, as the services leave it there (deadline and assignment included). */
        ReportCase seed(CaseKind kind, CaseStatus status) {
            Instant at = clock.instant();
            StepRule step = workflow(kind).step(status).orElseThrow();
            String category = submittedCategory(kind);
            Assignment assignment = switch (step.whoActs().scope()) {
                case ASSIGNED_AGENCY -> {
                    CaseRouter.Responsible r = responsible(kind, new Setup(category, withKelurahan));
                    yield new Assignment(r.agencyId(), r.agencyName(), false, at, null, List.of());
                }
                case TRIAGE_DESK -> {
                    CaseRouter.Responsible r = responsible(kind, new Setup(UNKNOWN_CATEGORY, withKelurahan));
                    yield new Assignment(r.agencyId(), r.agencyName(), false, at, null, List.of());
                }
                default -> null;
            };
            boolean checked = status != CaseStatus.AWAITING_PHOTOS;
            Photo photo = new Photo("p1", "image/jpeg", 1000, SubmitReportService.photoKey(tenant.id(), "x", "p1",
                    "image/jpeg"), checked ? check(Verdict.PASS, at) : null);
            String id = "seed-" + IDS.incrementAndGet();
            Point inside = insidePoint();
            ReportCase c = new ReportCase(id, tenant.id(), tenant.zone().getId(), "KOT-WALK-" + id.toUpperCase(), kind,
                    category, "Kasus untuk menelusuri alur kerja.", new GeoPoint(inside.getY(), inside.getX()),
                    withKelurahan, RT_ID, Privacy.PUBLIC,
                    new Reporter("Walk", "+6281234567890", null), List.of(photo), status, 1,
                    List.of(new HistoryEntry(at, "reporter", Role.CITIZEN.name(), WorkflowCatalog.SUBMIT, null, status,
                            null)), at, at, machine.dueAt(kind, status, at), false, List.of(), assignment,
                    MemorySecrets.SECRETS.verifier(WorkflowFixtures.SECRET), "walk");
            return cases.put(c);
        }

        /** A point inside the tenant (inside a kelurahan when it has them). */
        Point insidePoint() {
            AdminBoundary area = tenant.boundaries().stream()
                    .filter(b -> b.level() == AdminLevel.KELURAHAN).findFirst().orElse(tenant.boundaries().get(0));
            return area.geometry().getInteriorPoint();
        }

        static PhotoCheck check(Verdict verdict, Instant at) {
            String reason = switch (verdict) {
                case PASS -> null;
                case NEEDS_REVIEW -> GeotagReason.NO_GPS.name();
                case REJECTED -> GeotagReason.OUTSIDE_JURISDICTION.name();
            };
            return new PhotoCheck(verdict, reason, null, null, null, 1000, at);
        }

        /** A submission through SubmitReportService into {@code to}. */
        ReportCase submit(CaseKind kind, ActionRule entry, CaseStatus to) {
            boolean photos = workflow(kind).step(to).flatMap(s -> s.action(WorkflowCatalog.VERIFY)).isPresent();
            Point inside = insidePoint();
            SubmitReportRequest request = new SubmitReportRequest(kind.name(),
                    photos ? submittedCategory(kind) : photolessCategory(kind),
                    "Laporan untuk menelusuri alur kerja.", inside.getY(), inside.getX(), "PUBLIC", "Walk",
                    "081234567890", RT_ID, photos ? List.of(new PhotoDeclaration("image/jpeg", 1000L)) : List.of());
            Instant at = clock.instant();
            String key = "walk-key-" + IDS.incrementAndGet();
            SubmitReportService.Submitted s = kind == CaseKind.RT_ACTIVITY
                    ? submission.submitRtActivity(Caller.of("walk-rt", Role.RT_HEAD, tenant.id(), RT_ID), request, key)
                    : submission.submit(request, key);
            ReportCase c = s.reportCase();
            secrets.put(c.caseId(), s.citizenSecret());
            assertEquals(to, c.status(), "first state");
            assertEquals(1, c.history().size());
            HistoryEntry first = c.history().get(0);
            assertEquals(entry.name(), first.action());
            assertNull(first.from());
            assertEquals(to, first.to());
            assertEquals(Role.CITIZEN.name(), first.actorRole());
            assertEquals(expectedDeadline(kind, to, at), c.deadlineAt(), "deadline of the first step");
            assertEvent(s.event(), null, c, entry, to, Role.CITIZEN, at);
            return c;
        }

        // ------------------------------------------------------------------ moves through the services

        /** What a service returned: the stored case and the transition's event. */
        record Moved(ReportCase after, TransitionEvent event, Instant at) {
        }

        /** Makes {@code move} on the stored case through the service that makes it, and checks the result. */
        ReportCase move(String caseId, ActionRule move, CaseStatus to, Role role) {
            ReportCase before = cases.get(caseId);
            CaseStatus from = before.status();
            Moved m = drive(caseId, move, to, role);
            ReportCase after = m.after();
            if (move.effect() == ActionRule.Effect.ESCALATE) {
                assertEquals(from, after.status(), "escalate keeps the state");
                assertTrue(after.overdue(), "marked overdue");
                assertEquals(before.history(), after.history(), "no history entry");
                assertEquals(before.deadlineAt(), after.deadlineAt(), "deadline unchanged");
                StepRule step = workflow(after.kind()).step(from).orElseThrow();
                String supervisor = step.supervisor() == null ? Role.CITY_ADMIN.name() : step.supervisor().name();
                assertTrue(cases.outbox(OutboxEvent.Channel.SUPERVISOR_ALERTS).stream().anyMatch(a ->
                        a.caseId().equals(caseId) && supervisor.equals(a.attributes().get("role"))
                                && from.name().equals(a.attributes().get("status"))),
                        "the supervisor's alert, in the same write: " + cases.outbox);
            } else {
                assertEquals(to, after.status());
                HistoryEntry last = after.history().get(after.history().size() - 1);
                assertEquals(move.name(), last.action());
                assertEquals(from, last.from());
                assertEquals(to, last.to());
                assertEquals(role.name(), last.actorRole());
                assertEquals(m.at(), last.at());
                Instant due = expectedDeadline(after.kind(), to, m.at());
                assertEquals(due, after.deadlineAt(), "deadline = the next step's rule from the catalogue");
                assertFalse(after.overdue());
                if (move.effect() == ActionRule.Effect.ROUTE && after.assignment() != null) {
                    assertEquals(due, after.assignment().dueAt(), "the assignment is due when the step is");
                    assertEquals(m.at(), after.assignment().routedAt());
                }
            }
            assertEvent(m.event(), from, after, move, to, role, m.at());
            OutboxEvent written = cases.outbox.stream().filter(o -> o.eventId().equals(m.event().eventId())).findFirst()
                    .orElseThrow(() -> new AssertionError("the move's event was not written with it: " + m.event()));
            assertEquals(OutboxEvent.Channel.CASE_EVENTS, written.channel());
            assertEquals(m.event().eventType(), written.attributes().get("eventType"));
            return after;
        }

        Instant expectedDeadline(CaseKind kind, CaseStatus to, Instant at) {
            return workflow(kind).step(to).map(StepRule::deadline).map(d -> d.dueAfter(at, tenant.calendar()))
                    .orElse(null);
        }

        void assertEvent(TransitionEvent e, CaseStatus from, ReportCase after, ActionRule move, CaseStatus to,
                         Role role, Instant at) {
            assertNotNull(e, "the move yields an event");
            String type = TransitionEvent.typeOf(move, from, to, role);
            assertEquals(type, e.eventType());
            assertEquals(after.caseId() + "#" + type + "#" + e.version(), e.eventId());
            assertEquals(after.caseId(), e.caseId());
            assertEquals(tenant.id(), e.tenantId());
            assertEquals(move.name(), e.move());
            assertEquals(from, e.from());
            assertEquals(move.effect() == ActionRule.Effect.ESCALATE ? from : to, e.to());
            assertEquals(role, e.actorRole());
            assertEquals(at, e.occurredAt());
            Optional<StepRule> entered = workflow(after.kind()).step(e.to());
            assertEquals(move.effect() == ActionRule.Effect.ESCALATE ? null : entered.map(StepRule::status).orElse(null),
                    e.stepEntered());
            assertEquals(entered.map(StepRule::whoActs).orElse(null), e.whoActs());
            assertEquals(e.deadlineAt(), cases.get(after.caseId()).deadlineAt());
        }

        Caller caller(Role role, ReportCase c) {
            return switch (role) {
                case RT_HEAD -> Caller.of("walk-rt", role, tenant.id(), c.rtId() == null ? "none" : c.rtId());
                case KELURAHAN -> Caller.of("walk-kel", role, tenant.id(),
                        c.area() == null || c.area().kelurahanCode() == null ? "none" : c.area().kelurahanCode());
                case KECAMATAN -> Caller.of("walk-kec", role, tenant.id(),
                        c.area() == null || c.area().kecamatanCode() == null ? "none" : c.area().kecamatanCode());
                case AGENCY_STAFF -> Caller.of("walk-agency", role, tenant.id(),
                        c.assignment() == null ? "none" : c.assignment().agencyId());
                case CITY_ADMIN, ANALYST -> Caller.of("walk-" + role.name().toLowerCase(), role, tenant.id(), null);
                case PLATFORM_ADMIN -> Caller.of("walk-platform", role, null, null);
                case CITIZEN, SYSTEM -> throw new IllegalArgumentException(role + " does not sign in");
            };
        }

        Moved drive(String caseId, ActionRule move, CaseStatus to, Role role) {
            ReportCase c = cases.get(caseId);
            String note = move.noteRequired() ? "Catatan penelusuran alur kerja." : null;
            if (role == Role.CITIZEN) {
                Instant at = clock.instant();
                ReviewService.Outcome o = review.actAsCitizen(c.trackingCode(),
                        secrets.getOrDefault(caseId, WorkflowFixtures.SECRET), move.name(), note);
                return new Moved(o.reportCase(), o.event(), at);
            }
            if (role != Role.SYSTEM) {
                String category = null;
                if (move.effect() == ActionRule.Effect.ROUTE) {
                    category = forOfficialRouting(c.kind(), move, to).category();
                }
                boolean photo = move.effect() == ActionRule.Effect.ATTACH_PHOTO;
                // a merge needs an open master of the same kind: another case waiting in the same step
                String master = move.name().equals(WorkflowCatalog.MERGE) ? seed(c.kind(), c.status()).caseId() : null;
                Instant at = clock.instant();
                ReviewService.Outcome o = review.act(caller(role, c), caseId, new ActionCommand(move.name(), note,
                        c.version(), category, null, null, photo ? "image/jpeg" : null, photo ? 150_000L : null,
                        master));
                if (photo) {
                    assertNotNull(o.upload(), "an upload link for the photo");
                }
                return new Moved(o.reportCase(), o.event(), at);
            }
            StepRule step = workflow(c.kind()).step(c.status()).orElseThrow();
            if (move.name().equals(step.onDeadline())) {
                clock.advance(Duration.between(clock.instant(), c.deadlineAt()).plusMinutes(1));
                Instant at = clock.instant();
                OverdueCases finder = (tenantId, status, now) -> cases.byId.values().stream()
                        .filter(k -> k.status() == status && k.deadlineAt() != null && k.deadlineAt().isBefore(now))
                        .toList();
                ReviewService.EscalationRun run = review.escalate(tenant, finder, routing);
                assertEquals(1, run.events().size(), run.toString());
                return new Moved(cases.get(caseId), run.events().get(0), at);
            }
            if (move.name().equals(WorkflowCatalog.VERIFY)) {
                Verdict verdict = switch (to) {
                    case VERIFIED -> Verdict.PASS;
                    case NEEDS_REVIEW -> Verdict.NEEDS_REVIEW;
                    case REJECTED -> Verdict.REJECTED;
                    default -> throw new AssertionError("no photo verdict leads to " + to);
                };
                Instant at = clock.instant();
                GeotagRules.Evaluation evaluation = new GeotagRules.Evaluation(check(verdict, at),
                        verdict == Verdict.PASS ? List.of() : List.of(GeotagReason.fromCode(check(verdict, at).reason())));
                CaseVerdicts.Applied applied = CaseVerdicts.apply(c, c.photos().get(0).photoId(), evaluation, tenant, at)
                        .orElseThrow();
                ReportCase stored = cases.write(CaseWrite.of(applied.updated(),
                        List.of(OutboxEvents.caseEvent(applied.event().orElseThrow(), applied.updated()))));
                assertEquals(Optional.of(to), applied.verdict());
                return new Moved(stored, applied.event().orElseThrow(), at);
            }
            if (move.effect() == ActionRule.Effect.ROUTE) {
                Setup setup = forSystemRouting(c.kind(), move.name());
                clock.advance(Duration.ofMinutes(1));
                ReportCase prepared = cases.update(c.amend(b -> b.category(setup.category()).area(setup.area()),
                        clock.instant()));
                clock.advance(Duration.ofMinutes(1));
                Instant at = clock.instant();
                String type = prepared.status() == CaseStatus.VERIFIED ? CaseEvent.VERIFIED : CaseEvent.REROUTED;
                RouteCaseService.Result result = routing.handle(CaseEvent.of(type, prepared, at));
                assertEquals(RouteCaseService.Outcome.ROUTED, result.outcome(), String.valueOf(result.reason()));
                return new Moved(cases.get(caseId), result.event(), at);
            }
            throw new AssertionError("no service makes the SYSTEM move " + move.name() + " from " + c.status());
        }

        /** Every role but the move's own is refused, and the case stays as it was. */
        void refuse(CaseKind kind, CaseStatus from, ActionRule move, Set<Role> refused) {
            ReportCase c = seed(kind, from);
            for (Role role : refused) {
                DomainException e = switch (role) {
                    case CITIZEN -> assertThrows(DomainException.class, () -> review.actAsCitizen(c.trackingCode(),
                            WorkflowFixtures.SECRET, move.name(), "catatan"));
                    case SYSTEM -> {
                        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class,
                                () -> machine.apply(c, move, HistoryEntry.SYSTEM, role, null, clock.instant())).code());
                        yield assertThrows(DomainException.class, () -> machine.move(c, move.name(), role));
                    }
                    default -> assertThrows(DomainException.class, () -> review.act(caller(role, c), c.caseId(),
                            ActionCommand.of(move.name(), c.version(), "catatan")));
                };
                assertEquals(ErrorCode.FORBIDDEN, e.code(), role + " " + move.name());
                assertEquals(c, cases.get(c.caseId()), "nothing stored");
            }
        }

        /** From a submission into {@code first}, the catalogue's shortest path to {@code end}, on one case. */
        void path(Workflow w, CaseStatus first, CaseStatus end) {
            ActionRule entry = w.entries().stream().filter(e -> e.leadsTo(first)).findFirst().orElseThrow();
            ReportCase c = submit(w.kind(), entry, first);
            for (Edge edge : pathsFrom(w, first).get(end)) {
                clock.advance(Duration.ofMinutes(7));
                Role role = edge.move().roles().stream().filter(r -> r != Role.SYSTEM).findFirst().orElse(Role.SYSTEM);
                c = move(c.caseId(), edge.move(), edge.to(), role);
            }
            assertEquals(end, c.status());
            assertTrue(c.status().isTerminal());
            assertNull(c.deadlineAt(), "nothing is due in a terminal state");
        }
    }
}
