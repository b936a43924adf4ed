package id.laporwarga.domain.tenant;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.BoundaryFingerprint;
import id.laporwarga.domain.geo.BoundaryOverlaps;
import id.laporwarga.domain.geo.BoundingBox;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.port.TenantRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Onboards or changes a tenant, with the boundary rules of the platform:
 * <ul>
 *   <li>only a platform admin may set or change boundaries (a city admin may change the document of their own
 *   tenant, sending the same boundaries or none: 403 otherwise);</li>
 *   <li>new boundaries may not overlap another tenant's area beyond slivers ({@link BoundaryOverlaps}: 409
 *   {@code BOUNDARY_OVERLAP}); candidates come from the national index, the check runs on their real polygons;</li>
 *   <li>the document and the index entry are written together, conditional on the index not having changed since
 *   the check (a concurrent onboarding makes this one check again and retry).</li>
 * </ul>
 */
public final class TenantOnboardingService {
    /** Boxes per tenant in the national index (islands far apart get boxes of their own). */
    public static final int MAX_BOXES = 4;
    /** Stored boxes are grown outwards to this grid (degrees, about 11 m) to keep the index small. */
    public static final double BOX_GRID_DEGREES = 0.0001;
    static final int MAX_ATTEMPTS = 6;

    private final TenantRegistry registry;

    public TenantOnboardingService(TenantRegistry registry) {
        this.registry = registry;
    }

    /**
     * A validated request: the document without boundaries, how to build the tenant once its boundaries are known
     * (validation that needs the areas, e.g. agencies' kelurahan), and the new polygons (null: keep the stored ones).
     */
    public record Draft(String tenantId, String document, Function<Boundaries, Tenant> build,
                        List<AdminBoundary> boundaries) {
    }

    /** What was stored. {@code boundariesChanged}: the boundaries are new (or the tenant is). */
    public record Result(Tenant tenant, TenantEntry entry, boolean created, boolean boundariesChanged) {
    }

    public Result onboard(Caller caller, Draft draft) {
        caller.requireAdminOf(draft.tenantId());
        Optional<TenantRegistry.Stored> stored = registry.stored(draft.tenantId());
        Tenant tenant;
        String boundaryVersion;
        List<BoundingBox> boxes;
        String code;
        boolean changed;
        if (draft.boundaries() == null) {
            TenantRegistry.Stored s = stored.orElseThrow(() -> DomainException.validation(Map.of("boundaries",
                    LocalizedText.of("wajib diisi untuk pemda baru", "required for a new tenant"))));
            boundaryVersion = s.entry().boundaryVersion();
            String id = draft.tenantId();
            tenant = draft.build().apply(Boundaries.lazy(boundaryVersion, s.areas(),
                    () -> registry.loadBoundaries(id, boundaryVersion)));
            boxes = s.entry().boxes();
            code = s.entry().code();
            changed = false;
        } else {
            boundaryVersion = BoundaryFingerprint.of(draft.boundaries());
            changed = stored.isEmpty() || !boundaryVersion.equals(stored.get().entry().boundaryVersion());
            if (changed && !caller.isPlatformAdmin()) {
                throw new DomainException(ErrorCode.FORBIDDEN, LocalizedText.of(
                        "Batas wilayah hanya dapat diubah oleh admin platform. Kirim dokumen tanpa \"boundaries\" "
                                + "(atau dengan batas wilayah yang sama) untuk mengubah katalog, instansi atau alur kerja.",
                        "Only a platform admin can change the boundaries. Send the document without \"boundaries\" "
                                + "(or with the same boundaries) to change the catalogue, agencies or workflows."));
            }
            tenant = draft.build().apply(Boundaries.of(boundaryVersion, draft.boundaries()));
            boxes = Boundaries.boxes(draft.boundaries(), MAX_BOXES).stream()
                    .map(b -> b.roundedOutwards(BOX_GRID_DEGREES)).toList();
            code = draft.boundaries().stream().filter(b -> b.level() == AdminLevel.KABKOTA).map(AdminBoundary::code)
                    .findFirst().orElse(stored.map(s -> s.entry().code()).orElse(null));
        }
        Map<String, BoundaryOverlaps.Overlap> checked = new HashMap<>();
        boolean boundariesStored = !changed;
        for (int attempt = 1; ; attempt++) {
            NationalIndex index = registry.currentIndex();
            if (changed) {
                refuseOverlaps(tenant, boxes, index, checked);
                if (!boundariesStored) {
                    registry.storeBoundaries(tenant.id(), boundaryVersion, draft.boundaries());
                    boundariesStored = true;
                }
            }
            Optional<TenantEntry> previous = index.entry(tenant.id());
            TenantEntry entry = new TenantEntry(tenant.id(), tenant.name(), tenant.zone(), code, index.version() + 1,
                    boundaryVersion, boxes, previous.map(TenantEntry::sequence).orElse(index.nextSequence()));
            try {
                registry.commit(tenant, draft.document(), entry, index);
                return new Result(tenant, entry, stored.isEmpty(), changed);
            } catch (TenantRegistry.ConcurrentChangeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
                }
            }
        }
    }

    /** 409 when the tenant's outline overlaps another tenant's beyond slivers (neighbours measured once per version). */
    private void refuseOverlaps(Tenant tenant, List<BoundingBox> boxes, NationalIndex index,
                                Map<String, BoundaryOverlaps.Overlap> checked) {
        Map<String, LocalizedText> refused = new LinkedHashMap<>();
        for (TenantEntry other : index.intersecting(boxes, tenant.id())) {
            BoundaryOverlaps.Overlap overlap = checked.computeIfAbsent(other.id() + "@" + other.boundaryVersion(),
                    k -> BoundaryOverlaps.between(Boundaries.outline(tenant.boundaries()),
                            Boundaries.outline(registry.loadBoundaries(other.id(), other.boundaryVersion()))));
            if (overlap.refused()) {
                String km2 = String.format(Locale.ROOT, "%.2f", overlap.areaSquareMeters() / 1e6);
                String pct = String.format(Locale.ROOT, "%.1f", overlap.percentOfSmaller());
                refused.put("boundaries", LocalizedText.of(
                        "tumpang tindih " + km2 + " km² (" + pct + " % dari wilayah yang lebih kecil) dengan "
                                + other.name() + " (" + other.id() + "); yang diterima hanya irisan tipis di garis batas "
                                + "(lebar < " + (int) (2 * BoundaryOverlaps.MAX_SLIVER_RADIUS_METERS) + " m, total <= "
                                + (int) BoundaryOverlaps.MAX_OVERLAP_PERCENT + " %)",
                        "overlaps " + other.name() + " (" + other.id() + ") by " + km2 + " km² (" + pct
                                + " % of the smaller area); only thin slivers along the border are accepted (narrower "
                                + "than " + (int) (2 * BoundaryOverlaps.MAX_SLIVER_RADIUS_METERS) + " m, at most "
                                + (int) BoundaryOverlaps.MAX_OVERLAP_PERCENT + " % in total)"));
                break;
            }
        }
        if (!refused.isEmpty()) {
            throw new DomainException(ErrorCode.BOUNDARY_OVERLAP, ErrorCode.BOUNDARY_OVERLAP.defaultMessage(), refused);
        }
    }
}
