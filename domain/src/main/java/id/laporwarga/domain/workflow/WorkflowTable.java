package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogue as human-readable markdown: per kind, one row per move and state it may lead to, with who acts in the
 * state, the roles allowed, the deadline the case gets in the next state and the state's own deadline action. This is
 * what {@code docs/workflows.md} holds (a test keeps the two equal).
 */
public final class WorkflowTable {
    private WorkflowTable() {
    }

    public static String markdown(WorkflowCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        for (Workflow w : catalog.workflows()) {
            sb.append("#### ").append(w.kind()).append("\n\n");
            sb.append("| state | who acts | due there | at that deadline | move | allowed roles | next state "
                    + "| due in next state | notes |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|\n");
            for (ActionRule entry : w.entries()) {
                for (CaseStatus to : entry.targets()) {
                    row(sb, w, "*(new case)*", "the reporter", "—", "—", entry, to);
                }
            }
            for (StepRule s : w.steps()) {
                String atDeadline = s.automaticAction().map(a -> a.effect() == ActionRule.Effect.ESCALATE
                        ? a.name() + " (alert " + (s.supervisor() == null ? Role.CITY_ADMIN : s.supervisor()) + ")"
                        : a.name() + " → " + a.to()).orElse("—");
                for (ActionRule a : s.actions()) {
                    for (CaseStatus to : a.targets()) {
                        row(sb, w, "`" + s.status() + "`", s.whoActs().toString(), deadline(s.deadline()), atDeadline,
                                a, to);
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Workflow w, String state, String whoActs, String due, String atDeadline,
                            ActionRule a, CaseStatus to) {
        boolean stays = a.effect() == ActionRule.Effect.ESCALATE;
        String next = stays ? "(stays, marked overdue)" : "`" + to + "`" + (to.isTerminal() ? " (end)" : "");
        String dueNext = stays ? "unchanged" : deadline(w.step(to).map(StepRule::deadline).orElse(null));
        String roles = a.roles().stream().map(Role::name).collect(Collectors.joining(", "));
        sb.append("| ").append(state).append(" | ").append(whoActs).append(" | ").append(due).append(" | ")
                .append(atDeadline).append(" | `").append(a.name()).append("` | ").append(roles).append(" | ")
                .append(next).append(" | ").append(dueNext).append(" | ").append(notes(a)).append(" |\n");
    }

    private static String deadline(Deadline d) {
        return d == null ? "—" : d.toString();
    }

    private static String notes(ActionRule a) {
        List<String> notes = new ArrayList<>();
        if (a.noteRequired()) {
            notes.add("note required");
        }
        switch (a.effect()) {
            case ROUTE -> notes.add("responsible party from CaseRouter");
            case ATTACH_PHOTO -> notes.add("may attach a photo");
            default -> { }
        }
        if (a.alternatives().size() > 0) {
            notes.add("one of " + a.targets().size() + " outcomes");
        }
        return notes.isEmpty() ? "" : String.join("; ", notes);
    }
}
