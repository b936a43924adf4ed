package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseStatus;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One allowed action in a step: its name ({@code approve}, {@code forward}, ...), the roles that may take it, the
 * state it leads to, whether a note is required, and what else it does.
 */
public record ActionRule(String name, Set<Role> roles, CaseStatus to, boolean noteRequired, Effect effect) {

    public enum Effect {
        /** Only the status move. */
        NONE,
        /**
         * Sends the case to an agency: the category and/or agency may be changed with the action, the assignment is
         * replaced and {@code case.rerouted} is published so route-to-agency alerts the agency.
         */
        ROUTE,
        /** The action may carry one photo (uploaded through a presigned PUT), e.g. the agency's resolution photo. */
        ATTACH_PHOTO
    }

    public ActionRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        effect = effect == null ? Effect.NONE : effect;
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("action " + name + " has no role");
        }
    }

    public static ActionRule of(String name, CaseStatus to, Role... roles) {
        return new ActionRule(name, Set.of(roles), to, false, Effect.NONE);
    }

    public ActionRule withNoteRequired() {
        return new ActionRule(name, roles, to, true, effect);
    }

    public ActionRule withEffect(Effect e) {
        return new ActionRule(name, roles, to, noteRequired, e);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
