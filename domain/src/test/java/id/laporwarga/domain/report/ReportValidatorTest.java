package id.laporwarga.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {
    static final List<PhotoDeclaration> ONE_JPEG = List.of(new PhotoDeclaration("image/jpeg", 200_000L));

    static SubmitReportRequest valid() {
        return new SubmitReportRequest("COMPLAINT", "SAMPAH", "Sampah menumpuk di depan pasar", 0.25, 120.25,
                "PUBLIC", "Budi", "081234567890", null, ONE_JPEG);
    }

    @Test
    void acceptsAValidComplaint() {
        var v = ReportValidator.validate(valid());
        assertEquals(CaseKind.COMPLAINT, v.kind());
        assertEquals(Privacy.PUBLIC, v.privacy());
        assertEquals("081234567890", v.reporter().phone());
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var e = assertThrows(DomainException.class, () -> ReportValidator.validate(new SubmitReportRequest(
                "NOPE", null, "short", 95.0, 10.0, "SECRET", "x", "12345", null, List.of())));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertTrue(e.fieldErrors().keySet().containsAll(
                List.of("kind", "category", "description", "location", "privacy", "reporter.phone")),
                e.fieldErrors().keySet().toString());
    }

    @Test
    void rtActivityNeedsAnRtId() {
        var e = assertThrows(DomainException.class, () -> ReportValidator.validate(new SubmitReportRequest(
                "RT_ACTIVITY", "GOTONG_ROYONG", "Kerja bakti membersihkan selokan", 0.25, 120.25, null, null, null,
                null, ONE_JPEG)));
        assertEquals(List.of("rtId"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void photoLimitsGiveTheirOwnCodes() {
        var tooBig = assertThrows(DomainException.class, () -> ReportValidator.validate(withPhotos(
                List.of(new PhotoDeclaration("image/jpeg", 10L * 1024 * 1024 + 1)))));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, tooBig.code());
        var wrongType = assertThrows(DomainException.class, () -> ReportValidator.validate(withPhotos(
                List.of(new PhotoDeclaration("application/pdf", 1000L)))));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, wrongType.code());
        var six = assertThrows(DomainException.class, () -> ReportValidator.validate(withPhotos(
                java.util.Collections.nCopies(6, new PhotoDeclaration("image/png", 1000L)))));
        assertEquals(ErrorCode.VALIDATION_FAILED, six.code());
        assertTrue(six.fieldErrors().containsKey("photos"));
    }

    @Test
    void serviceRequestsMayComeWithoutPhotos() {
        var v = ReportValidator.validate(new SubmitReportRequest("SERVICE_REQUEST", "SURAT_DOMISILI",
                "Mohon surat keterangan domisili", 0.25, 120.25, null, "Siti", "081298765432", "RT001", null));
        assertTrue(v.photos().isEmpty());
    }

    @Test
    void rejectsControlCharactersAndOutOfRangeCoordinates() {
        var e = assertThrows(DomainException.class, () -> ReportValidator.validate(new SubmitReportRequest(
                "COMPLAINT", "SAMPAH", "Sampah\u0000menumpuk di pasar", 0.25, 181.0, null, null, null, null, ONE_JPEG)));
        assertTrue(e.fieldErrors().containsKey("description"));
        assertTrue(e.fieldErrors().containsKey("location"));
    }

    static SubmitReportRequest withPhotos(List<PhotoDeclaration> photos) {
        var v = valid();
        return new SubmitReportRequest(v.kind(), v.category(), v.description(), v.lat(), v.lon(), v.privacy(),
                v.reporterName(), v.reporterPhone(), v.rtId(), photos);
    }
}
