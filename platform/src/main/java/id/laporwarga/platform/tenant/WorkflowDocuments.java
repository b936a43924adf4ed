package id.laporwarga.platform.tenant;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.Deadline;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.WhoActs;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import id.laporwarga.platform.json.JsonFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code policies.workflows} of a tenant document: per kind, steps (and optionally entry moves) that replace the
 * built-in ones with the same status; the other built-in steps of that kind stay. The result is the kind's whole state
 * machine, checked as a whole (every move leads to a step or a terminal state, every step is reachable, every SYSTEM
 * move is one the platform makes). Every state and move of {@code docs/workflows.md} can be expressed:
 *
 * <pre>
 * "workflows": {
 *   "SERVICE_REQUEST": {"steps": [
 *     {"status": "RT_APPROVAL", "deadline": {"minutes": 10}, "supervisor": "KELURAHAN",
 *      "whoActs": {"role": "RT_HEAD", "scope": "RT"},
 *      "actions": [{"name": "approve", "roles": ["RT_HEAD"], "to": "KELURAHAN_PROCESSING"},
 *                  {"name": "reject", "roles": ["RT_HEAD"], "to": "REJECTED", "noteRequired": true}]},
 *     {"status": "KELURAHAN_PROCESSING", "deadline": {"minutes": 35},
 *      "actions": [{"name": "issue", "roles": ["KECAMATAN"], "to": "KECAMATAN_ISSUED"}]}]},
 *   "COMPLAINT": {"steps": [
 *     {"status": "ROUTED", "deadline": {"hours": 24}, "supervisor": "CITY_ADMIN",
 *      "actions": [{"name": "acknowledge", "roles": ["AGENCY_STAFF"], "to": "ACKNOWLEDGED"},
 *                  {"name": "reroute", "roles": ["CITY_ADMIN"], "to": ["ROUTED", "REFERRED_EXTERNAL"],
 *                   "effect": "ROUTE"}]}]}
 * }
 * </pre>
 * A deadline is one of {@code {"minutes": n}}, {@code {"hours": n}}, {@code {"workingDays": n}}; it is the deadline
 * every move into that step gets (routing included). {@code to} is a state or a list of states (the first is the
 * move's own; the others are outcomes a service may choose, e.g. a referral). An action's {@code effect} is
 * {@code ROUTE}, {@code ATTACH_PHOTO} or {@code ESCALATE} (default none); roles may include {@code CITIZEN} (the
 * reporter) and {@code SYSTEM} (the platform: {@code verify-geotag}, {@code route}/{@code refer}/{@code triage} with
 * effect ROUTE, or the step's deadline action). A step's {@code onDeadline} names the action the system takes when the
 * deadline passes (roles must include {@code SYSTEM}); without it a step with a deadline escalates (marks the case
 * overdue and alerts the {@code supervisor}). {@code whoActs} ({@code role} and {@code scope}: RT, KELURAHAN,
 * KECAMATAN, CITY, ASSIGNED_AGENCY, TRIAGE_DESK, EXTERNAL_INSTITUTION, REPORTER, NONE) defaults to the first role of
 * the actions in its own area. {@code "entry": [{"name": "submit", "roles": ["CITIZEN"], "to": [...]}]} replaces the
 * submission's first states.
 */
public final class WorkflowDocuments {
    private WorkflowDocuments() {
    }

    /** Empty when {@code workflows} is absent; every problem is added to {@code errors}. */
    public static Map<CaseKind, Workflow> parse(JsonFields workflows, SlaPolicy sla, FieldErrors errors) {
        return parse(workflows, sla, IntakePolicy.defaults(), errors);
    }

    /** The overrides on top of the built-in workflows with the tenant's SLA and intake rules. */
    public static Map<CaseKind, Workflow> parse(JsonFields workflows, SlaPolicy sla, IntakePolicy intake,
                                                FieldErrors errors) {
        Map<CaseKind, Workflow> out = new EnumMap<>(CaseKind.class);
        if (workflows == null) {
            return out;
        }
        WorkflowCatalog defaults = WorkflowCatalog.defaults(sla, intake);
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
            List<JsonFields> entries = wf == null ? null : wf.objects("entry");
            if ((steps == null || steps.isEmpty()) && (entries == null || entries.isEmpty())) {
                errors.add(field + ".steps", "minimal satu langkah", "at least one step");
                continue;
            }
            List<StepRule> rules = all(steps, field + ".steps", errors, WorkflowDocuments::step);
            List<ActionRule> entryMoves = all(entries, field + ".entry", errors, WorkflowDocuments::action);
            boolean ok = rules != null && entryMoves != null;
            if (!ok) {
                continue;
            }
            try {
                out.put(kind, defaults.of(kind).withOverrides(entryMoves, rules));
            } catch (IllegalArgumentException e) {
                errors.add(field, "alur tidak konsisten: " + e.getMessage(), "inconsistent workflow: " + e.getMessage());
            }
        }
        return out;
    }

    private interface Parser<T> {
        T parse(JsonFields json, String field, FieldErrors errors);
    }

    /** Every element parsed (empty when absent), or null when one of them had errors. */
    private static <T> List<T> all(List<JsonFields> elements, String field, FieldErrors errors, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; elements != null && i < elements.size(); i++) {
            T parsed = parser.parse(elements.get(i), field + "[" + i + "]", errors);
            ok &= parsed != null;
            if (parsed != null) {
                out.add(parsed);
            }
        }
        return ok ? out : null;
    }

    private static StepRule step(JsonFields s, String field, FieldErrors errors) {
        if (s == null) {
            return null;
        }
        CaseStatus status = status(s.string("status"), field + ".status", errors);
        Deadline deadline = deadline(s.object("deadline"), field + ".deadline", errors);
        WhoActs whoActs = whoActs(s.object("whoActs"), field + ".whoActs", errors);
        Role supervisor = null;
        String sup = s.string("supervisor");
        if (sup != null) {
            supervisor = Role.parse(sup).filter(Role.SIGN_IN_ROLES::contains).orElse(null);
            if (supervisor == null) {
                errors.add(field + ".supervisor", "peran tidak dikenal", "unknown role");
            }
        }
        List<JsonFields> actions = s.objects("actions");
        if (actions == null || actions.isEmpty()) {
            errors.add(field + ".actions", "minimal satu tindakan", "at least one action");
            return null;
        }
        List<ActionRule> rules = all(actions, field + ".actions", errors, WorkflowDocuments::action);
        if (rules == null || status == null || errors.has(field + ".whoActs")) {
            return null;
        }
        try {
            return new StepRule(status, whoActs, deadline, supervisor, rules, s.string("onDeadline"));
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
        List<CaseStatus> targets = targets(a, field + ".to", errors);
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
                errors.add(field + ".effect", "ROUTE, ATTACH_PHOTO atau ESCALATE", "ROUTE, ATTACH_PHOTO or ESCALATE");
            }
        }
        Boolean noteRequired = a.bool("noteRequired");
        if (name == null || targets.isEmpty() || roles.isEmpty() || errors.has(field + ".roles")
                || errors.has(field + ".effect") || errors.has(field + ".name") || errors.has(field + ".to")) {
            return null;
        }
        return new ActionRule(name, roles, targets.get(0), Boolean.TRUE.equals(noteRequired), effect,
                targets.subList(1, targets.size()));
    }

    /** {@code "to": "STATE"} or {@code "to": ["STATE", ...]} (the first is the move's own). */
    private static List<CaseStatus> targets(JsonFields a, String field, FieldErrors errors) {
        List<CaseStatus> out = new ArrayList<>();
        var raw = a.raw("to");
        if (raw != null && raw.isArray()) {
            List<String> names = a.strings("to");
            if (names == null || names.isEmpty()) {
                errors.add(field, "minimal satu status", "at least one status");
                return out;
            }
            for (String n : names) {
                CaseStatus s = status(n, field, errors);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }
        CaseStatus to = status(a.string("to"), field, errors);
        if (to != null) {
            out.add(to);
        }
        return out;
    }

    private static WhoActs whoActs(JsonFields w, String field, FieldErrors errors) {
        if (w == null) {
            return null;
        }
        Role role = Role.parse(w.string("role")).orElse(null);
        if (role == null) {
            errors.add(field + ".role", "peran tidak dikenal", "unknown role");
            return null;
        }
        String scope = w.string("scope");
        if (scope == null) {
            return WhoActs.of(role, WhoActs.defaultScope(role));
        }
        try {
            return WhoActs.of(role, WhoActs.Scope.valueOf(scope.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(field + ".scope", "cakupan tidak dikenal: " + scope, "unknown scope: " + scope);
            return null;
        }
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
