package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A state of a workflow in which someone must act: the actions allowed there, the step's deadline (null = none), the
 * role alerted when it is missed, and optionally the action the system takes by itself at the deadline (e.g.
 * {@code close} of a resolved complaint the reporter did not answer).
 */
public record StepRule(CaseStatus status, Deadline deadline, Role supervisor, List<ActionRule> actions,
                       String onDeadline) {
    public StepRule {
        Objects.requireNonNull(status, "status");
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (status.isTerminal()) {
            throw new IllegalArgumentException(status + " is terminal: no step may wait there");
        }
        if (onDeadline != null) {
            ActionRule auto = actions.stream().filter(a -> a.name().equals(onDeadline)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("onDeadline names no action of " + status));
            if (!auto.allows(Role.SYSTEM)) {
                throw new IllegalArgumentException("onDeadline action " + onDeadline + " must allow SYSTEM");
            }
            if (deadline == null) {
                throw new IllegalArgumentException("onDeadline without a deadline in " + status);
            }
        }
        long distinct = actions.stream().map(ActionRule::name).distinct().count();
        if (distinct != actions.size()) {
            throw new IllegalArgumentException("duplicate action name in " + status);
        }
    }

    public Optional<ActionRule> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<ActionRule> automaticAction() {
        return onDeadline == null ? Optional.empty() : action(onDeadline);
    }

    /** Actions {@code role} may take here. */
    public List<ActionRule> actionsFor(Role role) {
        return actions.stream().filter(a -> a.allows(role)).toList();
    }
}
