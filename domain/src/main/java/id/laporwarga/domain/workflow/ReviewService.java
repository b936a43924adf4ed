package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.AccessPolicy;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.ReportValidator;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Moves cases through their tenant's workflow: officials' actions (role + area + workflow + optimistic version),
 * the reporter's confirm/reopen (proved by the submission secret), and the scheduled escalation of overdue steps.
 * Every move appends one history entry; history is never edited.
 */
public final class ReviewService {
    public static final int MAX_NOTE = 2000;
    public static final Set<String> REJECT_REASONS = Set.of("NOT_OUR_AUTHORITY", "SPAM", "DUPLICATE");

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final PhotoUploads uploads;
    private final ReviewOutbox outbox;
    private final Clock clock;

    public ReviewService(CaseRepository cases, TenantCatalog tenants, PhotoUploads uploads, ReviewOutbox outbox,
                         Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.uploads = uploads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The stored case after the action, and the upload link when the action accepted a photo. */
    public record Outcome(ReportCase reportCase, ActionRule action, PhotoUploads.UploadTicket upload) {
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
        return WorkflowCatalog.forTenant(tenantOf(c)).of(c.kind()).step(c.status())
                .map(s -> s.actionsFor(caller.role())).orElse(List.of());
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
        ActionRule rule = allowedAction(tenant, c, command.action(), caller.role());
        return apply(tenant, c, rule, command, caller.subject(), caller.role());
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
        if (!secretMatches(secret, c.citizenSecretHash())) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Kode rahasia tidak cocok dengan laporan ini.", "The secret does not match this report."));
        }
        Tenant tenant = tenantOf(c);
        ActionRule rule = allowedAction(tenant, c, action, Role.CITIZEN);
        return apply(tenant, c, rule, new ActionCommand(action, note, c.version(), null, null, null, null, null),
                "reporter", Role.CITIZEN);
    }

