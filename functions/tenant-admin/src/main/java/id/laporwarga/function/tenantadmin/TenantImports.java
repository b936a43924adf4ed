package id.laporwarga.function.tenantadmin;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.json.JsonFields;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.StarterTenants;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk onboarding ({@code POST /v1/admin/tenant-imports}, {@code ./lapor-tenants import}): creates or updates one
 * tenant per requested kab/kota code from an uploaded national (or provincial) boundary file in the shape of the
 * sample tenant's file (kabkota, kecamatan and desa/kelurahan features, Kemendagri codes in {@code kode}).
 *
 * <ul>
 *   <li>A new tenant gets a starter document ({@link StarterTenants}) that its city admin then edits; its id comes
 *   from its name unless the request names it ({@code "71.74=kotamobagu"}).</li>
 *   <li>A tenant already onboarded with that code keeps its document; only its boundaries are replaced when they
 *   changed. A re-run is therefore idempotent: every tenant answers {@code unchanged}.</li>
 *   <li>The same rules as a PUT apply (overlaps are refused per tenant, without stopping the others).</li>
 *   <li>One call works for at most {@link #BUDGET}; codes it did not reach come back in {@code remaining}, to be sent
 *   again (the script does, showing progress).</li>
 * </ul>
 */
@Singleton
public class TenantImports {
    /** API Gateway answers after 30 s: a call stops taking new codes after this. */
    static final Duration BUDGET = Duration.ofSeconds(20);
    static final int MAX_CODES = 600;
    private static final Pattern CODE = Pattern.compile("(\\d{2}\\.\\d{2})(?:=([a-z0-9][a-z0-9\\-]{1,39}))?");
    private static final JsonLog LOG = JsonLog.get(TenantImports.class);

    private final TenantCatalog catalog;
    private final TenantRegistry registry;
    private final Json json;

    public TenantImports(TenantCatalog catalog, TenantRegistry registry, Json json) {
        this.catalog = catalog;
        this.registry = registry;
        this.json = json;
    }

    /** What one call did. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(String uploadId, List<Item> results, List<String> remaining) {
    }

    /** One kab/kota: {@code outcome} is {@code created}, {@code updated}, {@code unchanged} or {@code failed}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String code, String tenantId, String name, String outcome, Integer kecamatan,
                       Integer kelurahan, String message, Map<String, String> fields) {
    }

    Report run(Caller caller, String body, Locale locale, TenantOnboarding onboarding) {
        if (!caller.isPlatformAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                    "Hanya admin platform yang dapat mengimpor pemda.", "Only a platform admin can import tenants."));
        }
        JsonFields fields = JsonFields.root(json.strictTree(body == null || body.isBlank() ? "{}" : body));
        String uploadId = fields.string("uploadId");
        List<String> codes = fields.strings("codes");
        FieldErrors errors = fields.errors();
        if (uploadId == null) {
            errors.required("uploadId");
        }
        Map<String, String> requested = new LinkedHashMap<>();
        if (codes == null || codes.isEmpty() || codes.size() > MAX_CODES) {
            errors.add("codes", "1 sampai " + MAX_CODES + " kode kab/kota, mis. [\"16.73\", \"71.74=kotamobagu\"]",
                    "1 to " + MAX_CODES + " kab/kota codes, e.g. [\"16.73\", \"71.74=kotamobagu\"]");
        } else {
            for (int i = 0; i < codes.size(); i++) {
                Matcher m = codes.get(i) == null ? null : CODE.matcher(codes.get(i).trim());
                if (m == null || !m.matches()) {
                    errors.add("codes[" + i + "]", "kode kab/kota seperti 16.73 (atau 16.73=id-pemda)",
                            "a kab/kota code like 16.73 (or 16.73=tenant-id)");
                } else {
                    requested.put(m.group(1), m.group(2));
                }
            }
        }
        errors.throwIfAny();
        long started = System.nanoTime();
        List<AdminBoundary> features = onboarding.readUpload(uploadId, "uploadId", TenantOnboarding.MAX_IMPORT_BYTES,
                code -> requested.keySet().stream().anyMatch(c -> code.equals(c) || code.startsWith(c + ".")));
        Map<String, List<AdminBoundary>> byCode = new LinkedHashMap<>();
        for (AdminBoundary b : features) {
            String kab = b.code().length() >= 5 ? b.code().substring(0, 5) : b.code();
            byCode.computeIfAbsent(kab, k -> new ArrayList<>()).add(parented(b));
        }
        List<Item> results = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (var request : requested.entrySet()) {
            String code = request.getKey();
            if (System.nanoTime() - started > BUDGET.toNanos()) {
                remaining.add(request.getValue() == null ? code : code + "=" + request.getValue());
                continue;
            }
            results.add(one(caller, code, request.getValue(), byCode.getOrDefault(code, List.of()), locale, onboarding));
        }
        LOG.info("tenant.import", "uploadId", uploadId, "requested", requested.size(), "done", results.size(),
                "remaining", remaining.size(), "ms", (System.nanoTime() - started) / 1_000_000);
        return new Report(uploadId, results, remaining);
    }

    private Item one(Caller caller, String code, String explicitId, List<AdminBoundary> boundaries, Locale locale,
                     TenantOnboarding onboarding) {
        if (boundaries.isEmpty() || !TenantOnboarding.hasOutline(boundaries)) {
            return new Item(code, explicitId, null, "failed", null, null, en(locale)
                    ? "no kabkota or kecamatan polygon with this code in the file"
                    : "tidak ada poligon kabkota atau kecamatan dengan kode ini di berkas", null);
        }
        String name = boundaries.stream().filter(b -> b.level() == AdminLevel.KABKOTA && b.code().equals(code))
                .map(AdminBoundary::name).findFirst().orElse(code);
        String tenantId = explicitId != null ? explicitId : idFor(code, name);
        int kecamatan = (int) boundaries.stream().filter(b -> b.level() == AdminLevel.KECAMATAN).count();
        int kelurahan = (int) boundaries.stream().filter(b -> b.level() == AdminLevel.KELURAHAN).count();
        Optional<TenantRegistry.Stored> stored = registry.stored(tenantId);
        String document = stored.map(TenantRegistry.Stored::document)
                .orElseGet(() -> StarterTenants.document(tenantId, name, StarterTenants.zone(code)));
        try {
            TenantOnboarding.Outcome o = onboarding.store(caller, tenantId, document, boundaries);
            String outcome = o.created() ? "created" : o.view().boundariesChanged() ? "updated" : "unchanged";
            return new Item(code, tenantId, name, outcome, kecamatan, kelurahan, null, null);
        } catch (DomainException e) {
            Map<String, String> f = new LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> f.put(k, v.in(locale)));
            return new Item(code, tenantId, name, "failed", kecamatan, kelurahan,
                    e.code() + ": " + e.localizedMessage().in(locale), f.isEmpty() ? null : f);
        }
    }

    /** The id of the tenant already onboarded with this code, else one from the name (qualified if taken). */
    private String idFor(String code, String name) {
        List<TenantEntry> entries = catalog.list();
        Optional<TenantEntry> same = entries.stream().filter(e -> code.equals(e.code())).findFirst();
        if (same.isPresent()) {
            return same.get().id();
        }
        String plain = StarterTenants.id(name, false);
        boolean taken = entries.stream().anyMatch(e -> e.id().equals(plain) && !code.equals(e.code()));
        return taken ? StarterTenants.id(name, true) : plain;
    }

    /** A desa/kelurahan without {@code kecamatan_kode} takes it from its own code (the first three segments). */
    private static AdminBoundary parented(AdminBoundary b) {
        if (b.level() != AdminLevel.KELURAHAN || b.kecamatanCode() != null || b.code().length() < 8) {
            return b;
        }
        return new AdminBoundary(b.level(), b.code(), b.name(), b.code().substring(0, 8), b.geometry());
    }

    private static boolean en(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
