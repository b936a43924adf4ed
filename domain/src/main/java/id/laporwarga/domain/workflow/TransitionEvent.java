package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What one transition did, as a value returned with the new case (by {@link StateMachine}), ready to be written next
 * to the case (e.g. into a transactional outbox in the same write) and published.
 *
 * @param eventId     deterministic: {@code <caseId>#<eventType>#<version>}; a retried transition from the same version
 *                    yields the same id
 * @param eventType   see {@link #typeOf}
 * @param move        the catalogue move made ({@code submit}, {@code verify-geotag}, {@code route}, {@code approve},
 *                    {@code escalate}, ...)
 * @param from        the state before (null for a submission)
 * @param to          the state after (the same state for {@code escalate})
 * @param stepEntered the step the case now waits in (null when it reached a terminal state, and for {@code escalate},
 *                    which enters no step)
 * @param whoActs     who must act in the step entered (for {@code escalate}: in the step that is overdue); null when
 *                    none
 * @param supervisor  the role alerted when that step's deadline passes (null when none)
 * @param actorId     who made the move ({@code system} for the platform, {@code reporter} for the citizen)
 * @param actorRole   the role it was made in
 * @param version     the case version after the move
 * @param deadlineAt  the due time of the step the case is in after the move (null when nothing is due)
 */
public record TransitionEvent(String eventId, String eventType, String caseId, String tenantId, CaseKind kind,
                              String move, CaseStatus from, CaseStatus to, CaseStatus stepEntered, WhoActs whoActs,
                              Role supervisor, String actorId, Role actorRole, long version, Instant occurredAt,
                              Instant deadlineAt) {
    public static final String SUBMITTED = "case.submitted";
    public static final String VERIFIED = CaseEvent.VERIFIED;
    public static final String NEEDS_REVIEW = CaseEvent.NEEDS_REVIEW;
    /** A routing move made by the platform (route-to-agency): {@code route}, {@code refer}, {@code triage}. */
    public static final String ROUTED = "case.routed";
    /** A routing move made by an official ({@code forward}, {@code reroute}). */
    public static final String REROUTED = CaseEvent.REROUTED;
    public static final String STEP_ENTERED = "case.step_entered";
    public static final String OVERDUE = "case.overdue";
    public static final String RESOLVED = "case.resolved";
    /** The triage desk asked the reporter a question (NEEDS_INFO): the notifier sends the question to the reporter. */
    public static final String NEEDS_INFO = "case.needs_info";
    /** The reporter answered the question: back at the triage desk. */
    public static final String INFO_PROVIDED = "case.info_provided";
    /** The agency answered "bukan wewenang": back at the triage desk with the reason (the history note). */
    public static final String HANDED_BACK = "case.handed_back";
    /** A duplicate was merged into its master (terminal MERGED): the notifier tells the reporter ("me too"). */
    public static final String MERGED = "case.merged";
    /** Prefix of the events of moves into a terminal state: {@code case.closed}, {@code case.rejected}, ... */
    public static final String TERMINAL_PREFIX = "case.";

    public TransitionEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The event type of a move, one rule for every workflow:
     * <ol>
     *   <li>a submission: {@code case.submitted};</li>
     *   <li>an ESCALATE move (deadline missed): {@code case.overdue};</li>
     *   <li>a ROUTE move: {@code case.routed} when the platform made it, {@code case.rerouted} when an official did;</li>
     *   <li>into VERIFIED / NEEDS_REVIEW: {@code case.verified} / {@code case.needs_review} (the photo check's
     *       events); into RESOLVED: {@code case.resolved};</li>
     *   <li>into NEEDS_INFO: {@code case.needs_info}; the agency's {@code handback}: {@code case.handed_back}; out of
     *       NEEDS_INFO into a step (the reporter's reply): {@code case.info_provided};</li>
     *   <li>into a terminal state: {@code case.} + the state in lower case ({@code case.closed}, {@code case.rejected},
     *       {@code case.approved}, {@code case.kecamatan_issued}, {@code case.referred_external});</li>
     *   <li>any other move: {@code case.step_entered}.</li>
     * </ol>
     */
    public static String typeOf(ActionRule move, CaseStatus from, CaseStatus to, Role actorRole) {
        if (from == null) {
            return SUBMITTED;
        }
        if (move.effect() == ActionRule.Effect.ESCALATE) {
            return OVERDUE;
        }
        if (move.effect() == ActionRule.Effect.ROUTE) {
            return actorRole == Role.SYSTEM ? ROUTED : REROUTED;
        }
        if (to == CaseStatus.VERIFIED) {
            return VERIFIED;
        }
        if (to == CaseStatus.NEEDS_INFO) {
            return NEEDS_INFO;
        }
        if (WorkflowCatalog.HANDBACK.equals(move.name())) {
            return HANDED_BACK;
        }
        if (from == CaseStatus.NEEDS_INFO && !to.isTerminal()) {
            return INFO_PROVIDED;
        }
        if (to == CaseStatus.NEEDS_REVIEW) {
            return NEEDS_REVIEW;
        }
        if (to == CaseStatus.RESOLVED) {
            return RESOLVED;
        }
        if (to.isTerminal()) {
            return TERMINAL_PREFIX + to.name().toLowerCase(Locale.ROOT);
        }
        return STEP_ENTERED;
    }

    static String idOf(String caseId, String eventType, long version) {
        return caseId + "#" + eventType + "#" + version;
    }
}
