package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One move of a step: its name ({@code approve}, {@code forward}, {@code route}, ...), the roles that may make it
 * ({@link Role#SYSTEM} for the platform's own moves, {@link Role#CITIZEN} for the reporter), the state it leads to,
 * whether a note is required, and what else it does.
 *
 * <p>Most moves lead to one state ({@code to}). A move whose outcome a service decides lists the other states it may
 * lead to in {@code alternatives}: the photo check ({@code verify-geotag}: VERIFIED, NEEDS_REVIEW or REJECTED), an
 * official's forward to an agency that may be an external institution (ROUTED or REFERRED_EXTERNAL), a submission
 * with or without photos. The transition path refuses any other state.
 */
public record ActionRule(String name, Set<Role> roles, CaseStatus to, boolean noteRequired, Effect effect,
                         List<CaseStatus> alternatives) {

    public enum Effect {
        /** Only the status move. */
        NONE,
        /**
         * Sends the case to whoever is responsible ({@code CaseRouter}): the category and/or agency may be changed with
         * an official's action, the assignment is replaced and {@code case.rerouted} is published so route-to-agency
         * alerts the agency. The system's {@code route}, {@code refer} and {@code triage} moves have it too.
         */
        ROUTE,
        /** The action may carry one photo (uploaded through a presigned PUT), e.g. the agency's resolution photo. */
        ATTACH_PHOTO,
        /**
         * The deadline action of a step nobody acted on in time: the state stays, the case is marked overdue and the
         * step's supervisor is alerted. No history entry (history records moves between states).
         */
        ESCALATE
    }

    public ActionRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("action " + name + " has no role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles)); // enum order: stable rendering
        effect = effect == null ? Effect.NONE : effect;
        List<CaseStatus> others = new ArrayList<>();
        if (alternatives != null) {
            for (CaseStatus s : alternatives) {
                if (s != null && s != to && !others.contains(s)) {
                    others.add(s);
                }
            }
        }
        alternatives = List.copyOf(others);
    }

    /** A move leading to {@code to} only. */
    public ActionRule(String name, Set<Role> roles, CaseStatus to, boolean noteRequired, Effect effect) {
        this(name, roles, to, noteRequired, effect, List.of());
    }

    public static ActionRule of(String name, CaseStatus to, Role... roles) {
        return new ActionRule(name, Set.of(roles), to, false, Effect.NONE);
    }

    public ActionRule withNoteRequired() {
        return new ActionRule(name, roles, to, true, effect, alternatives);
    }

    public ActionRule withEffect(Effect e) {
        return new ActionRule(name, roles, to, noteRequired, e, alternatives);
    }

    /** The same move, allowed to {@code role} as well. */
    public ActionRule alsoBy(Role role) {
        Set<Role> all = EnumSet.copyOf(roles);
        all.add(role);
        return new ActionRule(name, all, to, noteRequired, effect, alternatives);
    }

    /** The same move, which may also lead to {@code others} (the service decides which). */
    public ActionRule orTo(CaseStatus... others) {
        List<CaseStatus> all = new ArrayList<>(alternatives);
        all.addAll(List.of(others));
        return new ActionRule(name, roles, to, noteRequired, effect, all);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    /** Every state this move may lead to, {@code to} first. */
    public List<CaseStatus> targets() {
        List<CaseStatus> all = new ArrayList<>(alternatives.size() + 1);
        all.add(to);
        all.addAll(alternatives);
        return List.copyOf(all);
    }

    public boolean leadsTo(CaseStatus status) {
        return to == status || alternatives.contains(status);
    }

    /** Only the platform makes this move. */
    public boolean systemOnly() {
        return roles.size() == 1 && roles.contains(Role.SYSTEM);
    }
}
