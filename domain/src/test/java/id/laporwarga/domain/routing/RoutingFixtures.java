package id.laporwarga.domain.routing;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.NotificationChannel;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** A Kotamobagu-like tenant (real kecamatan/kelurahan codes) and cases for the routing tests. */
final class RoutingFixtures {
    static final String TENANT = "kotamobagu";
    static final AreaRef MOGOLAING = new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1003", "Mogolaing",
            AreaRef.KelurahanMatch.INSIDE);
    static final AreaRef BIGA = new AreaRef("71.74.01", "Kotamobagu Utara", "71.74.01.1005", "Biga",
            AreaRef.KelurahanMatch.INSIDE);

    private RoutingFixtures() {
    }

    static Tenant tenant(SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId) {
        List<Agency> agencies = List.of(
                new Agency("dlh", "Dinas Lingkungan Hidup", false,
                        List.of(new NotificationChannel(NotificationChannel.Type.EMAIL, "dlh@kotamobagukota.go.id"))),
                new Agency("dishub", "Dinas Perhubungan", false, List.of()),
                new Agency("satpolpp", "Satpol PP", false, List.of()),
                new Agency("kec-utara", "Kantor Kecamatan Kotamobagu Utara", false, List.of()),
                new Agency("kominfo", "Diskominfo (Admin Lapor Warga)", false, List.of()),
                new Agency("pln", "PLN UP3 Kotamobagu", true, List.of()),
                new Agency("pdam", "Perumda Air Minum", true, List.of()));
        List<Category> categories = List.of(
                new Category("sampah", "Sampah", "dlh", Map.of(), Set.of()),
                new Category("parkir", "Parkir liar", "dishub", Map.of(), Set.of(CaseKind.COMPLAINT)),
                new Category("ketertiban", "Ketertiban umum", "satpolpp", Map.of("71.74.01", "kec-utara"), Set.of()),
                new Category("listrik", "Listrik padam", "pln", Map.of(), Set.of()),
                new Category("lainnya", "Lainnya", null, Map.of(), Set.of()),
                new Category("surat", "Surat keterangan", null, Map.of(), Set.of(CaseKind.SERVICE_REQUEST)),
                new Category("hantu", "Kategori rusak", "dinas-hilang", Map.of(), Set.of()));
        // routing never looks at polygons; a Tenant needs one service area
        var square = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(124.2, 0.6),
                new Coordinate(124.4, 0.6), new Coordinate(124.4, 0.8), new Coordinate(124.2, 0.8), new Coordinate(124.2, 0.6)});
        var kecamatan = new AdminBoundary(AdminLevel.KECAMATAN, "71.74.04", "Kotamobagu Barat", null, square);
        return new Tenant(TENANT, "Pemerintah Kota Kotamobagu", IndonesianTime.WITA, List.of(kecamatan), categories, agencies,
                new TenantPolicies(null, sla, holidays, triageAgencyId));
    }

    static Tenant tenant() {
        return tenant(SlaPolicy.defaults(), List.of(), "kominfo");
    }

    static ReportCase verifiedCase(String caseId, CaseKind kind, String category, AreaRef area, Privacy privacy,
                                   Reporter reporter, Instant createdAt) {
        Photo photo = new Photo("p1", "image/jpeg", 120_000, "photos/" + TENANT + "/" + caseId + "/p1.jpg", null);
        return new ReportCase(caseId, TENANT, "Asia/Makassar", "KTG-7K3M-9QXD", kind, category,
                "Tumpukan sampah di depan pasar sudah tiga hari tidak diangkut.", new GeoPoint(0.737611, 124.285133),
                area, kind == CaseKind.RT_ACTIVITY ? "rt-71.74.04.1003-003" : null, privacy, reporter, List.of(photo),
                CaseStatus.VERIFIED, 3, List.of(), createdAt, createdAt, null, false, List.of(), null, "hash", "req");
    }

    static ReportCase complaint(String caseId, String category, AreaRef area) {
        return verifiedCase(caseId, CaseKind.COMPLAINT, category, area, Privacy.PUBLIC,
                new Reporter("Siti Mokodompit", "+6281234567890", null), Instant.parse("2026-11-24T01:00:00Z"));
    }
}
