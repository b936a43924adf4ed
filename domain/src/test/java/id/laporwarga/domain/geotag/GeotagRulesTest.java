package id.laporwarga.domain.geotag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.tenant.GeotagPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeotagRulesTest {
    private static final Instant SUBMITTED = Instant.parse("2026-11-24T02:00:00Z"); // 10:00 WITA
    private static final Instant UPLOADED = SUBMITTED.plusSeconds(60);
    private final GeotagRules rules = new GeotagRules();
    private final Tenant kotamobagu = TestData.kotamobagu();
    private final GeoPoint reported = TestData.insidePoints().get(0);

    private static PhotoMetadata gps(GeoPoint at, Instant captured) {
        return new PhotoMetadata(ImageFormat.JPEG, at, at != null,
                captured == null ? null : LocalDateTime.ofInstant(captured, ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8),
                "Apple", "iPhone 7");
    }

    private GeotagRules.Evaluation check(PhotoMetadata m, CaseKind kind, Tenant tenant) {
        ReportCase c = TestCases.awaitingPhotos("c1", kind, reported, SUBMITTED, 1);
        return rules.evaluate(m, c, tenant, UPLOADED, 4096, UPLOADED.plusSeconds(1));
    }

    private GeotagRules.Evaluation check(PhotoMetadata m) {
        return check(m, CaseKind.COMPLAINT, kotamobagu);
    }

    @Test
    void photoTakenAtTheReportedPlaceJustBeforeSubmissionPasses() {
        var e = check(gps(reported, SUBMITTED.minus(Duration.ofMinutes(20))));
        assertEquals(Verdict.PASS, e.check().verdict());
        assertNull(e.check().reason());
        assertEquals(0.0, e.check().distanceMeters());
        assertEquals(reported, e.check().readLocation());
        assertEquals(4096, e.check().bytesRead());
        assertEquals(List.of(), e.reasons());
    }

    @Test
    void everyOutsidePointIsRejectedAsOutsideJurisdiction() {
        for (GeoPoint outside : TestData.outsidePoints()) {
            var e = check(gps(outside, SUBMITTED.minusSeconds(600)));
            assertEquals(Verdict.REJECTED, e.check().verdict(), outside.toString());
            assertEquals("OUTSIDE_JURISDICTION", e.check().reason());
            assertNotNull(e.check().distanceMeters());
            assertTrue(e.check().distanceMeters() > 1000);
        }
    }

    @Test
    void everyInsidePointWithinTheThresholdPasses() {
        for (GeoPoint inside : TestData.insidePoints()) {
            ReportCase c = TestCases.awaitingPhotos("c1", CaseKind.COMPLAINT, inside, SUBMITTED, 1);
            GeoPoint nearby = new GeoPoint(inside.lat() + 0.001, inside.lon()); // ~111 m north
            var e = rules.evaluate(gps(nearby, SUBMITTED.minusSeconds(60)), c, kotamobagu, UPLOADED, 1, UPLOADED);
            assertEquals(Verdict.PASS, e.check().verdict(), inside.toString() + " " + e.reasons());
            assertEquals(111, e.check().distanceMeters(), 1.5);
        }
    }

    @Test
    void farFromTheReportedLocationNeedsReviewWithTheDistance() {
        GeoPoint other = TestData.insidePoints().get(2);
        double expected = other.distanceMetersTo(reported);
        var e = check(gps(other, SUBMITTED.minusSeconds(60)));
        assertEquals(Verdict.NEEDS_REVIEW, e.check().verdict());
        assertEquals("LOCATION_MISMATCH", e.check().reason());
        assertEquals(expected, e.check().distanceMeters(), 0.1);
    }

    @Test
    void distanceThresholdComesFromTheTenantPolicy() {
        GeoPoint m400 = new GeoPoint(reported.lat() + 400 / 111_195.0, reported.lon());
        assertEquals(Verdict.NEEDS_REVIEW, check(gps(m400, SUBMITTED)).check().verdict(), "default 300 m");
        Tenant lenient = TestData.tenant(new TenantPolicies(new GeotagPolicy(500, 72, true, false), null, null, null));
        assertEquals(Verdict.PASS, check(gps(m400, SUBMITTED), CaseKind.COMPLAINT, lenient).check().verdict());
    }

    @Test
    void noGpsNeedsReviewForComplaintsAndRejectsRtActivityReportsByDefault() {
        PhotoMetadata none = gps(null, SUBMITTED);
        assertEquals(Verdict.NEEDS_REVIEW, check(none, CaseKind.COMPLAINT, kotamobagu).check().verdict());
        assertEquals(Verdict.NEEDS_REVIEW, check(none, CaseKind.SERVICE_REQUEST, kotamobagu).check().verdict());
        var rt = check(none, CaseKind.RT_ACTIVITY, kotamobagu);
        assertEquals(Verdict.REJECTED, rt.check().verdict());
        assertEquals("NO_GPS", rt.check().reason());
    }

    @Test
    void noGpsVerdictsAreConfigurable() {
        Tenant swapped = TestData.tenant(new TenantPolicies(new GeotagPolicy(300, 72, false, true), null, null, null));
        PhotoMetadata none = gps(null, SUBMITTED);
        assertEquals(Verdict.REJECTED, check(none, CaseKind.COMPLAINT, swapped).check().verdict());
        assertEquals(Verdict.NEEDS_REVIEW, check(none, CaseKind.RT_ACTIVITY, swapped).check().verdict());
    }

    @Test
    void photoOlderThanTheWindowIsStaleAndOneWithinIsNot() {
        var stale = check(gps(reported, SUBMITTED.minus(Duration.ofHours(73))));
        assertEquals(Verdict.NEEDS_REVIEW, stale.check().verdict());
        assertEquals("STALE_PHOTO", stale.check().reason());
        assertEquals(Verdict.PASS, check(gps(reported, SUBMITTED.minus(Duration.ofHours(71)))).check().verdict());
    }

    @Test
    void photoTakenAfterItsUploadIsFutureButSmallClockDriftIsTolerated() {
        var future = check(gps(reported, UPLOADED.plus(Duration.ofHours(1))));
        assertEquals(Verdict.NEEDS_REVIEW, future.check().verdict());
        assertEquals("FUTURE_PHOTO", future.check().reason());
        assertEquals(Verdict.PASS, check(gps(reported, UPLOADED.plus(Duration.ofMinutes(5)))).check().verdict());
    }

    @Test
    void captureTimeWithoutOffsetIsReadInTheTenantZone() {
        // 10:30 camera time, no offset: in WITA that is 02:30Z, i.e. 30 min after submission plus upload -> future
        PhotoMetadata naive = new PhotoMetadata(ImageFormat.JPEG, reported, true, LocalDateTime.of(2026, 11, 24, 10, 30),
                null, null, null);
        assertEquals("FUTURE_PHOTO", check(naive).check().reason());
        assertEquals(Instant.parse("2026-11-24T02:30:00Z"), check(naive).check().capturedAt());
        // the same camera time in a WIB tenant is 03:30Z
        Tenant wib = new Tenant("x", "Kota X", java.time.ZoneId.of("Asia/Jakarta"), kotamobagu.boundaries(), List.of(),
                List.of(), null);
        assertEquals(Instant.parse("2026-11-24T03:30:00Z"), check(naive, CaseKind.COMPLAINT, wib).check().capturedAt());
    }

    @Test
    void missingCaptureTimeNeedsReview() {
        var e = check(gps(reported, null));
        assertEquals(Verdict.NEEDS_REVIEW, e.check().verdict());
        assertEquals("NO_CAPTURE_TIME", e.check().reason());
    }

    @Test
    void theWorstFindingDecidesAndEveryFindingIsListed() {
        GeoPoint outside = TestData.outsidePoints().get(0);
        var e = check(gps(outside, SUBMITTED.minus(Duration.ofDays(30))));
        assertEquals(Verdict.REJECTED, e.check().verdict());
        assertEquals("OUTSIDE_JURISDICTION", e.check().reason());
        assertEquals(List.of(GeotagReason.OUTSIDE_JURISDICTION, GeotagReason.STALE_PHOTO), e.reasons());
    }

    @Test
    void realPhotosFromElsewhereAreRejectedAndThePlaceholderCountsAsNoGps() {
        // what the real photos of sample-data/photos carry (expected.csv; the reader is tested on the files in platform)
        PhotoMetadata italy = TestData.expectedMetadata("nikon-coolpix-p6000_gps.jpg");
        assertEquals("OUTSIDE_JURISDICTION", check(italy).check().reason());
        PhotoMetadata nullIsland = TestData.expectedMetadata("samsung-gt-i9000_gps-zero-zero.jpg");
        assertTrue(nullIsland.gpsTagsPresent());
        assertEquals("NO_GPS", check(nullIsland).check().reason());
        PhotoMetadata emptyIfd = TestData.expectedMetadata("xiaomi-redmi-note9s_empty-gps-ifd.jpg");
        assertEquals("NO_GPS", check(emptyIfd).check().reason());
    }

    @Test
    void invalidImageIsRejected() {
        var e = rules.invalid(12, UPLOADED);
        assertEquals(Verdict.REJECTED, e.check().verdict());
        assertEquals("INVALID_IMAGE", e.check().reason());
    }
}
