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
import static id.laporwarga.domain.report.CaseStatus.AWAITING_PHOTOS;
import static id.laporwarga.domain.report.CaseStatus.CITY_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.CLOSED;
import static id.laporwarga.domain.report.CaseStatus.IN_PROGRESS;
import static id.laporwarga.domain.report.CaseStatus.KECAMATAN_ISSUED;
import static id.laporwarga.domain.report.CaseStatus.KECAMATAN_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.KELURAHAN_PROCESSING;
import static id.laporwarga.domain.report.CaseStatus.KELURAHAN_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.MERGED;
import static id.laporwarga.domain.report.CaseStatus.NEEDS_INFO;
import static id.laporwarga.domain.report.CaseStatus.NEEDS_REVIEW;
import static id.laporwarga.domain.report.CaseStatus.REFERRED_EXTERNAL;
import static id.laporwarga.domain.report.CaseStatus.REJECTED;
import static id.laporwarga.domain.report.CaseStatus.REOPENED;
import static id.laporwarga.domain.report.CaseStatus.RESOLVED;
import static id.laporwarga.domain.report.CaseStatus.RETURNED;
import static id.laporwarga.domain.report.CaseStatus.ROUTED;
import static id.laporwarga.domain.report.CaseStatus.RT_APPROVAL;
import static id.laporwarga.domain.report.CaseStatus.TRIAGE;
import static id.laporwarga.domain.report.CaseStatus.VERIFIED;
import static id.laporwarga.domain.workflow.WhoActs.Scope.ASSIGNED_AGENCY;
import static id.laporwarga.domain.workflow.WhoActs.Scope.CITY;
import static id.laporwarga.domain.workflow.WhoActs.Scope.REPORTER;
import static id.laporwarga.domain.workflow.WhoActs.Scope.RT;
import static id.laporwarga.domain.workflow.WhoActs.Scope.TRIAGE_DESK;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule.Effect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of every kind of case: the only place that says which moves exist, who may make them (officials'
 * roles, the reporter, and {@link Role#SYSTEM} for the platform's own moves), and when each step is due. Built-in
 * defaults (below, parameterised by the tenant's SLA), each step replaceable per kind by the tenant document's
 * {@code policies.workflows}. {@code docs/workflows.md} shows it as tables (generated, checked by a test).
 *
 * <pre>
 * COMPLAINT       submit --&gt; AWAITING_PHOTOS --verify-geotag--&gt; VERIFIED | NEEDS_REVIEW | REJECTED
 *                 submit (no photo: aspirasi, requests for information, reports without a place) --&gt; TRIAGE
 *                 VERIFIED --route--&gt; ROUTED | --refer--&gt; REFERRED_EXTERNAL | --triage--&gt; TRIAGE  (system, CaseRouter;
 *                 a triage-first tenant lists only triage)
 *                 TRIAGE|NEEDS_REVIEW --forward/reroute--&gt; ROUTED | REFERRED_EXTERNAL; --reject--&gt; REJECTED;
 *                 --answer--&gt; RESOLVED (the desk answers itself); --ask--&gt; NEEDS_INFO (a question to the reporter);
 *                 --merge--&gt; MERGED (a duplicate joins an open master case as its supporter)
 *                 NEEDS_INFO --reply (reporter)--&gt; TRIAGE (the paused deadline resumes) | --close (unanswered)--&gt; CLOSED
 *                 ROUTED|ACKNOWLEDGED|IN_PROGRESS|REOPENED --handback ("bukan wewenang", agency, reason)--&gt; TRIAGE
 *                 ROUTED --acknowledge--&gt; ACKNOWLEDGED --start--&gt; IN_PROGRESS --resolve--&gt; RESOLVED
 *                 RESOLVED --confirm (citizen) | close (system, at the deadline)--&gt; CLOSED
 *                          --reopen (citizen, reason)--&gt; REOPENED (agency clock restarts) --&gt; ... RESOLVED
 * RT_ACTIVITY     submit --&gt; AWAITING_PHOTOS --verify-geotag--&gt; VERIFIED --route--&gt; KELURAHAN_REVIEW --approve--&gt;
 *                 KECAMATAN_REVIEW --approve--&gt; CITY_REVIEW --approve--&gt; APPROVED; every review: return (to the RT
 *                 head, note) | reject (note); RETURNED --resubmit (RT head)--&gt; KELURAHAN_REVIEW;
 *                 no known kelurahan: VERIFIED --triage--&gt; TRIAGE (the city reviews it)
 * SERVICE_REQUEST submit --&gt; RT_APPROVAL (no photo) | AWAITING_PHOTOS --verify-geotag--&gt; VERIFIED --route--&gt;
 *                 RT_APPROVAL --approve (RT head, 15 min)--&gt; KELURAHAN_PROCESSING --issue (30 min)--&gt; KECAMATAN_ISSUED
 * </pre>
 * Every step with a deadline has a deadline action: {@code close} of a resolved complaint, {@code expire} of a report
 * still waiting for its photos, {@code route} of a case still waiting for routing (the sweeper: the platform's own steps
 * are transient), otherwise {@code escalate}.
 */
public final class WorkflowCatalog {
    /** Review tiers of RT activity reports and the RT head's time to correct a returned report. */
    public static final int REVIEW_WORKING_DAYS = 3;
    public static final int RESUBMIT_WORKING_DAYS = 5;
    /** Portal Emas: RT to kecamatan in 45 minutes. */
    public static final int RT_APPROVAL_MINUTES = 15;
    public static final int KELURAHAN_PROCESSING_MINUTES = 30;

    /** The reporter's submission (entry move). */
    public static final String SUBMIT = "submit";
    /** The platform's photo check: VERIFIED, NEEDS_REVIEW or REJECTED (verify-geotag). */
    public static final String VERIFY = "verify-geotag";
    /** The platform's routing moves (route-to-agency; which one is {@code CaseRouter}'s decision). */
    public static final String ROUTE = "route";
    public static final String REFER = "refer";
    public static final String TRIAGE_MOVE = "triage";
    public static final Set<String> ROUTING_MOVES = Set.of(ROUTE, REFER, TRIAGE_MOVE);
    /** The default deadline action: mark overdue and alert the step's supervisor. */
    public static final String ESCALATE = "escalate";
    /** The automatic close of a resolved complaint the reporter did not answer (and of an unanswered question). */
    public static final String CLOSE = "close";
    /** The agency's "bukan wewenang": the case goes back to the triage desk with the reason. */
    public static final String HANDBACK = "handback";
    /** The triage desk's question to the reporter (the case waits in NEEDS_INFO, the clock paused). */
    public static final String ASK = "ask";
    /** The reporter's answer to the question (with the reporter secret): back to the triage desk. */
    public static final String REPLY = "reply";
    /** The triage desk merges a duplicate into an open master case (the reporter follows the master, "me too"). */
    public static final String MERGE = "merge";
    /** The triage desk answers the report itself (a request for information, a suggestion). */
    public static final String ANSWER = "answer";
    /** The automatic end of a report whose photos never arrived (the sweeper; {@code AWAITING_PHOTOS}'s deadline). */
    public static final String EXPIRE = "expire";
    /**
     * How long a report may wait for its photos: the presigned upload links last 15 minutes, the photo check retries
     * a failing notification for about 9 minutes (3 receives x 180 s) before it is dead-lettered; the rest leaves
     * operators time to replay a dead letter. Then the sweeper ends the report ({@value #EXPIRE}).
     */
    public static final int PHOTO_UPLOAD_HOURS = 2;
    /**
     * How long a verified case may wait for route-to-agency (which routes it within seconds): past it, the sweeper
     * routes the case itself (the step's deadline action is the {@value #ROUTE} move).
     */
    public static final int ROUTING_MINUTES = 15;

    private final Map<CaseKind, Workflow> workflows;

    private WorkflowCatalog(Map<CaseKind, Workflow> workflows) {
        this.workflows = Map.copyOf(workflows);
    }

    public static WorkflowCatalog defaults(SlaPolicy sla) {
        return defaults(sla, IntakePolicy.defaults());
    }

    /** The built-in workflows with the tenant's SLA and intake rules (triage first, days to answer a question). */
    public static WorkflowCatalog defaults(SlaPolicy sla, IntakePolicy intake) {
        Map<CaseKind, Workflow> map = new EnumMap<>(CaseKind.class);
        map.put(CaseKind.COMPLAINT, complaint(sla, intake));
        map.put(CaseKind.RT_ACTIVITY, rtActivity(sla));
        map.put(CaseKind.SERVICE_REQUEST, serviceRequest());
        return new WorkflowCatalog(map);
    }

    /** The tenant's defaults (with its SLA), with the kinds its document overrides replaced. */
    public static WorkflowCatalog forTenant(Tenant tenant) {
        WorkflowCatalog base = defaults(tenant.policies().sla(), tenant.policies().intake());
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

    /** Every workflow, in the order of {@link CaseKind}. */
    public List<Workflow> workflows() {
        List<Workflow> out = new ArrayList<>();
        for (CaseKind k : CaseKind.values()) {
            if (workflows.containsKey(k)) {
                out.add(workflows.get(k));
            }
        }
        return out;
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

    /**
     * The agency's first response, from the tenant's SLA: plain hours when {@code firstResponseHours > 0} (SIKeMas:
     * 2x24 h), otherwise {@code firstResponseWorkingDays} working days (LAPOR!: 5).
     */
    public static Deadline firstResponse(SlaPolicy sla) {
        return sla.firstResponseHours() > 0 ? Deadline.hours(sla.firstResponseHours())
                : Deadline.workingDays(Math.max(1, sla.firstResponseWorkingDays()));
    }

    private static ActionRule submit(CaseStatus first, CaseStatus... others) {
        return ActionRule.of(SUBMIT, first, CITIZEN).orTo(others);
    }

    /** The photo check's step; its deadline action ends a report whose photos never arrived. */
    private static StepRule awaitingPhotos() {
        return new StepRule(AWAITING_PHOTOS, WhoActs.system(), Deadline.hours(PHOTO_UPLOAD_HOURS), null,
                List.of(ActionRule.of(VERIFY, VERIFIED, SYSTEM).orTo(NEEDS_REVIEW, REJECTED),
                        ActionRule.of(EXPIRE, REJECTED, SYSTEM)), EXPIRE);
    }

    /** The platform's routing step; its deadline action routes a case whose {@code case.verified} was never handled. */
    private static StepRule verified(List<ActionRule> routingMoves) {
        // triage first: the only move (and so the deadline action) sends the case to the triage desk
        return new StepRule(VERIFIED, WhoActs.system(), Deadline.minutes(ROUTING_MINUTES), null, routingMoves,
                routingMoves.get(0).name());
    }

    private static ActionRule routing(String name, CaseStatus to) {
        return ActionRule.of(name, to, SYSTEM).withEffect(Effect.ROUTE);
    }

    static Workflow complaint(SlaPolicy sla) {
        return complaint(sla, IntakePolicy.defaults());
    }

    static Workflow complaint(SlaPolicy sla, IntakePolicy intake) {
        Deadline triage = Deadline.workingDays(Math.max(1, sla.triageWorkingDays()));
        Deadline response = firstResponse(sla);
        Deadline resolve = Deadline.workingDays(Math.max(1, sla.resolveWorkingDays()));
        List<ActionRule> system = List.of(routing(ROUTE, ROUTED), routing(REFER, REFERRED_EXTERNAL),
                routing(TRIAGE_MOVE, TRIAGE));
        // triage first (LAPOR!): a verified report goes to the desk, which forwards it
        List<ActionRule> verified = intake.triageFirst() ? List.of(routing(TRIAGE_MOVE, TRIAGE)) : system;
        ActionRule forward = ActionRule.of("forward", ROUTED, CITY_ADMIN).withEffect(Effect.ROUTE)
                .orTo(REFERRED_EXTERNAL);
        ActionRule reroute = ActionRule.of("reroute", ROUTED, CITY_ADMIN).withEffect(Effect.ROUTE)
                .orTo(REFERRED_EXTERNAL);
        ActionRule reject = ActionRule.of("reject", REJECTED, CITY_ADMIN).withNoteRequired();
        ActionRule answer = ActionRule.of(ANSWER, RESOLVED, CITY_ADMIN).withNoteRequired();
        ActionRule ask = ActionRule.of(ASK, NEEDS_INFO, CITY_ADMIN).withNoteRequired();
        ActionRule merge = ActionRule.of(MERGE, MERGED, CITY_ADMIN);
        List<ActionRule> triageDesk = new ArrayList<>(List.of(forward, reroute, reject, answer, ask, merge));
        triageDesk.addAll(system);
        // a TRIAGE case is assigned to the desk (policies.triageAgencyId): its staff see it and act on it as well
        List<ActionRule> deskStaff = new ArrayList<>(List.of(forward.alsoBy(AGENCY_STAFF), reroute.alsoBy(AGENCY_STAFF),
                reject.alsoBy(AGENCY_STAFF), answer.alsoBy(AGENCY_STAFF), ask.alsoBy(AGENCY_STAFF),
                merge.alsoBy(AGENCY_STAFF)));
        deskStaff.addAll(system);
        ActionRule acknowledge = ActionRule.of("acknowledge", ACKNOWLEDGED, AGENCY_STAFF);
        ActionRule start = ActionRule.of("start", IN_PROGRESS, AGENCY_STAFF);
        ActionRule resolveAction = ActionRule.of("resolve", RESOLVED, AGENCY_STAFF).withNoteRequired()
                .withEffect(Effect.ATTACH_PHOTO);
        ActionRule handback = ActionRule.of(HANDBACK, TRIAGE, AGENCY_STAFF).withNoteRequired();
        WhoActs desk = WhoActs.of(CITY_ADMIN, TRIAGE_DESK);
        WhoActs agency = WhoActs.of(AGENCY_STAFF, ASSIGNED_AGENCY);
        return new Workflow(CaseKind.COMPLAINT, List.of(submit(AWAITING_PHOTOS, TRIAGE)), List.of(
                awaitingPhotos(),
                verified(verified),
                new StepRule(NEEDS_REVIEW, desk, triage, CITY_ADMIN, triageDesk, null),
                new StepRule(TRIAGE, WhoActs.of(AGENCY_STAFF, TRIAGE_DESK), triage, CITY_ADMIN, deskStaff, null),
                new StepRule(NEEDS_INFO, WhoActs.of(CITIZEN, REPORTER), Deadline.workingDays(intake.needsInfoWorkingDays()),
                        null, List.of(ActionRule.of(REPLY, TRIAGE, CITIZEN).withNoteRequired(),
                        ActionRule.of(CLOSE, CLOSED, SYSTEM)), CLOSE),
                new StepRule(ROUTED, agency, response, CITY_ADMIN, List.of(acknowledge, reroute, handback), null),
                new StepRule(ACKNOWLEDGED, agency, resolve, CITY_ADMIN,
                        List.of(start, resolveAction, reroute, handback), null),
                new StepRule(IN_PROGRESS, agency, resolve, CITY_ADMIN, List.of(resolveAction, reroute, handback), null),
                new StepRule(RESOLVED, WhoActs.of(CITIZEN, REPORTER),
                        Deadline.workingDays(Math.max(1, sla.autoCloseWorkingDays())), null, List.of(
                        ActionRule.of("confirm", CLOSED, CITIZEN),
                        ActionRule.of("reopen", REOPENED, CITIZEN).withNoteRequired(),
                        ActionRule.of(CLOSE, CLOSED, SYSTEM)), CLOSE),
                new StepRule(REOPENED, agency, response, CITY_ADMIN,
                        List.of(start, resolveAction, reroute, handback), null)));
    }

    static Workflow rtActivity(SlaPolicy sla) {
        Deadline review = Deadline.workingDays(REVIEW_WORKING_DAYS);
        List<ActionRule> system = List.of(routing(ROUTE, KELURAHAN_REVIEW), routing(TRIAGE_MOVE, TRIAGE));
        List<ActionRule> needsReview = new ArrayList<>(tier(KECAMATAN_REVIEW, KELURAHAN));
        needsReview.addAll(system);
        return new Workflow(CaseKind.RT_ACTIVITY, List.of(submit(AWAITING_PHOTOS)), List.of(
                awaitingPhotos(),
                verified(system),
                new StepRule(NEEDS_REVIEW, null, review, KECAMATAN, needsReview, null),
                // no known kelurahan: the city reviews it in place of the missing tiers
                new StepRule(TRIAGE, WhoActs.of(CITY_ADMIN, TRIAGE_DESK),
                        Deadline.workingDays(Math.max(1, sla.triageWorkingDays())), CITY_ADMIN,
                        tier(APPROVED, CITY_ADMIN), null),
                new StepRule(KELURAHAN_REVIEW, null, review, KECAMATAN, tier(KECAMATAN_REVIEW, KELURAHAN), null),
                new StepRule(KECAMATAN_REVIEW, null, review, CITY_ADMIN, tier(CITY_REVIEW, KECAMATAN), null),
                new StepRule(CITY_REVIEW, WhoActs.of(CITY_ADMIN, CITY), review, CITY_ADMIN, tier(APPROVED, CITY_ADMIN),
                        null),
                new StepRule(RETURNED, null, Deadline.workingDays(RESUBMIT_WORKING_DAYS), KELURAHAN,
                        List.of(ActionRule.of("resubmit", KELURAHAN_REVIEW, RT_HEAD)), null)));
    }

    private static List<ActionRule> tier(CaseStatus next, Role reviewer) {
        return List.of(
                ActionRule.of("approve", next, reviewer),
                ActionRule.of("return", RETURNED, reviewer).withNoteRequired(),
                ActionRule.of("reject", REJECTED, reviewer).withNoteRequired());
    }

    static Workflow serviceRequest() {
        Deadline rt = Deadline.minutes(RT_APPROVAL_MINUTES);
        List<ActionRule> rtMoves = List.of(
                ActionRule.of("approve", KELURAHAN_PROCESSING, RT_HEAD),
                ActionRule.of("reject", REJECTED, RT_HEAD).withNoteRequired());
        List<ActionRule> needsReview = new ArrayList<>(rtMoves);
        needsReview.add(routing(ROUTE, RT_APPROVAL));
        return new Workflow(CaseKind.SERVICE_REQUEST, List.of(submit(RT_APPROVAL, AWAITING_PHOTOS)), List.of(
                awaitingPhotos(),
                // a service request's first step is its RT, photo or not: never the complaint triage desk
                verified(List.of(routing(ROUTE, RT_APPROVAL))),
                new StepRule(NEEDS_REVIEW, WhoActs.of(RT_HEAD, RT), rt, KELURAHAN, needsReview, null),
                new StepRule(RT_APPROVAL, WhoActs.of(RT_HEAD, RT), rt, KELURAHAN, rtMoves, null),
                new StepRule(KELURAHAN_PROCESSING, null, Deadline.minutes(KELURAHAN_PROCESSING_MINUTES), KECAMATAN,
                        List.of(ActionRule.of("issue", KECAMATAN_ISSUED, KELURAHAN, KECAMATAN),
                                ActionRule.of("reject", REJECTED, KELURAHAN, KECAMATAN).withNoteRequired()), null)));
    }
}
