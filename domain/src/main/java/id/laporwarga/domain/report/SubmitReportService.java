package id.laporwarga.domain.report;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.intake.Intake;
import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.outbox.OutboxEvents;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.Transition;
import id.laporwarga.domain.workflow.TransitionEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Validates a submission, finds its tenant and area, and stores it exactly once per idempotency key. */
public final class SubmitReportService {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{8,128}");
    private static final int TRACKING_CODE_ATTEMPTS = 5;

    private final TenantCatalog tenants;
    private final CaseRepository cases;
    private final PhotoUploads uploads;
    private final Clock clock;
    private final TrackingCodes codes;
    private final Supplier<String> ids;
    private final ReporterSecrets secrets;
    private final RtReports rtReports;

    public SubmitReportService(TenantCatalog tenants, CaseRepository cases, PhotoUploads uploads, Roster roster,
                               Clock clock, TrackingCodes codes, Supplier<String> ids, ReporterSecrets secrets) {
        this.rtReports = new RtReports(roster);
        this.tenants = tenants;
        this.cases = cases;
        this.uploads = uploads;
        this.clock = clock;
        this.codes = codes;
        this.ids = ids;
        this.secrets = secrets;
    }

    public SubmitReportService(TenantCatalog tenants, CaseRepository cases, PhotoUploads uploads, Roster roster,
                               Clock clock, ReporterSecrets secrets) {
        this(tenants, cases, uploads, roster, clock, new TrackingCodes(), () -> UUID.randomUUID().toString(), secrets);
    }

    /**
     * The outcome returned to the client: the case, the reporter's secret (derived from the case id: the same on an
     * idempotent replay) and the upload links; {@code event} is the submission's event when this call created the case
     * (null on an idempotent replay).
     */
    public record Submitted(ReportCase reportCase, String citizenSecret, List<PhotoUploads.UploadTicket> uploads,
                            boolean created, TransitionEvent event) {
        public Submitted(ReportCase reportCase, String citizenSecret, List<PhotoUploads.UploadTicket> uploads,
                         boolean created) {
            this(reportCase, citizenSecret, uploads, created, null);
        }
    }

    /** The public route's submission: complaints and service requests (an rtId named must be rostered). */
    public Submitted submit(SubmitReportRequest request, String idempotencyKey) {
        return submit(request, idempotencyKey, null, null);
    }

    /** An RT head's activity report ({@code POST /v1/rt/reports}), for the RT of the verified token ({@link RtReports}). */
    public Submitted submitRtActivity(Caller rtHead, SubmitReportRequest request, String idempotencyKey) {
        return submit(RtReports.bind(rtHead, request), idempotencyKey, rtHead, null);
    }

    /** Roles that file reports for citizens (the front desk of the Pemda, agencies, kelurahan and kecamatan offices). */
    public static final Set<Role> STAFF_FILERS = Set.of(Role.CITY_ADMIN, Role.AGENCY_STAFF, Role.KELURAHAN,
            Role.KECAMATAN);

    /**
     * A staff member files a citizen's complaint received through another channel (SMS, WhatsApp, social media,
     * phone, walk-in, SP4N-LAPOR!) for the staff member's own tenant: the case records the staff member and the
     * channel. FORBIDDEN for other roles and for another tenant.
     */
    public Submitted submitForCitizen(Caller staff, SubmitReportRequest request, String idempotencyKey) {
        if (!STAFF_FILERS.contains(staff.role()) || staff.tenantId() == null) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (request.tenantId() != null && !request.tenantId().equals(staff.tenantId())) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        SubmitReportRequest bound = new SubmitReportRequest(request.kind(), request.category(), request.description(),
                request.lat(), request.lon(), request.privacy(), request.reporterName(), request.reporterPhone(),
                request.rtId(), request.photos(), staff.tenantId(), request.channel(), request.reporterEmail(),
                request.reporterLanguage());
        return submit(bound, idempotencyKey, null, staff);
    }

    /**
     * The tenant and area: from the location when there is one (a {@code tenantId} given must be that tenant), else
     * the tenant named ({@code tenantId}, required without a location), with no area.
     */
    private TenantLocator.Located locate(ReportValidator.ValidReport valid, Caller staff) {
        if (valid.location() != null) {
            TenantLocator.Located located = TenantLocator.require(tenants, valid.location());
            if (valid.tenantId() != null && !valid.tenantId().equals(located.tenant().id())) {
                throw new DomainException(ErrorCode.OUTSIDE_SERVICE_AREA);
            }
            return located;
        }
        Tenant tenant = tenants.find(valid.tenantId()).orElseThrow(() -> DomainException.validation(java.util.Map.of(
                "tenantId", LocalizedText.of("pemda tidak dikenal", "unknown tenant"))));
        return new TenantLocator.Located(tenant, null);
    }

    /** A case whose first step is the triage desk (no photo to check) is assigned to the desk from the start. */
    private static ReportCase atTriageDesk(Tenant tenant, ReportCase c, Instant now) {
        if (c.status() != CaseStatus.TRIAGE) {
            return c;
        }
        CaseRouter.Responsible desk = CaseRouter.triageDesk(tenant);
        return c.toBuilder().assignment(new Assignment(desk.agencyId(), desk.agencyName(), false, now, c.deadlineAt(),
                List.of())).build();
    }

