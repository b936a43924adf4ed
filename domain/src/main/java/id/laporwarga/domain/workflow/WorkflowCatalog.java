package id.laporwarga.domain.workflow;

import static id.laporwarga.domain.auth.Role.AGENCY_STAFF;
import static id.laporwarga.domain.auth.Role.CITIZEN;
import static id.laporwarga.domain.auth.Role.CITY_ADMIN;
import static id.laporwarga.domain.auth.Role.KECAMATAN;
import static id.laporwarga.domain.auth.Role.KELURAHAN;
import static id.laporwarga.domain.auth.Role.RT_HEAD;
import static id.laporwarga.domain.auth.Role.SYSTEM;
import static id.laporwarga.domain.report.CaseStatus.ACKNOWLEDGED;
import static id.laporwarga.domain.report.CaseStatus.APPROVED;
import static id.laporwarga.domain.report.CaseStatus.CITY_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.CLOSED;
import static id.laporwarga.domain.report.CaseStatus.IN_PROGRESS;
import static id.laporwarga.domain.report.CaseStatus.KECAMATAN_ISSUED;
import static id.laporwarga.domain.report.CaseStatus.KECAMATAN_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.KELURAHAN_PROCESSING;
import static id.laporwarga.domain.report.CaseStatus.KELURAHAN_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.NEEDS_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.REJECTED;
import static id.laporwarga.domain.report.CaseStatus.REOPENED;
import static id.laporwarga.domain.report.CaseStatus.RESOLVED;
import static id.laporwarga.domain.report.CaseStatus.RETURNED;
import static id.laporwarga.domain.report.CaseStatus.ROUTED;
import static id.laporwarga.domain.report.CaseStatus.RT_APPROVAL;
import static id.laporwarga.domain.report.CaseStatus.TRIAGE;
import static id.laporwarga.domain.report.CaseStatus.VERIFIED;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule.Effect;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflows of one tenant: the built-in defaults (below), each replaceable per kind by the tenant document's
 * {@code policies.workflows}.
 *
 * <pre>
 * COMPLAINT       TRIAGE|NEEDS_REVIEW --forward/reroute--&gt; ROUTED --acknowledge--&gt; ACKNOWLEDGED --start--&gt; IN_PROGRESS
 *                 --resolve--&gt; RESOLVED --confirm (citizen) | close (system, after autoCloseWorkingDays)--&gt; CLOSED
 *                                     \--reopen (citizen, reason)--&gt; REOPENED (agency clock restarts) --&gt; ... RESOLVED
 *                 TRIAGE|NEEDS_REVIEW --reject (not our authority, spam)--&gt; REJECTED
 * RT_ACTIVITY     VERIFIED|NEEDS_REVIEW|KELURAHAN_REVIEW --approve--&gt; KECAMATAN_REVIEW --approve--&gt; CITY_REVIEW
 *                 --approve--&gt; APPROVED; every review: return (to the RT head, note) | reject (note);
 *                 RETURNED --resubmit (RT head)--&gt; KELURAHAN_REVIEW
 * SERVICE_REQUEST RT_APPROVAL --approve (RT head, 15 min)--&gt; KELURAHAN_PROCESSING --issue (30 min)--&gt; KECAMATAN_ISSUED
 * </pre>
 */
public final class WorkflowCatalog {
    /** Review tiers of RT activity reports and the RT head's time to correct a returned report. */
    public static final int REVIEW_WORKING_DAYS = 3;
    public static final int RESUBMIT_WORKING_DAYS = 5;
    /** Portal Emas: RT to kecamatan in 45 minutes. */
    public static final int RT_APPROVAL_MINUTES = 15;
    public static final int KELURAHAN_PROCESSING_MINUTES = 30;

    private final Map<CaseKind, Workflow> workflows;

    private WorkflowCatalog(Map<CaseKind, Workflow> workflows) {
        this.workflows = Map.copyOf(workflows);
    }

    public static WorkflowCatalog defaults(SlaPolicy sla) {
        Map<CaseKind, Workflow> map = new EnumMap<>(CaseKind.class);
        map.put(CaseKind.COMPLAINT, complaint(sla));
        map.put(CaseKind.RT_ACTIVITY, rtActivity());
        map.put(CaseKind.SERVICE_REQUEST, serviceRequest());
        return new WorkflowCatalog(map);
    }

    /** The tenant's defaults (with its SLA) overridden by the workflows of its document. */
    public static WorkflowCatalog forTenant(Tenant tenant) {
        WorkflowCatalog base = defaults(tenant.policies().sla());
        Map<CaseKind, Workflow> overrides = tenant.policies().workflows();
        if (overrides == null || overrides.isEmpty()) {
            return base;
        }
        Map<CaseKind, Workflow> map = new EnumMap<>(base.workflows);
        map.putAll(overrides);
        return new WorkflowCatalog(map);
    }

    public Workflow of(CaseKind kind) {
        return workflows.get(kind);
    }

