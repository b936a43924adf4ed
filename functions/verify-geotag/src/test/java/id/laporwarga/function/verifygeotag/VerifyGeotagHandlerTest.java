package id.laporwarga.function.verifygeotag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.QueueEvents;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** verify-geotag's handler on the in-memory ports, driven by the sample SQS and S3 events of events/ (no emulator). */
class VerifyGeotagHandlerTest {
    /** The case the sample notifications name (photos/kotamobagu/&lt;caseId&gt;/p1.jpg). */
    static final String CASE_ID = "0b9c6f1e-5a42-4c43-9d0e-7f1c2a3b4c5d";
    static final String KEY = SubmitReportService.photoKey("kotamobagu", CASE_ID, "p1", "image/jpeg");
    static final double[] INSIDE = SamplePoints.inside().get(1).latLon();
    /** The sample notifications' upload time is 2026-11-24T02:01:30Z: the case was submitted just before. */
    static final Instant SUBMITTED = Instant.parse("2026-11-24T01:55:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:02:00Z"), ZoneOffset.UTC);
    /** Taken half an hour before the upload, in WITA. */
    static final LocalDateTime TAKEN = LocalDateTime.of(2026, 11, 24, 9, 30);

    MemoryWorld world;
    VerifyGeotagHandler handler;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        handler = new VerifyGeotagHandler(MemoryContext.of(world, CLOCK));
        world.cases.put(ReportCase.builder().caseId(CASE_ID).tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode("KOT-7K3M-9QXD").kind(CaseKind.COMPLAINT).category("SAMPAH").description("Sampah menumpuk")
                .location(new GeoPoint(INSIDE[0], INSIDE[1])).privacy(Privacy.PUBLIC)
                .photos(List.of(new Photo("p1", "image/jpeg", 0 /* size not declared */, KEY, null)))
                .status(CaseStatus.AWAITING_PHOTOS).submittedAt(SUBMITTED).citizenSecretHash("h").requestHash("r").build());
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    static byte[] photo(double[] latLon) {
        return TaggedPhotos.nikon(latLon, TAKEN, TaggedPhotos.WITA);
    }

    List<String> failures(SQSEvent event) {
        SQSBatchResponse response = handler.handleRequest(event, null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    List<String> eventTypes() {
        return world.cases.outbox.stream().filter(e -> e.caseId().equals(CASE_ID)).map(OutboxEvent::eventType).toList();
    }

    @Test
    void theSampleNotificationOfAPhotoTakenInsideTheCityVerifiesTheCase() {
        world.objects.objects.put(KEY, photo(INSIDE));

        assertEquals(List.of(), failures(LambdaEvents.load("sqs-photo-uploaded.json", SQSEvent.class)));

        ReportCase verified = world.cases.get(CASE_ID);
        assertEquals(CaseStatus.VERIFIED, verified.status());
        assertEquals("PASS", verified.photos().get(0).check().verdict().name());
        assertEquals(List.of(CaseEvent.VERIFIED), eventTypes());
    }

    @Test
    void theAgencysAfterPhotoGetsOnlyItsPublicCopyNoCheckAndIsNeverDeleted() {
        String attachment = "attachments/kotamobagu/" + CASE_ID + "/resolution-v7.jpg";
        world.objects.objects.put(attachment, photo(INSIDE));
        String notification = LambdaEvents.text("s3-object-created-photo.json").replace(KEY, attachment);

        assertEquals(List.of(), failures(QueueEvents.sqs(notification)));

        String copy = "views/kotamobagu/" + CASE_ID + "/resolution-v7-current.jpg";
        assertTrue(world.objects.objects.containsKey(copy), world.objects.objects.keySet().toString());
        assertTrue(world.objects.deleted.isEmpty(), world.objects.deleted.toString());
        assertEquals(CaseStatus.AWAITING_PHOTOS, world.cases.get(CASE_ID).status());
        assertEquals(List.of(), eventTypes());
    }

    @Test
    void aMixedBatchReportsOnlyItsGarbageRecordAsFailed() {
        world.objects.objects.put(KEY, photo(INSIDE));
        world.objects.objects.put("photos/kotamobagu/unknown-case/p1.jpg", photo(INSIDE));

        assertEquals(List.of("2e1424d4-f796-459a-8184-9c92662be6da"),
                failures(LambdaEvents.load("sqs-photo-uploaded-mixed-batch.json", SQSEvent.class)));

        assertEquals(CaseStatus.VERIFIED, world.cases.get(CASE_ID).status());
        assertEquals(List.of("photos/kotamobagu/unknown-case/p1.jpg"), world.objects.deleted, "a photo of no case is deleted");
    }

    @Test
    void theS3NotificationOfAPhotoTakenElsewhereRejectsTheCaseOnceEvenWhenDeliveredTwice() {
        world.objects.objects.put(KEY, photo(SamplePoints.outside().get(0).latLon()));
        String notification = LambdaEvents.text("s3-object-created-photo.json");

        assertEquals(List.of(), failures(QueueEvents.sqs(notification)));
        assertEquals(List.of(), failures(QueueEvents.sqs(notification)));

        ReportCase rejected = world.cases.get(CASE_ID);
        assertEquals(CaseStatus.REJECTED, rejected.status());
        assertEquals(List.of("OUTSIDE_JURISDICTION"), rejected.verificationReasons());
        assertEquals(List.of(CaseEvent.REJECTED), eventTypes());
    }

    @Test
    void aPhotoThatCannotBeReadIsRetriedAndChangesNothing() {
        SQSEvent event = LambdaEvents.load("sqs-photo-uploaded.json", SQSEvent.class);

        assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d"), failures(event));

        assertEquals(1, world.cases.get(CASE_ID).version());
        assertTrue(world.cases.outbox.isEmpty());
    }
}
