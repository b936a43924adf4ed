package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one transition path of every case: submission, the photo check's verdict, routing and rerouting, officials'
 * actions, the reporter's confirm/reopen, escalation and the automatic close all move a case here, and only here.
 * It asks the tenant's {@link WorkflowCatalog} whether the move exists from the case's state, whether the role may
 * make it and which states it may lead to, sets the deadline of the step entered from that step's {@link Deadline} in
 * the tenant's calendar, appends the history entry, and returns the new case with its {@link TransitionEvent}.
 * Storing it (optimistically, on the version) is the caller's business.
 */
public final class StateMachine {
    private final WorkflowCatalog catalog;
    private final WorkingCalendar calendar;

    public StateMachine(WorkflowCatalog catalog, WorkingCalendar calendar) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public static StateMachine forTenant(Tenant tenant) {
        return new StateMachine(WorkflowCatalog.forTenant(tenant), tenant.calendar());
    }

    public WorkflowCatalog catalog() {
        return catalog;
    }

    public Workflow workflow(CaseKind kind) {
        Workflow w = catalog.of(kind);
        if (w == null) {
            throw new IllegalStateException("no workflow for " + kind);
        }
        return w;
    }

    /** The step the case waits in (empty in a terminal state). */
    public Optional<StepRule> step(ReportCase c) {
        return workflow(c.kind()).step(c.status());
    }

    /** The move {@code name} out of {@code from}, if the catalogue lists it. */
    public Optional<ActionRule> find(CaseKind kind, CaseStatus from, String name) {
        return workflow(kind).step(from).flatMap(s -> s.action(name));
    }

