package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A state of a workflow in which the case waits: who must act there ({@link WhoActs}), the moves allowed there, the
 * step's deadline (null = none), the role alerted when it is missed, and the step's deadline action.
 *
 * <p>The deadline action ({@code onDeadline}) is what the escalation run does once the deadline has passed: an
 * automatic move (e.g. {@code close} of a resolved complaint the reporter did not answer; its roles must include
 * SYSTEM) or, by default, {@value WorkflowCatalog#ESCALATE}: the case stays, is marked overdue and the supervisor is
 * alerted. A step with a deadline and no {@code onDeadline} gets the {@code escalate} move added.
 */
public record StepRule(CaseStatus status, WhoActs whoActs, Deadline deadline, Role supervisor,
                       List<ActionRule> actions, String onDeadline) {
    public StepRule {
        Objects.requireNonNull(status, "status");
        if (status.isTerminal()) {
            throw new IllegalArgumentException(status + " is terminal: no step may wait there");
        }
        List<ActionRule> all = new ArrayList<>(actions == null ? List.of() : actions);
        if (deadline != null && onDeadline == null) {
            onDeadline = WorkflowCatalog.ESCALATE;
            if (all.stream().noneMatch(a -> a.name().equals(WorkflowCatalog.ESCALATE))) {
                all.add(escalate(status));
            }
        }
        actions = List.copyOf(all);
        if (onDeadline != null) {
            String name = onDeadline;
            ActionRule auto = actions.stream().filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("onDeadline names no action of " + status));
            if (!auto.allows(Role.SYSTEM)) {
                throw new IllegalArgumentException("onDeadline action " + onDeadline + " must allow SYSTEM");
            }
            if (deadline == null) {
                throw new IllegalArgumentException("onDeadline without a deadline in " + status);
            }
        }
        for (ActionRule a : actions) {
            if (a.effect() == ActionRule.Effect.ESCALATE) {
                if (a.to() != status || !a.alternatives().isEmpty() || !a.systemOnly()) {
                    throw new IllegalArgumentException(status + "." + a.name()
                            + ": an ESCALATE move stays in its step and is made by SYSTEM only");
                }
                if (!a.name().equals(onDeadline)) {
                    throw new IllegalArgumentException(status + "." + a.name() + ": an ESCALATE move must be the"
                            + " step's onDeadline action");
                }
            }
        }
        long distinct = actions.stream().map(ActionRule::name).distinct().count();
        if (distinct != actions.size()) {
            throw new IllegalArgumentException("duplicate action name in " + status);
        }
        whoActs = whoActs == null ? derivedWhoActs(actions) : whoActs;
    }

    /** Who acts derived from the moves (the first role that is not SYSTEM, in its own area). */
    public StepRule(CaseStatus status, Deadline deadline, Role supervisor, List<ActionRule> actions, String onDeadline) {
        this(status, null, deadline, supervisor, actions, onDeadline);
    }

    /** The default deadline action: stay, mark overdue, alert the supervisor. */
    public static ActionRule escalate(CaseStatus status) {
        return ActionRule.of(WorkflowCatalog.ESCALATE, status, Role.SYSTEM).withEffect(ActionRule.Effect.ESCALATE);
    }

    private static WhoActs derivedWhoActs(List<ActionRule> actions) {
        for (ActionRule a : actions) {
            for (Role r : a.roles()) {
                if (r != Role.SYSTEM) {
                    return WhoActs.of(r, WhoActs.defaultScope(r));
                }
            }
        }
        return WhoActs.system();
    }

    public Optional<ActionRule> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The move the escalation run makes once the deadline has passed (empty when the step has no deadline). */
    public Optional<ActionRule> automaticAction() {
        return onDeadline == null ? Optional.empty() : action(onDeadline);
    }

    /** Whether the deadline action only escalates (no status move). */
    public boolean escalatesOnDeadline() {
        return automaticAction().map(a -> a.effect() == ActionRule.Effect.ESCALATE).orElse(false);
    }

    /** Actions {@code role} may take here. */
    public List<ActionRule> actionsFor(Role role) {
        return actions.stream().filter(a -> a.allows(role)).toList();
    }
}
