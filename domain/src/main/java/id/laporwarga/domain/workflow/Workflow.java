package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of one kind of case, as data: its steps (states where someone must act), each with allowed actions
 * per role and a deadline. Every action leads either to another step of the same workflow or to a terminal state.
 */
public final class Workflow {
    private final CaseKind kind;
    private final Map<CaseStatus, StepRule> steps;

    public Workflow(CaseKind kind, Collection<StepRule> steps) {
        this.kind = Objects.requireNonNull(kind, "kind");
        Map<CaseStatus, StepRule> map = new EnumMap<>(CaseStatus.class);
        for (StepRule s : steps) {
            if (map.put(s.status(), s) != null) {
                throw new IllegalArgumentException("duplicate step " + s.status() + " in " + kind);
            }
        }
        for (StepRule s : map.values()) {
            for (ActionRule a : s.actions()) {
                if (!a.to().isTerminal() && !map.containsKey(a.to())) {
                    throw new IllegalArgumentException(kind + ": " + s.status() + "." + a.name() + " leads to "
                            + a.to() + ", which is neither a step nor terminal");
                }
            }
        }
        this.steps = Map.copyOf(map);
    }

    public CaseKind kind() {
        return kind;
    }

    public List<StepRule> steps() {
        return steps.values().stream().sorted((a, b) -> a.status().compareTo(b.status())).toList();
    }

    public Optional<StepRule> step(CaseStatus status) {
        return Optional.ofNullable(steps.get(status));
    }

    /** States in which {@code role} has at least one action: what belongs in that role's inbox. */
    public Set<CaseStatus> statusesActionableBy(Role role) {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        steps.values().forEach(s -> {
            if (!s.actionsFor(role).isEmpty()) {
                out.add(s.status());
            }
        });
        return out;
    }

    /** States with a deadline: where the escalation run looks for overdue cases. */
    public Set<CaseStatus> statusesWithDeadline() {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        steps.values().forEach(s -> {
            if (s.deadline() != null) {
                out.add(s.status());
            }
        });
        return out;
    }
}
