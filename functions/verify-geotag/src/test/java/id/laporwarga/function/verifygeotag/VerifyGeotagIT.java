package id.laporwarga.function.verifygeotag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.testkit.QueueEvents;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.platform.testing.StoredOutbox;
import id.laporwarga.platform.aws.S3PhotoUploads;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.DynamoCaseRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * verify-geotag on the emulators: the stack from template.yaml (bucket notification to the photo-uploaded queue with
 * its DLQ, table, case-events topic), the sample Kotamobagu tenant, photos PUT to presigned URLs, and the queue's
 * messages handed to the handler as Lambda's SQS event source mapping does (partial batch failures honoured).
 */
@Tag("emulator")
class VerifyGeotagIT {
    private static ProvisionedStack stack;
    private static VerifyGeotagHandler handler;
    private static DynamoCaseRepository cases;
    private static S3PhotoUploads uploads;
    private static Json json;
    private static SqsClient sqs;
    private static String photoQueue;
    private static String photoDlq;
    private static StoredOutbox outbox;
    private static final double[] INSIDE = SamplePoints.inside().get(1).latLon();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() {
        LocalAws aws = LocalAws.shared();
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()), "geotag-it", aws);
        SampleTenants.onboardIfAbsent(stack, SampleTenants.KOTAMOBAGU);
        Map<String, String> env = stack.functionEnvironment("VerifyGeotagFunction");
        handler = new VerifyGeotagHandler(ApplicationContext.builder().singletons(new FunctionEnvironment(env)));
        cases = handler.getApplicationContext().getBean(DynamoCaseRepository.class);
        uploads = handler.getApplicationContext().getBean(S3PhotoUploads.class);
        json = handler.getApplicationContext().getBean(Json.class);
        sqs = aws.sqs();
        photoQueue = stack.queueUrl("PhotoUploadedQueue");
        photoDlq = stack.queueUrl("PhotoUploadedDLQ");
        // the events verify-geotag writes with its verdicts, read back from the table's stream (the relay's input)
        outbox = new StoredOutbox(stack, handler.getApplicationContext().getBean(OutboxItems.class));
        sqs.purgeQueue(r -> r.queueUrl(photoQueue));
    }

    @AfterAll
    static void stop() {
        if (handler != null) {
            handler.close();
        }
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void photoTaggedInsideKotamobaguVerifiesTheCaseAndPublishesOneEvent() throws Exception {
        ReportCase c = submit(CaseKind.COMPLAINT, 1);
        putViaPresignedUrl(c.photos().get(0), TaggedPhotos.nikon(INSIDE, localNowMinutes(-10), "+08:00"));

        ReportCase verified = pumpUntilDecided(c.caseId());

        assertEquals(CaseStatus.VERIFIED, verified.status());
        assertEquals(2, verified.version());
        assertEquals("PASS", verified.photos().get(0).check().verdict().name());
        assertTrue(verified.photos().get(0).check().bytesRead() <= 128 * 1024);
        List<OutboxEvent> events = eventsFor(c.caseId());
        assertEquals(1, events.size());
        Map<String, String> attributes = events.get(0).attributes();
        assertEquals("case.verified", attributes.get("eventType"));
        assertEquals("kotamobagu", attributes.get("tenant"));
        assertEquals("COMPLAINT", attributes.get("kind"));
        assertEquals("SAMPAH", attributes.get("category"));
        assertEquals(c.caseId() + "#case.verified#2", attributes.get("eventId"));
        assertEquals(OutboxEvent.Channel.CASE_EVENTS, events.get(0).channel());
        assertEquals("VERIFIED", events.get(0).body().get("status"));
        assertEquals(2, ((Number) events.get(0).body().get("version")).intValue());
    }

    @Test
    void photoTaggedInAnotherCityRejectsTheCase() throws Exception {
        ReportCase c = submit(CaseKind.COMPLAINT, 1);
        putViaPresignedUrl(c.photos().get(0),
                TaggedPhotos.nikon(SamplePoints.outside().get(0).latLon(), localNowMinutes(-10), "+08:00"));

        ReportCase rejected = pumpUntilDecided(c.caseId());

        assertEquals(CaseStatus.REJECTED, rejected.status());
        assertEquals(List.of("OUTSIDE_JURISDICTION"), rejected.verificationReasons());
        HistoryEntry last = rejected.history().get(rejected.history().size() - 1);
        assertEquals("Foto diambil di luar wilayah Kota Kotamobagu.", last.note());
        assertEquals("case.rejected", eventType(eventsFor(c.caseId()).get(0)));
    }

    @Test
    void photoWithoutGpsSendsTheComplaintToReview() throws Exception {
        ReportCase c = submit(CaseKind.COMPLAINT, 1);
        putViaPresignedUrl(c.photos().get(0), TaggedPhotos.nikon(null, localNowMinutes(-10), "+08:00"));

        ReportCase review = pumpUntilDecided(c.caseId());

        assertEquals(CaseStatus.NEEDS_REVIEW, review.status());
        assertEquals("NO_GPS", review.photos().get(0).check().reason());
        assertEquals("case.needs_review", eventType(eventsFor(c.caseId()).get(0)));
    }

    @Test
    void theSameS3NotificationDeliveredTwiceYieldsOneVerdictAndOneEvent() throws Exception {
        ReportCase c = submit(CaseKind.RT_ACTIVITY, 1);
        putViaPresignedUrl(c.photos().get(0), TaggedPhotos.nikon(INSIDE, localNowMinutes(-30), "+08:00"));
        AtomicReference<String> notification = new AtomicReference<>();
        ReportCase first = pumpUntilDecided(c.caseId(), notification);

        sqs.sendMessage(r -> r.queueUrl(photoQueue).messageBody(notification.get()));
        pump(3);

        ReportCase after = cases.findById(c.caseId()).orElseThrow();
        assertEquals(first, after, "verdict unchanged");
        assertEquals(1, eventsFor(c.caseId()).size());
    }

    @Test
    void poisonMessagesEndInTheDlqWithoutBlockingTheRestOfTheirBatch() throws Exception {
        sqs.purgeQueue(r -> r.queueUrl(photoDlq));
        ReportCase unreadable = submit(CaseKind.COMPLAINT, 1);
        String missingKey = unreadable.photos().get(0).objectKey(); // announced but never uploaded: GET fails
        String bucket = stack.bucket("PhotosBucket");
        String missingObject = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\""
                + Instant.now() + "\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + missingKey + "\",\"size\":2048}}}]}";
        sqs.sendMessage(r -> r.queueUrl(photoQueue).messageBody("this is not an S3 event"));
        sqs.sendMessage(r -> r.queueUrl(photoQueue).messageBody(missingObject));
        ReportCase good = submit(CaseKind.COMPLAINT, 1);
        putViaPresignedUrl(good.photos().get(0), TaggedPhotos.nikon(INSIDE, localNowMinutes(-5), "+08:00"));

        // as the event source mapping: each failed record becomes visible again; after maxReceiveCount (3) -> DLQ
        for (int round = 0; round < 6 && dlqDepth() < 2; round++) {
            pump(2);
        }

        assertEquals(CaseStatus.VERIFIED, cases.findById(good.caseId()).orElseThrow().status());
        List<String> dead = new ArrayList<>();
        for (Message m : sqs.receiveMessage(r -> r.queueUrl(photoDlq).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
            dead.add(m.body());
        }
        assertEquals(2, dead.size(), dead.toString());
        assertTrue(dead.contains("this is not an S3 event"));
        assertTrue(dead.contains(missingObject));
        ReportCase untouched = cases.findById(unreadable.caseId()).orElseThrow();
        assertEquals(1, untouched.version());
        assertNull(untouched.photos().get(0).check());
    }

    @Test
    void anUploadThatIsNotAnImageIsRejectedAndDeleted() throws Exception {
        ReportCase c = submit(CaseKind.COMPLAINT, 1);
        putViaPresignedUrl(c.photos().get(0), "%PDF-1.7 definitely not a photo".getBytes());

        ReportCase rejected = pumpUntilDecided(c.caseId());

        assertEquals(CaseStatus.REJECTED, rejected.status());
        assertEquals("INVALID_IMAGE", rejected.photos().get(0).check().reason());
        String bucket = stack.bucket("PhotosBucket");
        assertFalse(LocalAws.shared().s3().listObjectsV2(r -> r.bucket(bucket).prefix(c.photos().get(0).objectKey()))
                .hasContents() && !LocalAws.shared().s3().listObjectsV2(r -> r.bucket(bucket)
                .prefix(c.photos().get(0).objectKey())).contents().isEmpty(), "object deleted");
    }

    /**
     * Write-once photos, both layers: (1) a second PUT to the used upload URL is refused by S3's conditional write
     * (moto enforces If-None-Match through the presigned URL); (2) where a write gets past that (here straight through
     * the SDK without the condition), the verdict stays pinned to the version it read, the tamper attempt is counted,
     * and officials' links serve exactly the verified photo's stripped copy, the city admin's the verified original.
     */
    @Test
    void aVerifiedPhotoCannotBeSwapped() throws Exception {
        ReportCase c = submit(CaseKind.COMPLAINT, 1);
        Photo photo = c.photos().get(0);
        byte[] original = TaggedPhotos.nikon(INSIDE, localNowMinutes(-10), "+08:00");
        var ticket = uploads.presignUpload(photo);
        String signed = URI.create(ticket.url()).getQuery();
        assertTrue(signed.contains("if-none-match"), "the URL signs If-None-Match: " + signed);
        assertEquals("*", ticket.headers().get("If-None-Match"));
        putViaPresignedUrl(photo, original);
        ReportCase verified = pumpUntilDecided(c.caseId());
        assertEquals(CaseStatus.VERIFIED, verified.status());
        var check = verified.photos().get(0).check();
        assertNotNull(check.objectVersion(), "the check pins the version it read");
        assertNotNull(check.viewKey(), "a stripped copy was made");

        // layer 1: the same URL again (still valid) with another photo is refused
        byte[] elsewhere = TaggedPhotos.nikon(new double[] {-6.175, 106.827}, localNowMinutes(-5), "+07:00"); // Jakarta
        HttpRequest.Builder again = HttpRequest.newBuilder(URI.create(ticket.url()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(elsewhere));
        ticket.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Length")) {
                again.header(k, v);
            }
        });
        assertEquals(412, HTTP.send(again.build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        // layer 2: a write that bypasses the condition becomes a new version; its event changes nothing
        var s3 = LocalAws.shared().s3();
        String bucket = stack.physicalId("PhotosBucket");
        s3.putObject(r -> r.bucket(bucket).key(photo.objectKey()).contentType("image/jpeg"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(elsewhere));
        java.io.ByteArrayOutputStream metrics = new java.io.ByteArrayOutputStream();
        GeotagMetrics.setOutput(new java.io.PrintStream(metrics, true));
        try {
            long deadline = System.currentTimeMillis() + 5_000;
            while (!metrics.toString().contains("PhotoTamperAttempts") && System.currentTimeMillis() < deadline) {
                pump(1);
            }
        } finally {
            GeotagMetrics.setOutput(System.out);
        }
        assertTrue(metrics.toString().contains("\"PhotoTamperAttempts\":1"), metrics.toString());
        ReportCase after = cases.findById(c.caseId()).orElseThrow();
        assertEquals(verified.version(), after.version(), "the tamper event changed nothing");
        assertEquals(check, after.photos().get(0).check());

        String adminLink = uploads.presignDownload(photo.objectKey(), check.objectVersion());
        assertEquals(sha256(original), sha256(get(adminLink)), "the pinned original is the verified photo");
        byte[] served = get(uploads.presignDownload(check.viewKey()));
        assertEquals(sha256(id.laporwarga.platform.photo.PublicPhotoCopy.of(original)), sha256(served),
                "officials get the stripped copy of the verified photo, not the swapped one");
        var metadata = com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(served));
        for (var directory : metadata.getDirectories()) {
            String name = directory.getName();
            assertFalse(name.startsWith("Exif") || name.startsWith("GPS") || name.equals("XMP")
                    || name.contains("Makernote"), "the served copy carries " + name);
        }
        assertTrue(com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(original))
                .getFirstDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class) != null, "the original has GPS");
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ------------------------------------------------------------------ helpers

    /** A case as the submit flow stores it (AWAITING_PHOTOS), at a reported location inside the city. */
    private static ReportCase submit(CaseKind kind, int photoCount) {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<Photo> photos = new ArrayList<>();
        for (int i = 1; i <= photoCount; i++) {
            photos.add(new Photo("p" + i, "image/jpeg", 0 /* size not declared */,
                    SubmitReportService.photoKey("kotamobagu", caseId, "p" + i, "image/jpeg"), null));
        }
        ReportCase c = ReportCase.builder().caseId(caseId).tenantId("kotamobagu").timeZone("Asia/Makassar")
                .trackingCode("KOT-" + caseId.substring(0, 8)).kind(kind).category("SAMPAH")
                .description("Sampah menumpuk di pinggir jalan").location(new GeoPoint(INSIDE[0], INSIDE[1]))
                .rtId(kind == CaseKind.RT_ACTIVITY ? "rt-01" : null).privacy(Privacy.PUBLIC).photos(photos)
                .status(CaseStatus.AWAITING_PHOTOS).submittedAt(now).citizenSecretHash("hash")
                .requestHash("request-" + caseId).build();
        cases.create(c, null, "idem-" + caseId);
        return c;
    }

    private static void putViaPresignedUrl(Photo photo, byte[] bytes) throws Exception {
        var ticket = uploads.presignUpload(photo);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.url()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        ticket.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) { // the client sends the body's length itself
                put.header(name, value);
            }
        });
        HttpResponse<String> response = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static LocalDateTime localNowMinutes(int minutes) {
        return LocalDateTime.ofInstant(Instant.now().plusSeconds(60L * minutes), ZoneOffset.ofHours(8));
    }

    private static ReportCase pumpUntilDecided(String caseId) {
        return pumpUntilDecided(caseId, new AtomicReference<>());
    }

    /** Hands queued notifications to the function until the case has a verdict (at most 5 s, as the issue asks). */
    private static ReportCase pumpUntilDecided(String caseId, AtomicReference<String> notificationSeen) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (Message m : pump(1)) {
                if (m.body().contains(caseId)) {
                    notificationSeen.set(m.body());
                }
            }
            ReportCase c = cases.findById(caseId).orElseThrow();
            if (c.status() != CaseStatus.AWAITING_PHOTOS) {
                return c;
            }
        }
        throw new AssertionError("case " + caseId + " not decided within 5 s");
    }

    /** One poll of the photo-uploaded queue delivered as an SQS event; deletes what succeeded, re-exposes failures. */
    private static List<Message> pump(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(photoQueue).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return messages;
        }
        SQSEvent event = QueueEvents.sqs(messages.stream().map(m -> QueueEvents.message(m.messageId(), m.body(),
                Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))))
                .toList());
        SQSBatchResponse response = handler.execute(event);
        List<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                sqs.changeMessageVisibility(r -> r.queueUrl(photoQueue).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            } else {
                sqs.deleteMessage(r -> r.queueUrl(photoQueue).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    private static int dlqDepth() {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(photoDlq)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static final Map<String, List<OutboxEvent>> EVENTS = new HashMap<>();

    /** The outbox events written for one case (drains the table's stream into a cache). */
    private static synchronized List<OutboxEvent> eventsFor(String caseId) {
        outbox.events().forEach(e -> EVENTS.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        return EVENTS.getOrDefault(caseId, List.of());
    }

    private static String eventType(OutboxEvent event) {
        return event.attributes().get("eventType");
    }
}