    private Submitted submit(SubmitReportRequest request, String idempotencyKey, Caller rtHead, Caller staff) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new DomainException(ErrorCode.MISSING_IDEMPOTENCY_KEY);
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(),
                    java.util.Map.of("Idempotency-Key", LocalizedText.of(
                            "8-128 karakter: huruf, angka, _ . : -", "8-128 characters: letters, digits, _ . : -")));
        }
        ReportValidator.ValidReport valid = ReportValidator.validate(request);
        if (staff == null && !Channel.SELF_SERVICE.contains(valid.channel())) {
            throw DomainException.validation(java.util.Map.of("channel", LocalizedText.of(
                    "APP atau WEB; saluran lain dicatat petugas", "APP or WEB; other channels are recorded by staff")));
        }
        if (staff != null && !Channel.STAFF.contains(valid.channel())) {
            throw DomainException.validation(java.util.Map.of("channel", LocalizedText.of(
                    "salah satu dari " + Channel.STAFF, "one of " + Channel.STAFF)));
        }
        TenantLocator.Located located = locate(valid, staff);
        Tenant tenant = located.tenant();
        rtReports.check(valid, tenant, rtHead);
        Category category = tenant.category(valid.category())
                .filter(c -> c.appliesTo(valid.kind()))
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_CATEGORY,
                        ErrorCode.UNKNOWN_CATEGORY.defaultMessage(),
                        java.util.Map.of("category", LocalizedText.of(
                                "tidak ada di katalog " + tenant.name(), "not in the catalogue of " + tenant.name()))));
        ReportValidator.checkAgainst(valid, category);
        ReportClass reportClass = category.reportClass();
        // whistle-blowing: always confidential, visible only to the roles the tenant names
        Privacy privacy = reportClass.restricted() ? Privacy.CONFIDENTIAL : valid.privacy();
        Intake intake = Intake.of(reportClass, valid.channel(), staff == null ? null : staff.subject(),
                reportClass.restricted() ? tenant.policies().intake().whistleblowingRoles() : Set.of());

        Instant now = clock.instant();
        String caseId = ids.get();
        String requestHash = sha256(request.canonical());
        List<Photo> photos = new ArrayList<>();
        for (PhotoDeclaration declared : valid.photos()) {
            String photoId = "p" + (photos.size() + 1);
            photos.add(new Photo(photoId, declared.contentType(), declared.sizeBytes(),
                    photoKey(tenant.id(), caseId, photoId, declared.contentType()), null));
        }
        // the first state, its deadline and the submission's history entry come from the workflow catalogue
        StateMachine machine = StateMachine.forTenant(tenant);
        StateMachine.Entry entry = machine.entry(valid.kind(), !photos.isEmpty());
        String secret = secrets.secretFor(caseId);
        Reporter reporter = valid.reporter();
        String actor = rtHead != null ? rtHead.subject() : staff != null ? staff.subject()
                : reporter != null && reporter.userId() != null ? reporter.userId() : "reporter";
        // the case keeps no name or phone: they go to their own item, written in the same transaction
        Reporter contact = reporter != null && reporter.leftIdentity() ? reporter : null;
        Reporter onCase = reporter == null ? null : reporter.withoutContact();

        for (int attempt = 1; ; attempt++) {
            String trackingCode = codes.next(trackingPrefix(tenant));
            ReportCase draft = new ReportCase(caseId, tenant.id(), tenant.zone().getId(), trackingCode, valid.kind(), category.code(),
                    valid.description(), valid.location(), located.area(), valid.rtId(), privacy,
                    onCase, photos, entry.to(), 1, List.of(), now, now, null, false, List.of(), null,
                    secrets.verifier(secret), requestHash, intake);
            Transition submitted = machine.start(draft, entry, actor, Role.CITIZEN, now);
            ReportCase first = atTriageDesk(tenant, submitted.after(), now);
            try {
                // the submission's case event (the first step's entry) is written with the case: whoever acts in that
                // step is alerted through the relay, like every later step
                CaseRepository.CreateResult result = cases.create(first, contact, idempotencyKey,
                        List.of(OutboxEvents.caseEvent(submitted.event(), first)));
                List<PhotoUploads.UploadTicket> tickets = result.reportCase().photos().stream()
                        .filter(p -> p.check() == null)
                        .map(uploads::presignUpload)
                        .toList();
                return new Submitted(result.reportCase(), secrets.secretFor(result.reportCase().caseId()), tickets,
                        result.created(),
                        result.created() ? submitted.event() : null);
            } catch (CaseRepository.TrackingCodeTakenException taken) {
                if (attempt >= TRACKING_CODE_ATTEMPTS) {
                    throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
                }
            }
        }
    }

    /** {@code photos/<tenant>/<caseId>/<photoId>.<ext>}: verify-geotag finds the case and photo from the key. */
    public static String photoKey(String tenantId, String caseId, String photoId, String contentType) {
        String ext = switch (contentType) {
            case "image/png" -> "png";
            case "image/heic" -> "heic";
            default -> "jpg";
        };
        return "photos/" + tenantId + "/" + caseId + "/" + photoId + "." + ext;
    }

    static String trackingPrefix(Tenant tenant) {
        String letters = tenant.id().replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        return letters.length() >= 3 ? letters.substring(0, 3) : (letters + "LWX").substring(0, 3);
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
