package id.laporwarga.domain.geotag;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
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
        return new ReportCase(caseId, "kotamobagu", "Asia/Makassar", "KOT-" + caseId, kind, "JALAN", "Jalan berlubang",
                location, null, kind == CaseKind.RT_ACTIVITY ? "rt-001" : null, Privacy.PUBLIC, null, photos,
                CaseStatus.AWAITING_PHOTOS, 1,
                List.of(new HistoryEntry(createdAt, "reporter", "CITIZEN", "submit", null, CaseStatus.AWAITING_PHOTOS, null)),
                createdAt, createdAt, null, false, List.of(), null, "secret-hash", "request-hash");
    }
}
