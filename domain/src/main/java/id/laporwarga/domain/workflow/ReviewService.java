package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.intake.Intake;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.outbox.OutboxEvents;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.domain.report.ReportValidator;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Moves cases through their tenant's workflow ({@link StateMachine}): officials' actions (role + area + workflow +
 * optimistic version), the reporter's confirm/reopen (proved by the submission secret), and the scheduled deadline
 * actions of overdue steps. Every move appends one history entry; history is never edited. Every move is written with
 * its event (and the reporter's notice, the supervisor's alert) in one transaction: the outbox relay publishes them.
 */
public final class ReviewService {
    public static final int MAX_NOTE = 2000;
    public static final Set<String> REJECT_REASONS = Set.of("NOT_OUR_AUTHORITY", "SPAM", "DUPLICATE");

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final PhotoUploads uploads;
    private final Clock clock;
    private final ReporterSecrets secrets;
    private final CaseRouter router = new CaseRouter();

    public ReviewService(CaseRepository cases, TenantCatalog tenants, PhotoUploads uploads, Clock clock,
                         ReporterSecrets secrets) {
        this.cases = cases;
        this.tenants = tenants;
        this.uploads = uploads;
        this.clock = clock;
        this.secrets = secrets;
    }

    /**
     * The stored case after the action, the upload link when the action accepted a photo, and the transition's
     * event.
     */
    public record Outcome(ReportCase reportCase, ActionRule action, PhotoUploads.UploadTicket upload,
                          TransitionEvent event) {
        public Outcome(ReportCase reportCase, ActionRule action, PhotoUploads.UploadTicket upload) {
            this(reportCase, action, upload, null);
        }
    }

