package id.laporwarga.function.tenantadmin;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.port.BoundaryUploads;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantOnboardingService;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.json.JsonFields;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.BoundaryFiles;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tenant administration (docs/tenants.md): onboards or changes a tenant (boundary rules in
 * {@link TenantOnboardingService}: platform admins only for boundaries, no overlap with another tenant), shows a
 * tenant's stored document, issues presigned uploads for files too large for a request, and imports tenants from a
 * national boundary file ({@link TenantImports}). Agencies' alert channels are synced to filtered subscriptions after
 * every change (idempotent: a re-PUT retries a failed sync).
 */
@Singleton
public class TenantOnboarding {
    /** Largest request body: a document with boundaries inline (Lambda's synchronous payload limit is 6 MB). */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    /** Largest national file a bulk import reads (uncompressed). */
    public static final long MAX_IMPORT_BYTES = 200L * 1024 * 1024;
    private static final Pattern UPLOAD_ID = Pattern.compile("[a-f0-9]{32}");
    private static final JsonLog LOG = JsonLog.get(TenantOnboarding.class);

    private final TenantOnboardingService service;
    private final TenantRegistry registry;
    private final AlertSubscriptions subscriptions;
    private final BoundaryUploads uploads;
    private final TenantImports imports;
    private final Json json;

    public TenantOnboarding(TenantOnboardingService service, TenantRegistry registry, AlertSubscriptions subscriptions,
                            BoundaryUploads uploads, TenantImports imports, Json json) {
        this.service = service;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.uploads = uploads;
        this.imports = imports;
        this.json = json;
    }

    /** The answer to the PUT: what the document holds and what the subscription sync did. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Onboarded(String id, String name, String timeZone, int categories, int agencies, int boundaries,
                            long version, String boundaryVersion, boolean boundariesChanged,
                            SubscriptionCounts subscriptions) {
    }

    /** Whether the tenant is new, and the answer. */
    public record Outcome(boolean created, Onboarded view) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionCounts(int created, int updated, int removed, int unchanged, int pending) {
    }

    /** {@code GET /v1/admin/tenants/{tenantId}}: the stored document (without boundaries) and its versions. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StoredView(String id, String name, String timeZone, String code, long version, String boundaryVersion,
                             int kecamatan, int kelurahan, List<List<Double>> boxes, JsonNode document) {
    }

    /** {@code POST /v1/admin/boundary-uploads}: PUT the file to {@code url}, then name {@code uploadId}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UploadView(String uploadId, String url, String method, Map<String, String> headers,
                             String expiresAt, long maxBytes) {
    }

    /** {@code PUT /v1/admin/tenants/{tenantId}}. */
    public Outcome put(Caller caller, String tenantId, String body) {
        caller.requireAdminOf(tenantId);
        BoundaryFiles.Split split = BoundaryFiles.split(body);
        List<AdminBoundary> boundaries = split.boundaries();
        if (split.uploadId() != null) {
            boundaries = readUpload(split.uploadId(), "boundaries.uploadId", BoundaryFiles.MAX_FILE_BYTES);
        }
        Outcome outcome = store(caller, tenantId, split.document(), boundaries);
        if (split.uploadId() != null) {
            uploads.delete(split.uploadId());
        }
        return outcome;
    }

    /** Validates and stores one tenant (the PUT and each tenant of an import), then syncs its agencies' channels. */
    Outcome store(Caller caller, String tenantId, String document, List<AdminBoundary> boundaries) {
        JsonNode tree = json.strictTree(document); // duplicate names etc. are 400 (StrictJson), as for every JSON body
        TenantOnboardingService.Result r = service.onboard(caller, new TenantOnboardingService.Draft(tenantId, document,
                b -> TenantDocuments.parse(tree, tenantId, b), boundaries));
        Tenant tenant = r.tenant();
        AlertSubscriptions.SyncReport sync = subscriptions.sync(tenant);
        JsonLog.put("tenant", tenant.id());
        LOG.info(r.created() ? "tenant.created" : "tenant.updated", "version", r.entry().version(),
                "boundaryVersion", r.entry().boundaryVersion(), "boundariesChanged", r.boundariesChanged(),
                "categories", tenant.categories().size(), "agencies", tenant.agencies().size());
        int features = tenant.areas().kecamatan().size() + tenant.areas().kelurahan().size() + 1;
        return new Outcome(r.created(), new Onboarded(tenant.id(), tenant.name(), tenant.zone().getId(),
                tenant.categories().size(), tenant.agencies().size(),
                tenant.boundarySet().isLoaded() ? tenant.boundaries().size() : features,
                r.entry().version(), r.entry().boundaryVersion(), r.boundariesChanged(),
                new SubscriptionCounts(sync.created().size(), sync.updated().size(), sync.removed().size(),
                        sync.unchanged().size(), sync.pending().size())));
    }

