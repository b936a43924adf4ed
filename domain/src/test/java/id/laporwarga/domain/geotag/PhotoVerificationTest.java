package id.laporwarga.domain.geotag;

import id.laporwarga.domain.report.InMemoryCaseRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryTenants;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhotoVerificationTest {
    private static final Instant SUBMITTED = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant UPLOADED = SUBMITTED.plusSeconds(30);
    private static final String BUCKET = "photos-bucket";
    private static final long PHOTO_BYTES = 2_400_000;
    private static final long BYTES_FETCHED = 128 * 1024;
    private final GeoPoint reported = TestData.insidePoints().get(0);
    private final Cases cases = new Cases();
    private final Objects objects = new Objects();
    /** The verdict events written to the outbox (with the case), in order. */
    private final List<OutboxEvent> events = cases.outbox;
    private final PhotoVerification verification = new PhotoVerification(cases, new MemoryTenants(TestData.kotamobagu()),
            objects, Clock.fixed(UPLOADED.plusSeconds(2), ZoneOffset.UTC));

    private ReportCase submitted(String caseId, CaseKind kind, int photos) {
        ReportCase c = TestCases.awaitingPhotos(caseId, kind, reported, SUBMITTED, photos);
        cases.store.put(caseId, c);
        return c;
    }

    private PhotoVerification.PhotoUploaded upload(ReportCase c, int photo, StoredPhoto stored) {
        String key = c.photos().get(photo - 1).objectKey();
        objects.store.put(key, stored);
        return new PhotoVerification.PhotoUploaded(BUCKET, key, stored.isImage() ? stored.sizeBytes() : 20, UPLOADED);
    }

    /** A phone photo as the photo store reads it: GPS at {@code at} (none when null), taken 15 minutes before submitting. */
    private static StoredPhoto taggedAt(GeoPoint at) {
        return photo(new PhotoMetadata(ImageFormat.JPEG, at, at != null,
                LocalDateTime.ofInstant(SUBMITTED.minusSeconds(900), ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8),
                "NIKON", "COOLPIX P6000"));
    }

    private static StoredPhoto photo(PhotoMetadata metadata) {
        return StoredPhoto.image(PHOTO_BYTES, BYTES_FETCHED, metadata);
    }

    @Test
    void photoTakenAtTheReportedPlaceVerifiesTheCaseAndPublishesOneEvent() throws Exception {
        ReportCase c = submitted("case-1", CaseKind.COMPLAINT, 1);

        var outcome = verification.verify(upload(c, 1, taggedAt(reported)));

        ReportCase stored = cases.store.get("case-1");
        assertEquals(PhotoVerification.Kind.CASE_DECIDED, outcome.kind());
        assertEquals(CaseStatus.VERIFIED, stored.status());
        assertEquals(2, stored.version());
        assertEquals(Verdict.PASS, stored.photos().get(0).check().verdict());
        assertEquals(reported.lat(), stored.photos().get(0).check().readLocation().lat(), 1e-6);
        HistoryEntry last = stored.history().get(stored.history().size() - 1);
        assertEquals(HistoryEntry.SYSTEM, last.actorId());
        assertEquals(CaseStatus.AWAITING_PHOTOS, last.from());
        assertEquals(CaseStatus.VERIFIED, last.to());
        assertEquals(1, events.size());
        assertEquals(CaseEvent.VERIFIED, events.get(0).eventType());
        assertEquals(OutboxEvent.Channel.CASE_EVENTS, events.get(0).channel());
        assertEquals("case-1#case.verified#2", events.get(0).eventId());
        assertEquals(events.get(0).eventId(), outcome.eventId());
        assertEquals(2L, events.get(0).body().get("version"));
        assertEquals("VERIFIED", events.get(0).attributes().get("status"));
        assertEquals(BYTES_FETCHED, outcome.bytesRead(), "what the photo store fetched");
        assertEquals(BYTES_FETCHED, stored.photos().get(0).check().bytesRead());
    }

    @Test
    void photoFromAnotherCityRejectsTheCaseWithAnIndonesianMessage() throws Exception {
        ReportCase c = submitted("case-2", CaseKind.COMPLAINT, 1);

        verification.verify(upload(c, 1, taggedAt(TestData.outsidePoints().get(1))));

        ReportCase stored = cases.store.get("case-2");
        assertEquals(CaseStatus.REJECTED, stored.status());
        assertEquals(List.of("OUTSIDE_JURISDICTION"), stored.verificationReasons());
        assertEquals("Foto diambil di luar wilayah Kota Kotamobagu.", stored.history().get(stored.history().size() - 1).note());
        assertEquals("The photo was taken outside Kota Kotamobagu.",
                CaseVerdicts.citizenMessages(stored, TestData.kotamobagu()).get(0).en());
        assertEquals(CaseEvent.REJECTED, events.get(0).eventType());
    }

    @Test
    void photoWithoutGpsSendsTheComplaintToReview() throws Exception {
        ReportCase c = submitted("case-3", CaseKind.COMPLAINT, 1);
        verification.verify(upload(c, 1, photo(TestData.expectedMetadata("canon-eos-40d_nogps.jpg"))));
        assertEquals(CaseStatus.NEEDS_REVIEW, cases.store.get("case-3").status());
        assertEquals("NO_GPS", cases.store.get("case-3").photos().get(0).check().reason());
        assertEquals(CaseEvent.NEEDS_REVIEW, events.get(0).eventType());
    }

    @Test
    void rtActivityPhotoWithoutGpsIsRejected() throws Exception {
        ReportCase c = submitted("case-rt", CaseKind.RT_ACTIVITY, 1);
        verification.verify(upload(c, 1, taggedAt(null)));
        assertEquals(CaseStatus.REJECTED, cases.store.get("case-rt").status());
    }

    @Test
    void theSameNotificationTwiceYieldsOneVerdictAndOneEvent() throws Exception {
        ReportCase c = submitted("case-4", CaseKind.COMPLAINT, 1);
        var upload = upload(c, 1, taggedAt(reported));

        verification.verify(upload);
        ReportCase afterFirst = cases.store.get("case-4");
        // the object is replaced by one from elsewhere: a redelivery must not re-read it nor change the verdict
        objects.store.put(upload.key(), taggedAt(TestData.outsidePoints().get(0)));
        var second = verification.verify(upload);

        assertEquals(PhotoVerification.Kind.ALREADY_CHECKED, second.kind());
        assertEquals(0, second.bytesRead());
        assertEquals(afterFirst, cases.store.get("case-4"));
        assertEquals(1, events.size());
    }

    @Test
    void theCaseIsDecidedByItsLastPhotoAndTakesTheWorstVerdict() throws Exception {
        ReportCase c = submitted("case-5", CaseKind.COMPLAINT, 2);

        var first = verification.verify(upload(c, 1, taggedAt(reported)));
        assertEquals(PhotoVerification.Kind.PHOTO_CHECKED, first.kind());
        assertEquals(CaseStatus.AWAITING_PHOTOS, cases.store.get("case-5").status());
        assertEquals(0, events.size());

        var second = verification.verify(upload(c, 2, photo(TestData.expectedMetadata("hopper_noexif.jpg"))));
        assertEquals(PhotoVerification.Kind.CASE_DECIDED, second.kind());
        assertEquals(CaseStatus.NEEDS_REVIEW, cases.store.get("case-5").status());
        assertEquals(List.of("NO_GPS", "NO_CAPTURE_TIME"), cases.store.get("case-5").verificationReasons());
        assertEquals(1, events.size());
    }

    @Test
    void twoPhotosVerifiedConcurrentlyRetryOnTheVersionConflictAndDecideOnce() throws Exception {
        ReportCase c = submitted("case-6", CaseKind.COMPLAINT, 2);
        var photo1 = upload(c, 1, taggedAt(reported));
        var photo2 = upload(c, 2, taggedAt(TestData.outsidePoints().get(0)));
        // while photo 1's check is being written, photo 2 is verified by another container
        cases.beforeNextUpdate = changed -> {
            try {
                verification.verify(photo2);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };

        var outcome = verification.verify(photo1);

        ReportCase stored = cases.store.get("case-6");
        assertTrue(cases.conflicts >= 1, "a conflict happened");
        assertEquals(PhotoVerification.Kind.CASE_DECIDED, outcome.kind());
        assertEquals(CaseStatus.REJECTED, stored.status());
        assertNotNull(stored.photos().get(0).check());
        assertNotNull(stored.photos().get(1).check());
        assertEquals(1, events.size());
        assertEquals(CaseEvent.REJECTED, events.get(0).eventType());
    }

    @Test
    void theVerdictAndItsEventAreOneWriteSoAFailureStoresNeitherAndTheRedeliveryWritesBothOnce() throws Exception {
        ReportCase c = submitted("case-7", CaseKind.COMPLAINT, 1);
        var upload = upload(c, 1, taggedAt(reported));
        cases.onEveryUpdate = changed -> {
            throw new IllegalStateException("DynamoDB down");
        };

        assertThrows(IllegalStateException.class, () -> verification.verify(upload));
        assertEquals(CaseStatus.AWAITING_PHOTOS, cases.store.get("case-7").status());
        assertEquals(0, events.size());

        cases.onEveryUpdate = changed -> { };
        var retry = verification.verify(upload);
        assertEquals("case-7#case.verified#2", retry.eventId());
        // the function dies after the write, before the message is deleted: the redelivery writes nothing more
        var again = verification.verify(upload);
        assertEquals(PhotoVerification.Kind.ALREADY_CHECKED, again.kind());
        assertNull(again.eventId());
        assertEquals(1, events.size());
        assertEquals(2, cases.store.get("case-7").version());
    }

    @Test
    void anObjectThatIsNotAnImageIsRejectedAndDeleted() throws Exception {
        ReportCase c = submitted("case-8", CaseKind.COMPLAINT, 1);
        var upload = upload(c, 1, StoredPhoto.notAnImage(20));

        var outcome = verification.verify(upload);

        assertEquals(CaseStatus.REJECTED, cases.store.get("case-8").status());
        assertEquals("INVALID_IMAGE", cases.store.get("case-8").photos().get(0).check().reason());
        assertTrue(outcome.objectDeleted());
        assertFalse(objects.store.containsKey(upload.key()));
    }

    @Test
    void anObjectLargerThanDeclaredIsRejectedWithoutReadingIt() throws Exception {
        ReportCase c = submitted("case-9", CaseKind.COMPLAINT, 1);
        var upload = upload(c, 1, taggedAt(reported));
        var oversized = new PhotoVerification.PhotoUploaded(BUCKET, upload.key(), 11L * 1024 * 1024, UPLOADED);

        var outcome = verification.verify(oversized);

        assertEquals("INVALID_IMAGE", outcome.reason());
        assertEquals(0, objects.opened);
        assertFalse(objects.store.containsKey(upload.key()));
    }

    @Test
    void anObjectOfAnotherSizeThanDeclaredIsRejectedOnceTheStoreTellsItsSize() throws Exception {
        ReportCase c = TestCases.awaitingPhotos("case-12", CaseKind.COMPLAINT, reported, SUBMITTED, 1, PHOTO_BYTES + 1);
        cases.store.put(c.caseId(), c);
        String key = c.photos().get(0).objectKey();
        objects.store.put(key, taggedAt(reported));
        // the notification did not say the size (-1): only the store's answer shows the mismatch

        var outcome = verification.verify(new PhotoVerification.PhotoUploaded(BUCKET, key, -1, UPLOADED));

        assertEquals(1, objects.opened);
        assertEquals("INVALID_IMAGE", outcome.reason());
        assertEquals(CaseStatus.REJECTED, cases.store.get("case-12").status());
        assertEquals(BYTES_FETCHED, outcome.bytesRead());
        assertFalse(objects.store.containsKey(key), "the rejected object is deleted");
    }

    @Test
    void anObjectOfTheDeclaredSizeIsVerified() throws Exception {
        ReportCase c = TestCases.awaitingPhotos("case-13", CaseKind.COMPLAINT, reported, SUBMITTED, 1, PHOTO_BYTES);
        cases.store.put(c.caseId(), c);
        String key = c.photos().get(0).objectKey();
        objects.store.put(key, taggedAt(reported));

        verification.verify(new PhotoVerification.PhotoUploaded(BUCKET, key, PHOTO_BYTES, UPLOADED));

        assertEquals(CaseStatus.VERIFIED, cases.store.get("case-13").status());
    }

    @Test
    void objectsUnderUnknownKeysAreDeleted() throws Exception {
        submitted("case-10", CaseKind.COMPLAINT, 1);
        for (String key : List.of("photos/kotamobagu/no-such-case/p1.jpg", "photos/kotamobagu/case-10/p9.jpg",
                "photos/other-tenant/case-10/p1.jpg", "uploads/whatever.bin")) {
            objects.store.put(key, taggedAt(reported));
            var outcome = verification.verify(new PhotoVerification.PhotoUploaded(BUCKET, key, 1, UPLOADED));
            assertEquals(PhotoVerification.Kind.UNKNOWN_OBJECT_DELETED, outcome.kind(), key);
            assertFalse(objects.store.containsKey(key), key);
        }
        assertEquals(1, cases.store.get("case-10").version());
    }

    @Test
    void anUnreadableObjectFailsWithoutTouchingTheCase() {
        ReportCase c = submitted("case-11", CaseKind.COMPLAINT, 1);
        String key = c.photos().get(0).objectKey(); // never uploaded
        assertThrows(IOException.class,
                () -> verification.verify(new PhotoVerification.PhotoUploaded(BUCKET, key, 100, UPLOADED)));
        assertEquals(1, cases.store.get("case-11").version());
        assertNull(cases.store.get("case-11").photos().get(0).check());
    }

    // ------------------------------------------------------------------ in-memory ports

    /** The photo store: what it would read from each object key. */
    static final class Objects implements PhotoVerification.PhotoObjects {
        final Map<String, StoredPhoto> store = new HashMap<>();
        int opened;

        @Override
        public StoredPhoto readMetadata(String bucket, String key) throws IOException {
            opened++;
            StoredPhoto stored = store.get(key);
            if (stored == null) {
                throw new IOException("NoSuchKey " + key);
            }
            return stored;
        }

        @Override
        public void delete(String bucket, String key) {
            store.remove(key);
        }
    }

    /** The shared in-memory case repository, with the field name these tests use. */
    static final class Cases extends InMemoryCaseRepository {
        final java.util.Map<String, ReportCase> store = byId;
    }
}
