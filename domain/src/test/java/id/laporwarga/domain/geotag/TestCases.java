package id.laporwarga.domain.geotag;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class TestCases {
    private TestCases() {
    }

    /** A case as SubmitReportService stores it: AWAITING_PHOTOS, version 1, one history entry. */
    static ReportCase awaitingPhotos(String caseId, CaseKind kind, GeoPoint location, Instant createdAt, int photoCount) {
        return awaitingPhotos(caseId, kind, location, createdAt, photoCount, 0 /* size not declared */);
    }

    /** The same, each photo declared with {@code declaredSize} bytes. */
    static ReportCase awaitingPhotos(String caseId, CaseKind kind, GeoPoint location, Instant createdAt, int photoCount,
                                     long declaredSize) {
        List<Photo> photos = new ArrayList<>();
        for (int i = 1; i <= photoCount; i++) {
            photos.add(new Photo("p" + i, "image/jpeg", declaredSize,
                    SubmitReportService.photoKey("kotamobagu", caseId, "p" + i, "image/jpeg"), null));
        }
        return ReportCase.builder().caseId(caseId).tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode("KOT-" + caseId).kind(kind).category("JALAN").description("Jalan berlubang")
                .location(location).rtId(kind == CaseKind.RT_ACTIVITY ? "rt-001" : null).privacy(Privacy.PUBLIC)
                .photos(photos).status(CaseStatus.AWAITING_PHOTOS).submittedAt(createdAt)
                .citizenSecretHash("secret-hash").requestHash("request-hash").build();
    }
}
