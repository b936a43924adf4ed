package id.laporwarga.platform.tenant;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.Deadline;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.platform.json.JsonFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code policies.workflows} of a tenant document: per kind, a complete replacement of the built-in workflow.
 *
 * <pre>
 * "workflows": {
 *   "SERVICE_REQUEST": {"steps": [
 *     {"status": "RT_APPROVAL", "deadline": {"minutes": 10}, "supervisor": "KELURAHAN",
 *      "actions": [{"name": "approve", "roles": ["RT_HEAD"], "to": "KELURAHAN_PROCESSING"},
 *                  {"name": "reject", "roles": ["RT_HEAD"], "to": "REJECTED", "noteRequired": true}]},
 *     {"status": "KELURAHAN_PROCESSING", "deadline": {"minutes": 35},
 *      "actions": [{"name": "issue", "roles": ["KECAMATAN"], "to": "KECAMATAN_ISSUED"}]}]}
 * }
 * </pre>
 * A deadline is one of {@code {"minutes": n}}, {@code {"hours": n}}, {@code {"workingDays": n}}. An action's
 * {@code effect} is {@code ROUTE} or {@code ATTACH_PHOTO} (default none); a step's {@code onDeadline} names an action
 * the system takes by itself when the deadline passes (its roles must include {@code SYSTEM}).
 */
public final class WorkflowDocuments {
    private WorkflowDocuments() {
    }

    /** Empty when {@code workflows} is absent; every problem is added to {@code errors}. */
    public static Map<CaseKind, Workflow> parse(JsonFields workflows, FieldErrors errors) {
        Map<CaseKind, Workflow> out = new EnumMap<>(CaseKind.class);
        if (workflows == null) {
            return out;
        }
        for (var entry : workflows.node().entries()) {
            String field = "policies.workflows." + entry.getKey();
            CaseKind kind;
            try {
                kind = CaseKind.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                errors.add(field, "jenis tidak dikenal (COMPLAINT, RT_ACTIVITY, SERVICE_REQUEST)",
                        "unknown kind (COMPLAINT, RT_ACTIVITY, SERVICE_REQUEST)");
                continue;
            }
            JsonFields wf = workflows.object(entry.getKey());
            List<JsonFields> steps = wf == null ? null : wf.objects("steps");
            if (steps == null || steps.isEmpty()) {
                errors.add(field + ".steps", "minimal satu langkah", "at least one step");
                continue;
            }
            List<StepRule> rules = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < steps.size(); i++) {
                StepRule rule = step(steps.get(i), field + ".steps[" + i + "]", errors);
                ok &= rule != null;
                if (rule != null) {
                    rules.add(rule);
                }
            }
            if (!ok) {
                continue;
            }
            try {
                out.put(kind, new Workflow(kind, rules));
            } catch (IllegalArgumentException e) {
                errors.add(field, "alur tidak konsisten: " + e.getMessage(), "inconsistent workflow: " + e.getMessage());
            }
        }
        return out;
    }

    private static StepRule step(JsonFields s, String field, FieldErrors errors) {
        if (s == null) {
            return null;
        }
        CaseStatus status = status(s.string("status"), field + ".status", errors);
        Deadline deadline = deadline(s.object("deadline"), field + ".deadline", errors);
        Role supervisor = null;
        String sup = s.string("supervisor");
        if (sup != null) {
            supervisor = Role.parse(sup).filter(Role.SIGN_IN_ROLES::contains).orElse(null);
            if (supervisor == null) {
                errors.add(field + ".supervisor", "peran tidak dikenal", "unknown role");
            }
        }
        List<JsonFields> actions = s.objects("actions");
        List<ActionRule> rules = new ArrayList<>();
        if (actions == null || actions.isEmpty()) {
            errors.add(field + ".actions", "minimal satu tindakan", "at least one action");
            return null;
        }
        boolean ok = status != null;
        for (int i = 0; i < actions.size(); i++) {
            ActionRule a = action(actions.get(i), field + ".actions[" + i + "]", errors);
            ok &= a != null;
            if (a != null) {
                rules.add(a);
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return new StepRule(status, deadline, supervisor, rules, s.string("onDeadline"));
        } catch (IllegalArgumentException e) {
            errors.add(field, "langkah tidak valid: " + e.getMessage(), "invalid step: " + e.getMessage());
            return null;
        }
    }

    private static ActionRule action(JsonFields a, String field, FieldErrors errors) {
        if (a == null) {
            return null;
        }
        String name = a.string("name");
        if (name == null || !name.matches("[a-z][a-zA-Z_-]{1,39}")) {
            errors.add(field + ".name", "wajib diisi (huruf kecil, 2-40 karakter)", "required (lower case, 2-40 chars)");
        }
        CaseStatus to = status(a.string("to"), field + ".to", errors);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> roleNames = a.strings("roles");
        if (roleNames == null || roleNames.isEmpty()) {
            errors.add(field + ".roles", "minimal satu peran", "at least one role");
        } else {
            for (String r : roleNames) {
                Role.parse(r).ifPresentOrElse(roles::add,
                        () -> errors.add(field + ".roles", "peran tidak dikenal: " + r, "unknown role: " + r));
            }
        }
        ActionRule.Effect effect = ActionRule.Effect.NONE;
        String effectName = a.string("effect");
        if (effectName != null) {
            try {
                effect = ActionRule.Effect.valueOf(effectName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(field + ".effect", "ROUTE atau ATTACH_PHOTO", "ROUTE or ATTACH_PHOTO");
            }
        }
        Boolean noteRequired = a.bool("noteRequired");
        if (name == null || to == null || roles.isEmpty() || errors.has(field + ".roles") || errors.has(field + ".effect")
                || errors.has(field + ".name")) {
            return null;
        }
        return new ActionRule(name, roles, to, Boolean.TRUE.equals(noteRequired), effect);
    }

    private static CaseStatus status(String value, String field, FieldErrors errors) {
        if (value == null) {
            errors.required(field);
            return null;
        }
        try {
            return CaseStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "status tidak dikenal: " + value, "unknown status: " + value);
            return null;
        }
    }

    private static Deadline deadline(JsonFields d, String field, FieldErrors errors) {
        if (d == null) {
            return null;
        }
        Long minutes = d.integer("minutes");
        Long hours = d.integer("hours");
        Long days = d.integer("workingDays");
        int given = (minutes != null ? 1 : 0) + (hours != null ? 1 : 0) + (days != null ? 1 : 0);
        if (given != 1) {
            errors.add(field, "tepat satu dari minutes, hours, workingDays", "exactly one of minutes, hours, workingDays");
            return null;
        }
        long amount = minutes != null ? minutes : hours != null ? hours : days;
        if (amount <= 0 || amount > 100_000) {
            errors.add(field, "harus bilangan bulat positif", "must be a positive integer");
            return null;
        }
        return minutes != null ? Deadline.minutes(amount) : hours != null ? Deadline.hours(amount)
                : Deadline.workingDays(amount);
    }
}
