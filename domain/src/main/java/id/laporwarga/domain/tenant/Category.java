package id.laporwarga.domain.tenant;

import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.intake.Requirement;
import id.laporwarga.domain.report.CaseKind;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report category of one tenant: code, Indonesian name, the responsible agency, optional per-kecamatan overrides
 * (kecamatan code to agency id), the kinds of report it applies to (empty = every kind), its report class
 * (pengaduan, aspirasi, permintaan informasi, whistle-blowing) and whether its reports carry a location and photos.
 *
 * @param location whether a location is required, optional or absent (default REQUIRED)
 * @param photos   whether photos are required, optional or absent (null = as the kind says: complaints and RT
 *                 activity reports REQUIRED, service requests OPTIONAL)
 */
public record Category(String code, String name, String agencyId, Map<String, String> kecamatanOverrides,
                       Set<CaseKind> kinds, ReportClass reportClass, Requirement location, Requirement photos) {
    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        kecamatanOverrides = kecamatanOverrides == null ? Map.of() : Map.copyOf(kecamatanOverrides);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        reportClass = reportClass == null ? ReportClass.PENGADUAN : reportClass;
        location = location == null ? Requirement.REQUIRED : location;
    }

    /** A complaint-class category with a required location and photos as its kind says. */
    public Category(String code, String name, String agencyId, Map<String, String> kecamatanOverrides,
                    Set<CaseKind> kinds) {
        this(code, name, agencyId, kecamatanOverrides, kinds, null, null, null);
    }

    public boolean appliesTo(CaseKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** Whether a report of {@code kind} in this category needs, may or may not carry photos. */
    public Requirement photosFor(CaseKind kind) {
        if (photos != null) {
            return photos;
        }
        return kind == null || kind.requiresPhotos() ? Requirement.REQUIRED : Requirement.OPTIONAL;
    }
}
