package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state machine of one kind of case, as data: its entry moves (submission, leading to the first state) and its
 * steps (every state a case waits in, the transient ones included), each with the moves allowed there per role and a
 * deadline. Every move leads either to another step of the same workflow or to a terminal state.
 *
 * <p>Checked on construction: targets exist; every move the platform makes by itself ({@link Role#SYSTEM}) is one a
 * service makes (the photo check, routing, the step's deadline action); with entry moves, every step is reachable.
 */
public final class Workflow {
    private final CaseKind kind;
    private final List<ActionRule> entries;
    private final Map<CaseStatus, StepRule> steps;

    public Workflow(CaseKind kind, List<ActionRule> entries, Collection<StepRule> steps) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        Map<CaseStatus, StepRule> map = new EnumMap<>(CaseStatus.class);
        for (StepRule s : steps) {
            if (map.put(s.status(), s) != null) {
                throw new IllegalArgumentException("duplicate step " + s.status() + " in " + kind);
            }
        }
        if (this.entries.stream().map(ActionRule::name).distinct().count() != this.entries.size()) {
            throw new IllegalArgumentException(kind + ": duplicate entry move name");
        }
        for (ActionRule entry : this.entries) {
            checkTargets(map, "entry", entry);
            if (entry.allows(Role.SYSTEM)) {
                throw new IllegalArgumentException(kind + ": entry move " + entry.name() + " cannot be SYSTEM's");
            }
        }
        for (StepRule s : map.values()) {
            for (ActionRule a : s.actions()) {
                checkTargets(map, s.status().name(), a);
                if (a.allows(Role.SYSTEM) && !madeByAService(s, a)) {
                    throw new IllegalArgumentException(kind + ": " + s.status() + "." + a.name() + " allows SYSTEM,"
                            + " but no service makes it (" + WorkflowCatalog.VERIFY + ", " + WorkflowCatalog.ROUTE
                            + "/" + WorkflowCatalog.REFER + "/" + WorkflowCatalog.TRIAGE_MOVE + " with effect ROUTE, or the"
                            + " step's onDeadline action)");
                }
            }
        }
        this.steps = Map.copyOf(map);
        if (!this.entries.isEmpty()) {
            Set<CaseStatus> unreachable = EnumSet.noneOf(CaseStatus.class);
            unreachable.addAll(map.keySet());
            unreachable.removeAll(reachable());
            if (!unreachable.isEmpty()) {
                throw new IllegalArgumentException(kind + ": no move leads to " + unreachable);
            }
        }
    }

    /** A workflow without entry moves (cases of this kind are created some other way). */
    public Workflow(CaseKind kind, Collection<StepRule> steps) {
        this(kind, List.of(), steps);
    }

    private void checkTargets(Map<CaseStatus, StepRule> map, String from, ActionRule a) {
        for (CaseStatus to : a.targets()) {
            if (!to.isTerminal() && !map.containsKey(to)) {
                throw new IllegalArgumentException(kind + ": " + from + "." + a.name() + " leads to " + to
                        + ", which is neither a step nor terminal");
            }
        }
    }

    private static boolean madeByAService(StepRule step, ActionRule a) {
        if (a.name().equals(step.onDeadline()) || a.name().equals(WorkflowCatalog.VERIFY)) {
            return true;
        }
        return a.effect() == ActionRule.Effect.ROUTE && WorkflowCatalog.ROUTING_MOVES.contains(a.name());
    }

    public CaseKind kind() {
        return kind;
    }

    /** The moves that create a case (submission), each leading to a first state. */
    public List<ActionRule> entries() {
        return entries;
    }

    public Optional<ActionRule> entry(String name) {
        return entries.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The steps in the order of {@link CaseStatus}. */
    public List<StepRule> steps() {
        return steps.values().stream().sorted((a, b) -> a.status().compareTo(b.status())).toList();
    }

    public Optional<StepRule> step(CaseStatus status) {
        return Optional.ofNullable(steps.get(status));
    }

    /** The first states a submission may lead to. */
    public Set<CaseStatus> initialStates() {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        entries.forEach(e -> out.addAll(e.targets()));
        return out;
    }

    /** Every state (steps and terminal ones) reachable from the entry moves. */
    public Set<CaseStatus> reachable() {
        Set<CaseStatus> seen = EnumSet.noneOf(CaseStatus.class);
        Deque<CaseStatus> todo = new ArrayDeque<>(initialStates());
        while (!todo.isEmpty()) {
            CaseStatus s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            step(s).ifPresent(step -> step.actions().forEach(a -> todo.addAll(a.targets())));
        }
        return seen;
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

    /**
     * The main path: from the first entry move's first state, each step's first move to its first state, until a
     * terminal state (or a state seen before). What "the" route of a case of this kind is, e.g. for a time target.
     */
    public List<StepRule> mainPath() {
        List<StepRule> path = new ArrayList<>();
        if (entries.isEmpty()) {
            return path;
        }
        Set<CaseStatus> seen = EnumSet.noneOf(CaseStatus.class);
        CaseStatus at = entries.get(0).to();
        while (seen.add(at)) {
            StepRule s = steps.get(at);
            if (s == null || s.actions().isEmpty()) {
                break;
            }
            path.add(s);
            at = s.actions().get(0).to();
        }
        return path;
    }

    /**
     * This workflow with some steps replaced: each of {@code replacing} takes the place of the step with the same
     * status (or is added); {@code newEntries}, when not empty, replace the entry moves. The result is checked anew.
     */
    public Workflow withOverrides(List<ActionRule> newEntries, Collection<StepRule> replacing) {
        Map<CaseStatus, StepRule> merged = new LinkedHashMap<>();
        steps().forEach(s -> merged.put(s.status(), s));
        Set<CaseStatus> replaced = EnumSet.noneOf(CaseStatus.class);
        for (StepRule s : replacing) {
            if (!replaced.add(s.status())) {
                throw new IllegalArgumentException("duplicate step " + s.status() + " in " + kind);
            }
            merged.put(s.status(), s);
        }
        return new Workflow(kind, newEntries == null || newEntries.isEmpty() ? entries : newEntries, merged.values());
    }
}