    /** A case an official may see (404 if unknown, 403 if outside the caller's tenant, role or area). */
    public ReportCase view(Caller caller, String caseId) {
        ReportCase c = cases.findById(caseId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        AccessPolicy.requireSee(caller, c);
        return c;
    }

    public Tenant tenantOf(ReportCase c) {
        return tenants.find(c.tenantId()).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
    }

    /** The actions {@code role} may take on {@code c} now (empty when none or when the caller cannot see it). */
    public List<ActionRule> availableActions(Caller caller, ReportCase c) {
        if (!AccessPolicy.canSee(caller, c)) {
            return List.of();
        }
        return StateMachine.forTenant(tenantOf(c)).step(c).map(s -> s.actionsFor(caller.role())).orElse(List.of());
    }

    public Outcome act(Caller caller, String caseId, ActionCommand command) {
        FieldErrors errors = new FieldErrors();
        if (command.action() == null || command.action().isBlank()) {
            errors.required("action");
        }
        if (command.expectedVersion() == null) {
            errors.required("expectedVersion");
        }
        checkNote(command.note(), errors);
        errors.throwIfAny();

        ReportCase c = view(caller, caseId);
        if (c.version() != command.expectedVersion()) {
            throw new DomainException(ErrorCode.VERSION_CONFLICT);
        }
        Tenant tenant = tenantOf(c);
        StateMachine machine = StateMachine.forTenant(tenant);
        ActionRule rule = machine.move(c, command.action(), caller.role());
        return apply(tenant, machine, c, rule, command, caller.subject(), caller.role());
    }

    /** The reporter confirms ({@code confirm}) or disputes ({@code reopen}, with a reason) a resolved complaint. */
    public Outcome actAsCitizen(String trackingCode, String secret, String action, String note) {
        FieldErrors errors = new FieldErrors();
        if (secret == null || secret.isBlank()) {
            errors.required("secret");
        }
        checkNote(note, errors);
        errors.throwIfAny();
        ReportCase c = cases.findByTrackingCode(trackingCode).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND));
        if (!secrets.matches(secret, c.citizenSecretHash())) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Kode rahasia tidak cocok dengan laporan ini.", "The secret does not match this report."));
        }
        Tenant tenant = tenantOf(c);
        StateMachine machine = StateMachine.forTenant(tenant);
        ActionRule rule = machine.move(c, action, Role.CITIZEN);
        return apply(tenant, machine, c, rule, new ActionCommand(action, note, c.version(), null, null, null, null, null),
                "reporter", Role.CITIZEN);
    }


    private Outcome apply(Tenant tenant, StateMachine machine, ReportCase c, ActionRule rule, ActionCommand command,
                          String actorId, Role role) {
        if (rule.noteRequired() && (command.note() == null || command.note().isBlank())) {
            throw DomainException.validation(Map.of("note", LocalizedText.of(
                    "wajib diisi untuk tindakan ini", "is required for this action")));
        }
        Instant now = clock.instant();
        CaseStatus to = rule.to();
        StateMachine.Amendment amendment = StateMachine.Amendment.NONE;
        String note = command.note();
        if (rule.effect() == ActionRule.Effect.ROUTE) {
            Routed routed = route(tenant, c, rule, command);
            to = routed.to();
            amendment = (b, deadlineAt) -> {
                b.category(routed.category());
                if (routed.responsible().agencyId() != null) {
                    b.assignment(new Assignment(routed.responsible().agencyId(), routed.responsible().agencyName(),
                            routed.responsible().external(), now, deadlineAt, List.of()));
                }
            };
        }
        if (WorkflowCatalog.MERGE.equals(rule.name())) {
            ReportCase master = addSupporter(c, command.masterCaseId(), now);
            Intake merged = c.intakeOrLegacy().mergedInto(master.caseId());
            amendment = (b, deadlineAt) -> b.intake(merged);
        } else if (amendment == StateMachine.Amendment.NONE) {
            amendment = clockAmendment(tenant, c, rule, now);
        }
        if ("reject".equals(rule.name()) && command.reason() != null) {
            String reason = command.reason().toUpperCase(Locale.ROOT);
            if (!REJECT_REASONS.contains(reason)) {
                throw DomainException.validation(Map.of("reason", LocalizedText.of(
                        "salah satu dari " + REJECT_REASONS, "one of " + REJECT_REASONS)));
            }
            note = "[" + reason + "] " + note;
        }
        Photo attachment = null;
        if (command.photoContentType() != null || command.photoSizeBytes() != null) {
            if (rule.effect() != ActionRule.Effect.ATTACH_PHOTO) {
                throw DomainException.validation(Map.of("photo", LocalizedText.of(
                        "tindakan ini tidak menerima foto", "this action takes no photo")));
            }
            attachment = attachmentPhoto(c, command);
        }
        Transition t = machine.apply(c, rule, to, actorId, role, note, now, amendment);
        ReportCase stored = cases.write(announced(t, now));
        PhotoUploads.UploadTicket ticket = attachment == null ? null : uploads.presignUpload(attachment);
        return new Outcome(stored, rule, ticket, t.event());
    }

    private record Routed(CaseStatus to, String category, CaseRouter.Responsible responsible) {
    }

    /**
     * A duplicate joins its master: the master (an open complaint of the same tenant, not itself merged) records the
     * supporter first (once: a retried merge adds nothing), then the supporter moves to MERGED.
     */
    private ReportCase addSupporter(ReportCase supporter, String masterCaseId, Instant now) {
        if (masterCaseId == null || masterCaseId.isBlank()) {
            throw DomainException.validation(Map.of("masterCaseId", LocalizedText.of(
                    "wajib diisi: laporan induk", "required: the master case")));
        }
        ReportCase master = cases.findById(masterCaseId)
                .filter(m -> m.tenantId().equals(supporter.tenantId()) && m.kind() == supporter.kind()
                        && !m.caseId().equals(supporter.caseId()) && !m.status().isTerminal()
                        && m.intakeOrLegacy().masterCaseId() == null)
                .orElseThrow(() -> DomainException.validation(Map.of("masterCaseId", LocalizedText.of(
                        "bukan laporan terbuka yang dapat menjadi induk", "not an open case that can be the master"))));
        if (master.intakeOrLegacy().supporterCaseIds().contains(supporter.caseId())) {
            return master;
        }
        return cases.update(master.amend(b -> b.intake(master.intakeOrLegacy().withSupporter(supporter.caseId())), now));
    }

    /**
     * The clock of the intake moves. {@code ask}: the desk's step deadline is paused (the seconds left are kept) while
     * the case waits on the reporter. {@code reply}: the paused deadline resumes with what was left. {@code handback}
     * ("bukan wewenang"): the case is the triage desk's again, so the agency's clock stops there (its SLA figures
     * count only the time in its own steps, {@link AgencyClock}).
     */
    private static StateMachine.Amendment clockAmendment(Tenant tenant, ReportCase c, ActionRule rule, Instant now) {
        switch (rule.name()) {
            case WorkflowCatalog.ASK -> {
                long left = c.deadlineAt() == null ? 0 : Math.max(0, c.deadlineAt().getEpochSecond() - now.getEpochSecond());
                Intake paused = c.intakeOrLegacy().withPausedRemainingSeconds(c.deadlineAt() == null ? null : left);
                return (b, deadlineAt) -> b.intake(paused);
            }
            case WorkflowCatalog.REPLY -> {
                Long left = c.intakeOrLegacy().pausedRemainingSeconds();
                Intake resumed = c.intakeOrLegacy().withPausedRemainingSeconds(null);
                return (b, deadlineAt) -> {
                    b.intake(resumed);
                    if (left != null) {
                        Instant due = now.plusSeconds(left);
                        b.deadlineAt(due);
                        if (c.assignment() != null) {
                            b.assignment(new Assignment(c.assignment().agencyId(), c.assignment().agencyName(),
                                    c.assignment().external(), c.assignment().routedAt(), due, List.of()));
                        }
                    }
                };
            }
            case WorkflowCatalog.HANDBACK -> {
                CaseRouter.Responsible desk = CaseRouter.triageDesk(tenant);
                return (b, deadlineAt) -> b.assignment(new Assignment(desk.agencyId(), desk.agencyName(), false, now,
                        deadlineAt, List.of()));
            }
            default -> {
                return StateMachine.Amendment.NONE;
            }
        }
    }

    /**
     * An official's ROUTE move ({@code forward}, {@code reroute}): {@link CaseRouter} resolves who is responsible for
     * the category (given, or the case's) or the agency given; an external institution makes it a referral.
     */
    private Routed route(Tenant tenant, ReportCase c, ActionRule rule, ActionCommand command) {
        if ("reroute".equals(command.action()) && command.category() == null && command.agencyId() == null) {
            throw DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "isi kategori atau instansi tujuan", "give the new category or agency")));
        }
        String categoryCode = command.category() != null ? command.category() : c.category();
        CaseRouter.Responsible r = router.responsible(tenant, c.kind(), categoryCode, c.area(), command.agencyId());
        CaseStatus to = switch (r.outcome()) {
            case TRIAGE -> throw notRoutable(r.triageReason());
            case REFERRED_EXTERNAL -> {
                if (!rule.leadsTo(CaseStatus.REFERRED_EXTERNAL)) {
                    throw DomainException.validation(Map.of("agencyId", LocalizedText.of(
                            "instansi di luar Pemda tidak dapat menerima tindakan ini",
                            "an institution outside the Pemda cannot take this move")));
                }
                yield CaseStatus.REFERRED_EXTERNAL;
            }
            default -> rule.to();
        };
        return new Routed(to, r.category() == null ? c.category() : r.category().code(), r);
    }

    private static DomainException notRoutable(CaseRouter.TriageReason reason) {
        return switch (reason) {
            case UNKNOWN_CATEGORY, CATEGORY_NOT_FOR_KIND -> new DomainException(ErrorCode.UNKNOWN_CATEGORY);
            case NO_AGENCY, SCREENING -> DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "kategori ini tidak punya instansi; pilih instansi", "the category has no agency; choose one")));
            case UNKNOWN_AGENCY -> DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "instansi tidak dikenal", "unknown agency")));
            case NO_KELURAHAN -> DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "kelurahan laporan tidak diketahui; pilih instansi", "the report's kelurahan is unknown; choose an agency")));
        };
    }

    private static Photo attachmentPhoto(ReportCase c, ActionCommand command) {
        FieldErrors errors = new FieldErrors();
        String type = command.photoContentType();
        if (type == null || !ReportValidator.PHOTO_TYPES.contains(type)) {
            errors.add("photo.contentType", "image/jpeg, image/png atau image/heic", "image/jpeg, image/png or image/heic");
        }
        Long size = command.photoSizeBytes();
        if (size == null || size <= 0 || size > ReportValidator.MAX_PHOTO_BYTES) {
            errors.add("photo.sizeBytes", "1 byte sampai 10 MB", "1 byte to 10 MB");
        }
        errors.throwIfAny();
        String photoId = RESOLUTION_PHOTO_PREFIX + (c.version() + 1);
        return new Photo(photoId, type, size, attachmentKey(c.tenantId(), c.caseId(), photoId, type), null);
    }

    /**
     * Where an action's photo goes: outside {@code photos/}, so the geotag check does not take the agency's
     * resolution photo for a report photo.
     */
    public static String attachmentKey(String tenantId, String caseId, String photoId, String contentType) {
        String report = SubmitReportService.photoKey(tenantId, caseId, photoId, contentType);
        return attachmentPrefix(tenantId, caseId) + report.substring(report.lastIndexOf('/') + 1);
    }

    /** An action's photo is {@code resolution-v<the version the action wrote>}: the latest is the latest resolve's. */
    public static final String RESOLUTION_PHOTO_PREFIX = "resolution-v";

    public static String attachmentPrefix(String tenantId, String caseId) {
        return "attachments/" + tenantId + "/" + caseId + "/";
    }

    private static void checkNote(String note, FieldErrors errors) {
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("note", "maksimal " + MAX_NOTE + " karakter", "at most " + MAX_NOTE + " characters");
        }
    }

    /**
     * The write of a move with what it tells others: its event, and the reporter's notice when the reporter left a
     * contact (a referral's notice names the institution: route-to-agency writes that one).
     */
    private static CaseWrite announced(Transition t, Instant at) {
        ReportCase after = t.after();
        List<OutboxEvent> events = new ArrayList<>(List.of(OutboxEvents.caseEvent(t.event(), after)));
        if (after.reporter() != null && after.reporter().hasContact()
                && after.status() != CaseStatus.REFERRED_EXTERNAL && t.move().effect() != ActionRule.Effect.ESCALATE) {
            events.add(OutboxEvents.statusNotice(after, at));
        }
        return CaseWrite.of(after, events);
    }

    /**
     * What one escalation run did for a tenant, and the events of the moves it made. {@code swept} counts, per state,
     * the deadline actions made in the platform's own steps (the sweeper: photos never uploaded, cases never routed);
     * {@code failed} the cases whose deadline action could not be made (logged, left for the next run).
     */
    public record EscalationRun(int examined, int markedOverdue, int alerted, int autoActions, int conflicts,
                                List<TransitionEvent> events, Map<CaseStatus, Integer> swept, int failed) {
        public EscalationRun {
            events = events == null ? List.of() : List.copyOf(events);
            swept = swept == null ? Map.of() : Map.copyOf(swept);
        }

        public EscalationRun(int examined, int markedOverdue, int alerted, int autoActions, int conflicts) {
            this(examined, markedOverdue, alerted, autoActions, conflicts, List.of(), Map.of(), 0);
        }
    }

    /**
     * Finds every step past its deadline through {@code finder} (an index, never a scan) and makes the step's deadline
     * action as SYSTEM, each in one write with its events:
     * <ul>
     *   <li>{@code escalate}: the case is marked {@code overdue} ({@code case.overdue}) and its supervisor alerted, once
     *       per case and deadline (the mark and the alert are one write);</li>
     *   <li>a routing move (a case still {@code VERIFIED}, whose event was never handled): {@code routing} routes it;</li>
     *   <li>any other automatic move ({@code close} of a resolved complaint nobody answered, {@code expire} of a
     *       report whose photos never arrived), with the reporter's notice.</li>
     * </ul>
     */
    public EscalationRun escalate(Tenant tenant, OverdueCases finder, DeadlineRouting routing) {
        Instant now = clock.instant();
        StateMachine machine = StateMachine.forTenant(tenant);
        List<TransitionEvent> events = new ArrayList<>();
        Map<CaseStatus, Integer> swept = new EnumMap<>(CaseStatus.class);
        int examined = 0, marked = 0, alerted = 0, auto = 0, conflicts = 0, failed = 0;
        for (CaseStatus status : machine.catalog().statusesWithDeadline()) {
            for (ReportCase c : finder.dueBefore(tenant.id(), status, now)) {
                examined++;
                StepRule step = machine.catalog().of(c.kind()) == null ? null : machine.step(c).orElse(null);
                if (step == null || step.deadline() == null || c.deadlineAt() == null || !c.deadlineAt().isBefore(now)) {
                    continue;
                }
                ActionRule action = step.automaticAction().orElseThrow();
                try {
                    if (step.escalatesOnDeadline()) {
                        if (!c.overdue()) {
                            Transition t = machine.apply(c, action, HistoryEntry.SYSTEM, Role.SYSTEM, null, now);
                            cases.write(announced(t, now).and(OutboxEvents.supervisorAlert(t.after(), step)));
                            events.add(t.event());
                            marked++;
                            alerted++;
                        }
                        continue;
                    }
                    TransitionEvent made;
                    if (action.effect() == ActionRule.Effect.ROUTE) {
                        made = routing.route(c, now);
                        if (made == null) {
                            failed++;
                            continue;
                        }
                    } else {
                        Transition t = machine.apply(c, action, HistoryEntry.SYSTEM, Role.SYSTEM,
                                automaticNote(step, action), now);
                        cases.write(announced(t, now));
                        made = t.event();
                    }
                    events.add(made);
                    auto++;
                    if (step.whoActs().role() == Role.SYSTEM) {
                        swept.merge(status, 1, Integer::sum);
                    }
                } catch (DomainException e) {
                    if (e.code() != ErrorCode.VERSION_CONFLICT) {
                        throw e;
                    }
                    conflicts++; // someone acted meanwhile: the next run sees the new state
                }
            }
        }
        return new EscalationRun(examined, marked, alerted, auto, conflicts, events, swept, failed);
    }

    /** The history note of an automatic move (citizens read it on the public status page). */
    private static String automaticNote(StepRule step, ActionRule action) {
        if (WorkflowCatalog.EXPIRE.equals(action.name())) {
            return "Foto laporan tidak diterima dalam " + indonesian(step.deadline())
                    + " setelah laporan dikirim; laporan ditutup otomatis. Silakan kirim laporan baru.";
        }
        return "otomatis: tenggat " + step.deadline() + " terlewati";
    }

    private static String indonesian(Deadline d) {
        return d.amount() + switch (d.unit()) {
            case MINUTES -> " menit";
            case HOURS -> " jam";
            case WORKING_DAYS -> " hari kerja";
        };
    }

    /** The fields of a result for logs (ids and counts only). */
    public static Map<String, Object> summary(EscalationRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("examined", run.examined());
        m.put("markedOverdue", run.markedOverdue());
        m.put("alerted", run.alerted());
        m.put("autoActions", run.autoActions());
        m.put("conflicts", run.conflicts());
        m.put("failed", run.failed());
        Map<String, Integer> swept = new LinkedHashMap<>();
        run.swept().forEach((status, n) -> swept.put(status.name(), n));
        m.put("swept", swept);
        return m;
    }
}
