package id.laporwarga.domain.report;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.TenantCatalog;
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

    public SubmitReportService(TenantCatalog tenants, CaseRepository cases, PhotoUploads uploads, Clock clock,
                               TrackingCodes codes, Supplier<String> ids) {
        this.tenants = tenants;
        this.cases = cases;
        this.uploads = uploads;
        this.clock = clock;
        this.codes = codes;
        this.ids = ids;
    }

    public SubmitReportService(TenantCatalog tenants, CaseRepository cases, PhotoUploads uploads, Clock clock) {
        this(tenants, cases, uploads, clock, new TrackingCodes(), () -> UUID.randomUUID().toString());
    }

    /**
     * The outcome returned to the client: the case, the reporter's secret and the upload links; {@code event} is the
     * submission's event when this call created the case (null on an idempotent replay).
     */
    public record Submitted(ReportCase reportCase, String citizenSecret, List<PhotoUploads.UploadTicket> uploads,
                            boolean created, TransitionEvent event) {
        public Submitted(ReportCase reportCase, String citizenSecret, List<PhotoUploads.UploadTicket> uploads,
                         boolean created) {
            this(reportCase, citizenSecret, uploads, created, null);
        }
    }

    public Submitted submit(SubmitReportRequest request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new DomainException(ErrorCode.MISSING_IDEMPOTENCY_KEY);
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(),
                    java.util.Map.of("Idempotency-Key", LocalizedText.of(
                            "8-128 karakter: huruf, angka, _ . : -", "8-128 characters: letters, digits, _ . : -")));
        }
        ReportValidator.ValidReport valid = ReportValidator.validate(request);
        TenantLocator.Located located = TenantLocator.require(tenants, valid.location());
        Tenant tenant = located.tenant();
        Category category = tenant.category(valid.category())
                .filter(c -> c.appliesTo(valid.kind()))
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_CATEGORY,
                        ErrorCode.UNKNOWN_CATEGORY.defaultMessage(),
                        java.util.Map.of("category", LocalizedText.of(
                                "tidak ada di katalog " + tenant.name(), "not in the catalogue of " + tenant.name()))));

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
        String secret = codes.secret();
        String actor = valid.reporter() != null && valid.reporter().userId() != null ? valid.reporter().userId() : "reporter";

        for (int attempt = 1; ; attempt++) {
            String trackingCode = codes.next(trackingPrefix(tenant));
            ReportCase draft = new ReportCase(caseId, tenant.id(), tenant.zone().getId(), trackingCode, valid.kind(), category.code(),
                    valid.description(), valid.location(), located.area(), valid.rtId(), valid.privacy(),
                    valid.reporter(), photos, entry.to(), 1, List.of(), now, now, null, false, List.of(), null,
                    sha256(secret), requestHash);
            Transition submitted = machine.start(draft, entry, actor, Role.CITIZEN, now);
            try {
                CaseRepository.CreateResult result = cases.create(submitted.after(), idempotencyKey, secret);
                List<PhotoUploads.UploadTicket> tickets = result.reportCase().photos().stream()
                        .filter(p -> p.check() == null)
                        .map(uploads::presignUpload)
                        .toList();
                return new Submitted(result.reportCase(), result.citizenSecret(), tickets, result.created(),
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