    /**
     * The move {@code name} out of the case's state, for {@code role}.
     *
     * @throws DomainException INVALID_TRANSITION when the catalogue lists no such move there, FORBIDDEN when the role
     *                         may not make it
     */
    public ActionRule move(ReportCase c, String name, Role role) {
        ActionRule rule = name == null ? null : find(c.kind(), c.status(), name).orElse(null);
        if (rule == null) {
            throw invalid(name, c.status());
        }
        if (!rule.allows(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return rule;
    }

    /** A submission's entry move and the first state it leads to. */
    public record Entry(ActionRule move, CaseStatus to) {
    }

    /**
     * How a submission of {@code kind} starts: with photos, in the first state whose step checks them (the
     * {@value WorkflowCatalog#VERIFY} move); without, in a first state that does not wait for photos.
     *
     * @throws DomainException VALIDATION_FAILED on {@code photos} when the workflow cannot start without photos
     */
    public Entry entry(CaseKind kind, boolean withPhotos) {
        Workflow w = workflow(kind);
        Entry other = null;
        for (ActionRule e : w.entries()) {
            for (CaseStatus to : e.targets()) {
                boolean checksPhotos = w.step(to).flatMap(s -> s.action(WorkflowCatalog.VERIFY)).isPresent();
                if (checksPhotos == withPhotos) {
                    return new Entry(e, to);
                }
                if (other == null && !checksPhotos) {
                    other = new Entry(e, to);
                }
            }
        }
        if (withPhotos && other != null) {
            return other; // nothing checks photos in this workflow: they are kept as attachments
        }
        throw DomainException.validation(Map.of("photos", LocalizedText.of(
                "laporan jenis ini wajib disertai foto", "reports of this kind need a photo")));
    }

    /** When a step {@code status} entered at {@code at} is due: null without a step or a deadline there. */
    public Instant dueAt(CaseKind kind, CaseStatus status, Instant at) {
        return workflow(kind).step(status).map(StepRule::deadline).map(d -> d.dueAfter(at, calendar)).orElse(null);
    }

    /** A change made with a move in the same write (assignment, category), knowing the deadline set by the move. */
    @FunctionalInterface
    public interface Amendment {
        Amendment NONE = (b, deadlineAt) -> { };

        void amend(ReportCase.Builder b, Instant deadlineAt);
    }

    /**
     * Creates a submitted case: {@code draft} (status = {@code entry.to()}, no history) gets the submission's history
     * entry and the first step's deadline.
     */
    public Transition start(ReportCase draft, Entry entry, String actorId, Role role, Instant at) {
        Workflow w = workflow(draft.kind());
        ActionRule listed = w.entry(entry.move().name()).filter(entry.move()::equals)
                .orElseThrow(() -> invalid(entry.move().name(), null));
        if (!listed.allows(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (!listed.leadsTo(entry.to()) || draft.status() != entry.to() || !draft.history().isEmpty()) {
            throw new IllegalArgumentException("a draft starts in " + entry.to() + " with no history");
        }
        Instant due = dueAt(draft.kind(), entry.to(), at);
        ReportCase created = new ReportCase(draft.caseId(), draft.tenantId(), draft.timeZone(), draft.trackingCode(),
                draft.kind(), draft.category(), draft.description(), draft.location(), draft.area(), draft.rtId(),
                draft.privacy(), draft.reporter(), draft.photos(), entry.to(), draft.version(),
                List.of(new HistoryEntry(at, actorId, role.name(), listed.name(), null, entry.to(), null)),
                draft.createdAt(), draft.updatedAt(), due, false, draft.verificationReasons(), draft.assignment(),
                draft.citizenSecretHash(), draft.requestHash(), draft.intake());
        return new Transition(null, created, listed, event(w, created, listed, null, actorId, role, at));
    }

    /** {@link #apply(ReportCase, ActionRule, CaseStatus, String, Role, String, Instant, Amendment)} to the move's own state. */
    public Transition apply(ReportCase c, ActionRule move, String actorId, Role role, String note, Instant at) {
        return apply(c, move, move.to(), actorId, role, note, at, Amendment.NONE);
    }

    /**
     * Makes {@code move} on {@code c}, leading to {@code to}: one history entry (not for {@code escalate}, which only
     * marks the case overdue), the deadline of the step entered, version + 1, plus {@code amendment} in the same case.
     *
     * @throws DomainException INVALID_TRANSITION when the catalogue does not list the move from the case's state or
     *                         the move cannot lead to {@code to}; FORBIDDEN when {@code role} may not make it
     */
    public Transition apply(ReportCase c, ActionRule move, CaseStatus to, String actorId, Role role, String note,
                            Instant at, Amendment amendment) {
        Workflow w = workflow(c.kind());
        StepRule from = w.step(c.status()).orElseThrow(() -> invalid(move.name(), c.status()));
        ActionRule listed = from.action(move.name()).filter(move::equals)
                .orElseThrow(() -> invalid(move.name(), c.status()));
        if (!listed.allows(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (!listed.leadsTo(to)) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, ErrorCode.INVALID_TRANSITION.defaultMessage(),
                    Map.of("action", LocalizedText.of(
                            "'" + move.name() + "' tidak mengarah ke status " + to.label().id(),
                            "'" + move.name() + "' does not lead to status " + to.label().en())));
        }
        ReportCase after;
        if (listed.effect() == ActionRule.Effect.ESCALATE) {
            after = c.amend(b -> b.overdue(true), at);
        } else {
            Instant due = dueAt(c.kind(), to, at);
            ReportCase moved = c.transition(to, listed.name(), actorId, role.name(), note, at, due);
            if (amendment != null && amendment != Amendment.NONE) {
                ReportCase.Builder b = new ReportCase.Builder(moved);
                amendment.amend(b, due);
                moved = b.build(); // same version: one write for the move and its amendment
            }
            after = moved;
        }
        return new Transition(c, after, listed, event(w, after, listed, c.status(), actorId, role, at));
    }

    private static TransitionEvent event(Workflow w, ReportCase after, ActionRule move, CaseStatus from,
                                         String actorId, Role role, Instant at) {
        String type = TransitionEvent.typeOf(move, from, after.status(), role);
        boolean escalation = move.effect() == ActionRule.Effect.ESCALATE;
        StepRule step = w.step(after.status()).orElse(null);
        return new TransitionEvent(TransitionEvent.idOf(after.caseId(), type, after.version()), type, after.caseId(),
                after.tenantId(), after.kind(), move.name(), from, after.status(),
                escalation || step == null ? null : step.status(), step == null ? null : step.whoActs(),
                step == null ? null : step.supervisor(), actorId, role, after.version(), at, after.deadlineAt());
    }

    private static DomainException invalid(String action, CaseStatus status) {
        String state = status == null ? "(baru)" : status.label().id();
        String stateEn = status == null ? "(new)" : status.label().en();
        return new DomainException(ErrorCode.INVALID_TRANSITION, ErrorCode.INVALID_TRANSITION.defaultMessage(),
                Map.of("action", LocalizedText.of("'" + action + "' tidak berlaku pada status " + state,
                        "'" + action + "' is not possible in status " + stateEn)));
    }
}
