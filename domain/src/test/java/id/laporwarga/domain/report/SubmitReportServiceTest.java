package id.laporwarga.domain.report;

import id.laporwarga.domain.memory.MemorySecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import id.laporwarga.domain.memory.MemoryRoster;
import org.junit.jupiter.api.Test;

/** The submission flow over in-memory ports (the DynamoDB adapter has its own emulator tests). */
class SubmitReportServiceTest {
    final Tenant tenant = Fixtures.squareTenant();
    final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
    final AtomicInteger ids = new AtomicInteger();
    final MemoryRoster roster = new MemoryRoster().add(
            MemoryRoster.rt("kotakecil", "RT-01", "99.01.01", "99.01.01.1001", "Kelurahan Satu"));
    final SubmitReportService service = new SubmitReportService(catalog(tenant), cases, uploads(), roster, clock,
            new TrackingCodes(new SplittableRandom(7)), () -> "case-" + ids.incrementAndGet(),
            MemorySecrets.SECRETS);

    @Test
    void storesACaseAwaitingPhotosWithAreaAndTrackingCode() {
        var s = service.submit(ReportValidatorTest.valid(), "key-00000001");
        ReportCase c = s.reportCase();
        assertTrue(s.created());
        assertEquals(CaseStatus.AWAITING_PHOTOS, c.status());
        assertEquals("kotakecil", c.tenantId());
        assertEquals("Asia/Makassar", c.timeZone());
        assertEquals("99.01.01", c.area().kecamatanCode());
        assertEquals("99.01.01.1001", c.area().kelurahanCode());
        assertTrue(TrackingCodes.isWellFormed(c.trackingCode()), c.trackingCode());
        assertTrue(c.trackingCode().startsWith("KOT-"));
        assertEquals("photos/kotakecil/case-1/p1.jpg", c.photos().get(0).objectKey());
        assertEquals(1, s.uploads().size());
        // only the keyed verifier is stored; the secret is derived from the case id, never kept
        assertEquals(MemorySecrets.SECRETS.verifier(s.citizenSecret()), c.citizenSecretHash());
        assertEquals(MemorySecrets.SECRETS.secretFor(c.caseId()), s.citizenSecret());
        assertFalse(c.citizenSecretHash().contains(s.citizenSecret()));
        assertEquals(1, c.history().size());
        assertEquals(CaseStatus.AWAITING_PHOTOS, c.history().get(0).to());
    }

    @Test
    void aServiceRequestWithoutPhotoStartsAtItsRtWithTheCataloguesDeadline() {
        var request = new SubmitReportRequest("SERVICE_REQUEST", "SAMPAH", "Mohon surat keterangan domisili", 0.25,
                120.25, null, null, null, "RT-01", List.of());
        var s = service.submit(request, "key-00000009");
        ReportCase c = s.reportCase();
        assertEquals(CaseStatus.RT_APPROVAL, c.status());
        // the RT_APPROVAL step's deadline from the workflow catalogue (Portal Emas: 15 minutes), not null
        assertEquals(clock.instant().plusSeconds(15 * 60), c.deadlineAt());
        assertEquals("submit", c.history().get(0).action());
        assertEquals("case.submitted", s.event().eventType());
        assertEquals(CaseStatus.RT_APPROVAL, s.event().stepEntered());
        assertEquals(c.caseId() + "#case.submitted#1", s.event().eventId());
        // the event is written with the case (the relay alerts the RT head from it), once
        assertEquals(List.of(s.event().eventId()),
                cases.caseEvents("case.submitted").stream().map(e -> e.eventId()).toList());
        // a replay creates nothing, so it has no event and writes none
        assertEquals(null, service.submit(request, "key-00000009").event());
        assertEquals(1, cases.caseEvents("case.submitted").size());
    }

