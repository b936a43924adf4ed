package id.laporwarga.domain.workflow;

import id.laporwarga.domain.memory.MemorySecrets;
import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small tenant and in-memory implementations of the domain's ports (not of any AWS API). */
final class WorkflowFixtures {
    static final String TENANT = "kotamobagu";
    static final String SECRET = "s3cr3t-of-the-reporter-xx";

    private WorkflowFixtures() {
    }

    static Tenant tenant(List<LocalDate> holidays) {
        var square = new org.locationtech.jts.geom.GeometryFactory().createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(124.2, 0.6), new org.locationtech.jts.geom.Coordinate(124.4, 0.6),
                new org.locationtech.jts.geom.Coordinate(124.4, 0.8), new org.locationtech.jts.geom.Coordinate(124.2, 0.8),
                new org.locationtech.jts.geom.Coordinate(124.2, 0.6)});
        var kecamatan = new id.laporwarga.domain.geo.AdminBoundary(id.laporwarga.domain.geo.AdminLevel.KECAMATAN,
                "717401", "Kotamobagu Barat", null, square);
        return new Tenant(TENANT, "Kota Kotamobagu", IndonesianTime.WITA, List.of(kecamatan),
                List.of(new Category("sampah", "Sampah", "dlh", Map.of(), null),
                        new Category("lalu-lintas", "Lalu lintas", "dishub", Map.of(), null),
                        new Category("listrik", "Listrik padam", "pln", Map.of(), null),
                        new Category("surat", "Surat keterangan", null, Map.of(), java.util.Set.of(CaseKind.SERVICE_REQUEST))),
                List.of(new Agency("dlh", "Dinas Lingkungan Hidup", false, List.of()),
                        new Agency("dishub", "Dinas Perhubungan", false, List.of()),
                        new Agency("pln", "PLN", true, List.of())),
                new TenantPolicies(null, null, holidays, null));
    }

    /**
     * A tenant for walking the whole catalogue: one kecamatan with one kelurahan, an agency category, an external
     * institution's category, a category without agency, RT activity and service request categories, a triage desk.
     */
    static Tenant walkTenant(SlaPolicy sla, List<LocalDate> holidays) {
        var f = new org.locationtech.jts.geom.GeometryFactory();
        var kecamatan = new id.laporwarga.domain.geo.AdminBoundary(id.laporwarga.domain.geo.AdminLevel.KECAMATAN,
                "71.74.01", "Kotamobagu Barat", null, square(f, 124.2, 0.6, 0.2));
        var kelurahan = new id.laporwarga.domain.geo.AdminBoundary(id.laporwarga.domain.geo.AdminLevel.KELURAHAN,
                "71.74.01.1001", "Mogolaing", "71.74.01", square(f, 124.25, 0.65, 0.1));
        return new Tenant(TENANT, "Kota Kotamobagu", IndonesianTime.WITA, List.of(kecamatan, kelurahan),
                List.of(new Category("sampah", "Sampah", "dlh", Map.of(), null),
                        new Category("listrik", "Listrik padam", "pln", Map.of(), null),
                        new Category("lainnya", "Lainnya", null, Map.of(), null),
                        new Category("aspirasi", "Saran dan masukan", null, Map.of(),
                                java.util.Set.of(CaseKind.COMPLAINT), id.laporwarga.domain.intake.ReportClass.ASPIRASI,
                                id.laporwarga.domain.intake.Requirement.OPTIONAL,
                                id.laporwarga.domain.intake.Requirement.OPTIONAL),
                        new Category("gotong-royong", "Gotong royong", null, Map.of(),
                                java.util.Set.of(CaseKind.RT_ACTIVITY)),
                        new Category("surat", "Surat keterangan", null, Map.of(),
                                java.util.Set.of(CaseKind.SERVICE_REQUEST))),
                List.of(new Agency("dlh", "Dinas Lingkungan Hidup", false, List.of()),
                        new Agency("kominfo", "Diskominfo", false, List.of()),
                        new Agency("pln", "PLN", true, List.of())),
                new TenantPolicies(null, sla, holidays, "kominfo"));
    }

    private static org.locationtech.jts.geom.Polygon square(org.locationtech.jts.geom.GeometryFactory f, double lon,
                                                            double lat, double size) {
        return f.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(lon, lat),
                new org.locationtech.jts.geom.Coordinate(lon + size, lat),
                new org.locationtech.jts.geom.Coordinate(lon + size, lat + size),
                new org.locationtech.jts.geom.Coordinate(lon, lat + size),
                new org.locationtech.jts.geom.Coordinate(lon, lat)});
    }

    static ReportCase newCase(String id, CaseKind kind, CaseStatus status, String rtId, String kelurahan,
                              String kecamatan, String agencyId, Instant at, boolean withPhone) {
        AreaRef area = new AreaRef(kecamatan, "Kec " + kecamatan, kelurahan, "Kel " + kelurahan,
                AreaRef.KelurahanMatch.INSIDE);
        Assignment assignment = agencyId == null ? null : new Assignment(agencyId, agencyId, false, at, null, List.of());
        return new ReportCase(id, TENANT, "Asia/Makassar", "KOT-" + id.toUpperCase().replaceAll("[^A-Z2-9]", "")
                + "-AAAA", kind, kind == CaseKind.SERVICE_REQUEST ? "surat" : "sampah", "deskripsi",
                new GeoPoint(0.73, 124.31), area, rtId, Privacy.PUBLIC,
                new Reporter("Budi", withPhone ? "+6281234567890" : null, null), List.<Photo>of(), status, 1,
                List.of(new HistoryEntry(at, "reporter", "CITIZEN", "submit", null, status, null)), at, at, null,
                false, List.of(), assignment, MemorySecrets.SECRETS.verifier(SECRET), "hash");
    }

    /** Optimistic-locking in-memory store, same contract as the DynamoDB adapter. */

    static final class Tenants extends id.laporwarga.domain.memory.MemoryTenants {
        final Tenant tenant;

        Tenants(Tenant tenant) {
            super(tenant);
            this.tenant = tenant;
        }
    }

    static final class Uploads implements PhotoUploads {
        @Override
        public UploadTicket presignUpload(Photo photo) {
            return new UploadTicket(photo.photoId(), "https://upload.example/" + photo.objectKey(), "PUT",
                    Map.of("Content-Type", photo.contentType()), Instant.EPOCH);
        }

        @Override
        public String presignDownload(String objectKey) {
            return "https://download.example/" + objectKey;
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The shared in-memory case repository. */
    static final class MemoryCases extends InMemoryCaseRepository {
    }
}
