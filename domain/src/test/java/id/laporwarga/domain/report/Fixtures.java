package id.laporwarga.domain.report;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.GeoJsonGeometries;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small square tenant: city 0..1 x 0..1 degrees, two kecamatan halves, one kelurahan in the west half. */
public final class Fixtures {
    private Fixtures() {
    }

    static List<List<Double>> ring(double x0, double y0, double x1, double y1) {
        // clockwise on purpose, like the real Kemendagri rings
        return List.of(List.of(x0, y0), List.of(x0, y1), List.of(x1, y1), List.of(x1, y0), List.of(x0, y0));
    }

    static AdminBoundary square(AdminLevel level, String code, String name, String kec, double x0, double y0, double x1, double y1) {
        return new AdminBoundary(level, code, name, kec,
                GeoJsonGeometries.fromGeoJson("Polygon", List.of(ring(x0, y0, x1, y1))));
    }

    public static Tenant squareTenant() {
        return new Tenant("kotakecil", "Kota Kecil", IndonesianTime.WITA,
                List.of(square(AdminLevel.KABKOTA, "99.01", "Kota Kecil", null, 120, 0, 121, 1),
                        square(AdminLevel.KECAMATAN, "99.01.01", "Barat", null, 120, 0, 120.5, 1),
                        square(AdminLevel.KECAMATAN, "99.01.02", "Timur", null, 120.5, 0, 121, 1),
                        square(AdminLevel.KELURAHAN, "99.01.01.1001", "Kelurahan Satu", "99.01.01", 120, 0, 120.5, 0.5)),
                List.of(new Category("SAMPAH", "Sampah", "dlh", Map.of(), Set.of()),
                        new Category("GOTONG_ROYONG", "Gotong royong", null, Map.of(), Set.of(CaseKind.RT_ACTIVITY))),
                List.of(new Agency("dlh", "Dinas Lingkungan Hidup", false, List.of())),
                TenantPolicies.defaults());
    }
}