    @Test
    void aRetryReturnsTheSameCaseAndADifferentBodyIsRefused() {
        var first = service.submit(ReportValidatorTest.valid(), "key-00000001");
        var again = service.submit(ReportValidatorTest.valid(), "key-00000001");
        assertFalse(again.created());
        assertEquals(first.reportCase().caseId(), again.reportCase().caseId());
        assertEquals(first.citizenSecret(), again.citizenSecret());
        assertEquals(1, cases.byId.size());
        var other = ReportValidatorTest.withPhotos(List.of(new PhotoDeclaration("image/png", 5L)));
        var e = assertThrows(DomainException.class, () -> service.submit(other, "key-00000001"));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
    }

    @Test
    void aRequestsTenantAndChannelNeverHashLikeTheReportersEmailAndLanguage() {
        var v = ReportValidatorTest.valid();
        var withTenant = new SubmitReportRequest(v.kind(), v.category(), v.description(), v.lat(), v.lon(),
                v.privacy(), v.reporterName(), v.reporterPhone(), v.rtId(), v.photos(), "warga@example.com", "en");
        var withEmail = new SubmitReportRequest(v.kind(), v.category(), v.description(), v.lat(), v.lon(),
                v.privacy(), v.reporterName(), v.reporterPhone(), v.rtId(), v.photos(), null, null,
                "warga@example.com", "en");
        assertFalse(withTenant.canonical().equals(withEmail.canonical()));
    }

    @Test
    void rejectsLocationsOutsideEveryTenantAndUnknownCategories() {
        var outside = new SubmitReportRequest("COMPLAINT", "SAMPAH", "Sampah menumpuk di depan pasar", 2.0, 125.0,
                null, null, null, null, ReportValidatorTest.ONE_JPEG);
        assertEquals(ErrorCode.OUTSIDE_SERVICE_AREA,
                assertThrows(DomainException.class, () -> service.submit(outside, "key-00000002")).code());
        var unknown = new SubmitReportRequest("COMPLAINT", "BANJIR", "Banjir setinggi lutut di jalan", 0.25, 120.25,
                null, null, null, null, ReportValidatorTest.ONE_JPEG);
        assertEquals(ErrorCode.UNKNOWN_CATEGORY,
                assertThrows(DomainException.class, () -> service.submit(unknown, "key-00000003")).code());
        // a category limited to RT activity is unknown for a complaint
        var wrongKind = new SubmitReportRequest("COMPLAINT", "GOTONG_ROYONG", "Kerja bakti di lingkungan RT", 0.25,
                120.25, null, null, null, null, ReportValidatorTest.ONE_JPEG);
        assertEquals(ErrorCode.UNKNOWN_CATEGORY,
                assertThrows(DomainException.class, () -> service.submit(wrongKind, "key-00000004")).code());
        assertTrue(cases.byId.isEmpty(), "nothing stored for rejected requests");
    }

    @Test
    void missingOrMalformedIdempotencyKeyIsRefusedBeforeAnythingElse() {
        assertEquals(ErrorCode.MISSING_IDEMPOTENCY_KEY,
                assertThrows(DomainException.class, () -> service.submit(ReportValidatorTest.valid(), null)).code());
        assertEquals(ErrorCode.VALIDATION_FAILED,
                assertThrows(DomainException.class, () -> service.submit(ReportValidatorTest.valid(), "a b")).code());
    }

    @Test
    void aTakenTrackingCodeIsReplacedByAnother() {
        cases.takenTrackingCodes = 2;
        var s = service.submit(ReportValidatorTest.valid(), "key-00000005");
        assertNotNull(s.reportCase().trackingCode());
        assertEquals(3, cases.createCalls);
    }

    static TenantCatalog catalog(Tenant t) {
        return new id.laporwarga.domain.memory.MemoryTenants(t);
    }

    static PhotoUploads uploads() {
        return new PhotoUploads() {
            public UploadTicket presignUpload(Photo p) {
                return new UploadTicket(p.photoId(), "https://upload.example/" + p.objectKey(), "PUT",
                        Map.of("Content-Type", p.contentType()), Instant.EPOCH);
            }

            public String presignDownload(String key) {
                return "https://download.example/" + key;
            }
        };
    }

    /** Test double of the domain port (not of an AWS API), with the port's documented semantics. */
}