    /** Compares SHA-256(secret) with the stored hash in constant time. */
    public static boolean secretMatches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        byte[] given = SubmitReportService.sha256(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = storedHash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, stored);
    }

    private static ActionRule allowedAction(Tenant tenant, ReportCase c, String action, Role role) {
        Workflow workflow = WorkflowCatalog.forTenant(tenant).of(c.kind());
        StepRule step = workflow == null ? null : workflow.step(c.status()).orElse(null);
        ActionRule rule = step == null ? null : step.action(action).orElse(null);
        if (rule == null) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, ErrorCode.INVALID_TRANSITION.defaultMessage(),
                    Map.of("action", LocalizedText.of(
                            "'" + action + "' tidak berlaku pada status " + c.status().label().id(),
                            "'" + action + "' is not possible in status " + c.status().label().en())));
        }
        if (!rule.allows(role)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return rule;
    }

    private Outcome apply(Tenant tenant, ReportCase c, ActionRule rule, ActionCommand command, String actorId,
                          Role role) {
        if (rule.noteRequired() && (command.note() == null || command.note().isBlank())) {
            throw DomainException.validation(Map.of("note", LocalizedText.of(
                    "wajib diisi untuk tindakan ini", "is required for this action")));
        }
        Instant now = clock.instant();
        CaseStatus to = rule.to();
        String category = c.category();
        Assignment assignment = c.assignment();
        String note = command.note();
        if (rule.effect() == ActionRule.Effect.ROUTE) {
            Routed routed = route(tenant, c, command, now);
            category = routed.category;
            assignment = routed.assignment;
            if (routed.agency.external()) {
                to = CaseStatus.REFERRED_EXTERNAL;
            }
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
        StepRule next = WorkflowCatalog.forTenant(tenant).of(c.kind()).step(to).orElse(null);
        Instant deadline = next == null || next.deadline() == null ? null
                : next.deadline().dueAfter(now, tenant.calendar());
        if (assignment != null && rule.effect() == ActionRule.Effect.ROUTE) {
            assignment = new Assignment(assignment.agencyId(), assignment.agencyName(), assignment.external(), now,
                    deadline, List.of());
        }
        ReportCase moved = c.transition(to, rule.name(), actorId, role.name(), note, now, deadline);
        if (!java.util.Objects.equals(category, c.category()) || assignment != c.assignment()) {
            moved = new ReportCase.Builder(moved).category(category).assignment(assignment).build();
        }
        ReportCase stored = cases.update(moved);
        outbox.statusChanged(c, stored, rule);
        PhotoUploads.UploadTicket ticket = attachment == null ? null : uploads.presignUpload(attachment);
        return new Outcome(stored, rule, ticket);
    }

    private record Routed(String category, Agency agency, Assignment assignment) {
    }

    private static Routed route(Tenant tenant, ReportCase c, ActionCommand command, Instant now) {
        String categoryCode = command.category() != null ? command.category() : c.category();
        Category category = tenant.category(categoryCode).filter(k -> k.appliesTo(c.kind()))
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_CATEGORY));
        String agencyId = command.agencyId();
        if (agencyId == null) {
            String kecamatan = c.area() == null ? null : c.area().kecamatanCode();
            agencyId = kecamatan != null && category.kecamatanOverrides().containsKey(kecamatan)
                    ? category.kecamatanOverrides().get(kecamatan) : category.agencyId();
        }
        if (agencyId == null) {
            throw DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "kategori ini tidak punya instansi; pilih instansi", "the category has no agency; choose one")));
        }
        String chosen = agencyId;
        Agency agency = tenant.agency(chosen).orElseThrow(() -> DomainException.validation(Map.of("agencyId",
                LocalizedText.of("instansi tidak dikenal", "unknown agency"))));
        if ("reroute".equals(command.action()) && command.category() == null && command.agencyId() == null) {
            throw DomainException.validation(Map.of("agencyId", LocalizedText.of(
                    "isi kategori atau instansi tujuan", "give the new category or agency")));
        }
        return new Routed(category.code(), agency,
                new Assignment(agency.id(), agency.name(), agency.external(), now, null, List.of()));
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
        String photoId = "resolution-v" + (c.version() + 1);
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

    public static String attachmentPrefix(String tenantId, String caseId) {
        return "attachments/" + tenantId + "/" + caseId + "/";
    }

    private static void checkNote(String note, FieldErrors errors) {
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("note", "maksimal " + MAX_NOTE + " karakter", "at most " + MAX_NOTE + " characters");
        }
    }

    /** What one escalation run did for a tenant. */
    public record EscalationRun(int examined, int markedOverdue, int alerted, int autoActions, int conflicts) {
    }

    /**
     * Finds every step past its deadline through {@code finder} (an index, never a scan): steps with an automatic
     * action (a resolved complaint nobody answered) take it; the others are marked {@code overdue} and their
     * supervisor is alerted once per case and deadline.
     */
    public EscalationRun escalate(Tenant tenant, OverdueCases finder) {
        Instant now = clock.instant();
        WorkflowCatalog catalog = WorkflowCatalog.forTenant(tenant);
        int examined = 0, marked = 0, alerted = 0, auto = 0, conflicts = 0;
        for (CaseStatus status : catalog.statusesWithDeadline()) {
            for (ReportCase c : finder.dueBefore(tenant.id(), status, now)) {
                examined++;
                Workflow workflow = catalog.of(c.kind());
                StepRule step = workflow == null ? null : workflow.step(c.status()).orElse(null);
                if (step == null || step.deadline() == null || c.deadlineAt() == null || !c.deadlineAt().isBefore(now)) {
                    continue;
                }
                try {
                    if (step.automaticAction().isPresent()) {
                        ActionRule rule = step.automaticAction().get();
                        StepRule next = workflow.step(rule.to()).orElse(null);
                        Instant deadline = next == null || next.deadline() == null ? null
                                : next.deadline().dueAfter(now, tenant.calendar());
                        ReportCase moved = cases.update(c.transition(rule.to(), rule.name(), HistoryEntry.SYSTEM,
                                Role.SYSTEM.name(), "otomatis: tenggat " + step.deadline() + " terlewati", now, deadline));
                        outbox.statusChanged(c, moved, rule);
                        auto++;
                        continue;
                    }
                    ReportCase current = c;
                    if (!c.overdue()) {
                        current = cases.update(c.amend(b -> b.overdue(true), now));
                        marked++;
                    }
                    if (outbox.overdue(current, step, now)) {
                        alerted++;
                    }
                } catch (DomainException e) {
                    if (e.code() != ErrorCode.VERSION_CONFLICT) {
                        throw e;
                    }
                    conflicts++; // someone acted meanwhile: the next run sees the new state
                }
            }
        }
        return new EscalationRun(examined, marked, alerted, auto, conflicts);
    }

    /** The fields of a result for logs (ids and counts only). */
    public static Map<String, Object> summary(EscalationRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("examined", run.examined());
        m.put("markedOverdue", run.markedOverdue());
        m.put("alerted", run.alerted());
        m.put("autoActions", run.autoActions());
        m.put("conflicts", run.conflicts());
        return m;
    }
}
