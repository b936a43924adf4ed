package id.laporwarga.domain.tenant;

import id.laporwarga.domain.report.CaseKind;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report category of one tenant: code, Indonesian name, the responsible agency, optional per-kecamatan overrides
 * (kecamatan code to agency id) and the kinds of report it applies to (empty = every kind).
 */
public record Category(String code, String name, String agencyId, Map<String, String> kecamatanOverrides,
                       Set<CaseKind> kinds) {
    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        kecamatanOverrides = kecamatanOverrides == null ? Map.of() : Map.copyOf(kecamatanOverrides);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public boolean appliesTo(CaseKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
