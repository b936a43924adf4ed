package id.laporwarga.domain.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One administrative polygon. {@code kecamatanCode} is the parent kecamatan's Kemendagri code for a kelurahan/desa
 * (and the own code for a kecamatan); the lookup trusts it over the kecamatan polygons, which do not nest exactly.
 */
public record AdminBoundary(AdminLevel level, String code, String name, String kecamatanCode, Geometry geometry) {
    public AdminBoundary {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
        if (level == AdminLevel.KECAMATAN && kecamatanCode == null) {
            kecamatanCode = code;
        }
    }
}