    /** Every state in which {@code role} can act, over all kinds. */
    public Set<CaseStatus> statusesActionableBy(Role role) {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        workflows.values().forEach(w -> out.addAll(w.statusesActionableBy(role)));
        return out;
    }

    public Set<CaseStatus> statusesWithDeadline() {
        Set<CaseStatus> out = EnumSet.noneOf(CaseStatus.class);
        workflows.values().forEach(w -> out.addAll(w.statusesWithDeadline()));
        return out;
    }

    static Deadline firstResponse(SlaPolicy sla) {
        return sla.firstResponseHours() > 0 ? Deadline.hours(sla.firstResponseHours())
                : Deadline.workingDays(sla.firstResponseWorkingDays());
    }

    static Workflow complaint(SlaPolicy sla) {
        Deadline triage = Deadline.workingDays(sla.triageWorkingDays());
        Deadline response = firstResponse(sla);
        Deadline resolve = Deadline.workingDays(sla.resolveWorkingDays());
        ActionRule forward = ActionRule.of("forward", ROUTED, CITY_ADMIN).withEffect(Effect.ROUTE);
        ActionRule reroute = ActionRule.of("reroute", ROUTED, CITY_ADMIN).withEffect(Effect.ROUTE);
        ActionRule reject = ActionRule.of("reject", REJECTED, CITY_ADMIN).withNoteRequired();
        ActionRule acknowledge = ActionRule.of("acknowledge", ACKNOWLEDGED, AGENCY_STAFF);
        ActionRule start = ActionRule.of("start", IN_PROGRESS, AGENCY_STAFF);
        ActionRule resolveAction = ActionRule.of("resolve", RESOLVED, AGENCY_STAFF).withNoteRequired()
                .withEffect(Effect.ATTACH_PHOTO);
        return new Workflow(CaseKind.COMPLAINT, List.of(
                new StepRule(TRIAGE, triage, CITY_ADMIN, List.of(forward, reroute, reject), null),
                new StepRule(NEEDS_REVIEW, triage, CITY_ADMIN, List.of(forward, reroute, reject), null),
                new StepRule(ROUTED, response, CITY_ADMIN, List.of(acknowledge, reroute), null),
                new StepRule(ACKNOWLEDGED, resolve, CITY_ADMIN, List.of(start, resolveAction, reroute), null),
                new StepRule(IN_PROGRESS, resolve, CITY_ADMIN, List.of(resolveAction, reroute), null),
                new StepRule(RESOLVED, Deadline.workingDays(sla.autoCloseWorkingDays()), null, List.of(
                        ActionRule.of("confirm", CLOSED, CITIZEN),
                        ActionRule.of("reopen", REOPENED, CITIZEN).withNoteRequired(),
                        ActionRule.of("close", CLOSED, SYSTEM)), "close"),
                new StepRule(REOPENED, response, CITY_ADMIN, List.of(start, resolveAction, reroute), null)));
    }

    static Workflow rtActivity() {
        Deadline review = Deadline.workingDays(REVIEW_WORKING_DAYS);
        List<ActionRule> kelurahan = tier(KECAMATAN_REVIEW, KELURAHAN);
        return new Workflow(CaseKind.RT_ACTIVITY, List.of(
                new StepRule(VERIFIED, review, KECAMATAN, kelurahan, null),
                new StepRule(NEEDS_REVIEW, review, KECAMATAN, kelurahan, null),
                new StepRule(KELURAHAN_REVIEW, review, KECAMATAN, kelurahan, null),
                new StepRule(KECAMATAN_REVIEW, review, CITY_ADMIN, tier(CITY_REVIEW, KECAMATAN), null),
                new StepRule(CITY_REVIEW, review, CITY_ADMIN, tier(APPROVED, CITY_ADMIN), null),
                new StepRule(RETURNED, Deadline.workingDays(RESUBMIT_WORKING_DAYS), KELURAHAN,
                        List.of(ActionRule.of("resubmit", KELURAHAN_REVIEW, RT_HEAD)), null)));
    }

    private static List<ActionRule> tier(CaseStatus next, Role reviewer) {
        return List.of(
                ActionRule.of("approve", next, reviewer),
                ActionRule.of("return", RETURNED, reviewer).withNoteRequired(),
                ActionRule.of("reject", REJECTED, reviewer).withNoteRequired());
    }

    static Workflow serviceRequest() {
        return new Workflow(CaseKind.SERVICE_REQUEST, List.of(
                new StepRule(RT_APPROVAL, Deadline.minutes(RT_APPROVAL_MINUTES), KELURAHAN, List.of(
                        ActionRule.of("approve", KELURAHAN_PROCESSING, RT_HEAD),
                        ActionRule.of("reject", REJECTED, RT_HEAD).withNoteRequired()), null),
                new StepRule(KELURAHAN_PROCESSING, Deadline.minutes(KELURAHAN_PROCESSING_MINUTES), KECAMATAN, List.of(
                        ActionRule.of("issue", KECAMATAN_ISSUED, KELURAHAN, KECAMATAN),
                        ActionRule.of("reject", REJECTED, KELURAHAN, KECAMATAN).withNoteRequired()), null)));
    }
}