    /** {@code GET /v1/admin/tenants/{tenantId}}: platform admins, and the tenant's city admins. */
    public StoredView get(Caller caller, String tenantId) {
        caller.requireAdminOf(tenantId);
        TenantRegistry.Stored s = registry.stored(tenantId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                LocalizedText.of("Pemda tidak ditemukan.", "Tenant not found.")));
        var e = s.entry();
        return new StoredView(e.id(), e.name(), e.zone().getId(), e.code(), e.version(), e.boundaryVersion(),
                s.areas().kecamatan().size(), s.areas().kelurahan().size(),
                e.boxes().stream().map(b -> List.of(b.minLon(), b.minLat(), b.maxLon(), b.maxLat())).toList(),
                json.tree(s.document()));
    }

    /** {@code POST /v1/admin/boundary-uploads}: platform admins (boundaries and imports are theirs alone). */
    public UploadView presignUpload(Caller caller, String body) {
        if (!caller.isPlatformAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Hanya admin platform yang dapat mengunggah batas wilayah.", "Only a platform admin can upload boundaries."));
        }
        JsonFields fields = JsonFields.root(json.strictTree(body == null || body.isBlank() ? "{}" : body));
        Long size = fields.integer("sizeBytes");
        String purpose = fields.string("purpose");
        String contentType = fields.string("contentType");
        FieldErrors errors = fields.errors();
        boolean importing = "import".equals(purpose);
        if (purpose != null && !importing && !"boundaries".equals(purpose)) {
            errors.add("purpose", "boundaries atau import", "boundaries or import");
        }
        long max = importing ? MAX_IMPORT_BYTES : BoundaryFiles.MAX_FILE_BYTES;
        if (size == null || size <= 0) {
            errors.add("sizeBytes", "wajib diisi: ukuran berkas dalam byte", "required: the file's size in bytes");
        }
        if (contentType == null) {
            contentType = "application/geo+json";
        } else if (!List.of("application/geo+json", "application/json", "application/gzip").contains(contentType)) {
            errors.add("contentType", "application/geo+json, application/json atau application/gzip",
                    "application/geo+json, application/json or application/gzip");
        }
        errors.throwIfAny();
        if (size > max) {
            throw importing ? new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, LocalizedText.of(
                    "Berkas impor maksimal " + (max >> 20) + " MB. Pisahkan per provinsi lalu impor satu per satu.",
                    "Import files are limited to " + (max >> 20) + " MB. Split it by province and import each part."))
                    : BoundaryFiles.tooLarge();
        }
        String uploadId = UUID.randomUUID().toString().replace("-", "");
        BoundaryUploads.Ticket t = uploads.presign(uploadId, size, contentType, max);
        LOG.info("tenant.upload_presigned", "uploadId", uploadId, "sizeBytes", size, "purpose", importing ? "import" : "boundaries");
        return new UploadView(t.uploadId(), t.url(), t.method(), t.headers(), t.expiresAt().toString(), t.maxBytes());
    }

    /** {@code POST /v1/admin/tenant-imports}: see {@link TenantImports}. */
    public TenantImports.Report importTenants(Caller caller, String body, Locale locale) {
        return imports.run(caller, body, locale, this);
    }

    /** The polygons of an uploaded file (422-free: a missing upload is a 400 naming the field). */
    List<AdminBoundary> readUpload(String uploadId, String field, long maxBytes) {
        return readUpload(uploadId, field, maxBytes, null);
    }

    List<AdminBoundary> readUpload(String uploadId, String field, long maxBytes,
                                   java.util.function.Predicate<String> keep) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw DomainException.validation(Map.of(field, LocalizedText.of(
                    "bukan uploadId dari POST /v1/admin/boundary-uploads", "not an uploadId of POST /v1/admin/boundary-uploads")));
        }
        InputStream in = uploads.open(uploadId).orElseThrow(() -> DomainException.validation(Map.of(field,
                LocalizedText.of("tidak ada berkas dengan uploadId ini (belum diunggah, atau sudah kedaluwarsa)",
                        "no file under this uploadId (not uploaded yet, or expired)"))));
        try (in) {
            return BoundaryFiles.read(in, "boundaries", true, keep, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a boundary set has the kab/kota outline or kecamatan polygons a tenant needs. */
    static boolean hasOutline(List<AdminBoundary> boundaries) {
        return boundaries.stream().anyMatch(b -> b.level() == AdminLevel.KABKOTA || b.level() == AdminLevel.KECAMATAN);
    }
}
