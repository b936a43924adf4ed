package id.laporwarga.function.verifygeotag;

import id.laporwarga.domain.geotag.PhotoKey;
import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;

/**
 * One message of the photo-uploaded queue: the photos bucket's {@code s3:ObjectCreated:*} notification, each photo
 * verified ({@link PhotoVerification}), logged and measured (ids and codes only); an action's attachment (under
 * {@code attachments/}) only gets its EXIF-stripped public copy.
 */
@Singleton
public class PhotoChecks {
    private static final JsonLog LOG = JsonLog.get(PhotoChecks.class);
    static final String PRIMING_NOTIFICATION = "{\"Records\":[{\"eventSource\":\"aws:s3\","
            + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"priming\"},"
            + "\"object\":{\"key\":\"photos/priming/priming/p1.jpg\",\"size\":1}}}]}";

    private final PhotoVerification verification;
    private final Json json;

    public PhotoChecks(PhotoVerification verification, Json json) {
        this.verification = verification;
        this.json = json;
    }

    /** Before the SnapStart snapshot: the notification parser (nothing is read). */
    void prime() {
        S3Notifications.parse(json, PRIMING_NOTIFICATION);
    }

    /** Verifies the photos a message announces; throws (the message is retried) when one cannot be read. */
    public void process(String messageBody) throws Exception {
        for (PhotoVerification.PhotoUploaded upload : S3Notifications.parse(json, messageBody)) {
            verify(upload);
        }
    }

    private void verify(PhotoVerification.PhotoUploaded upload) throws Exception {
        if (PhotoKey.parseAttachment(upload.key()).isPresent()) {
            // an action's attachment (the agency's "after" photo): no geotag check, only the public EXIF-stripped copy
            LOG.info("attachment_copied", "viewKey", verification.copyAttachment(upload).orElse(null),
                    "objectSize", upload.size());
            return;
        }
        long start = System.nanoTime();
        PhotoKey.parse(upload.key()).ifPresent(k -> {
            JsonLog.put("tenant", k.tenantId());
            JsonLog.put("caseId", k.caseId());
            JsonLog.put("photoId", k.photoId());
        });
        PhotoVerification.Outcome outcome = verification.verify(upload);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.kind() == PhotoVerification.Kind.TAMPER_ATTEMPT) {
            // another object at a decided photo's key: nothing changed; the verified version stays the one served
            LOG.warn("photo.tamper_attempt", "key", upload.key(), "versionId", upload.versionId(),
                    "eTag", upload.eTag(), "objectSize", upload.size(), "verdict", outcome.photoVerdict().name());
            GeotagMetrics.tamperAttempt(PhotoKey.parse(upload.key()).map(PhotoKey::tenantId).orElse(null));
            return;
        }
        if (outcome.kind() == PhotoVerification.Kind.UNKNOWN_OBJECT_DELETED) {
            LOG.warn("unknown_photo_object_deleted", "key", upload.key(), "objectSize", upload.size());
            return;
        }
        LOG.info("photo_verified", "outcome", outcome.kind().name(),
                "verdict", outcome.photoVerdict() == null ? null : outcome.photoVerdict().name(),
                "reason", outcome.reason(),
                "caseVerdict", outcome.caseVerdict() == null ? null : outcome.caseVerdict().name(),
                "objectSize", upload.size(), "bytesRead", outcome.bytesRead(), "durationMs", millis,
                "eventId", outcome.eventId(), "objectDeleted", outcome.objectDeleted());
        if (outcome.kind() != PhotoVerification.Kind.ALREADY_CHECKED) {
            GeotagMetrics.photoVerified(PhotoKey.parse(upload.key()).map(PhotoKey::tenantId).orElse(null),
                    outcome.photoVerdict() == null ? null : outcome.photoVerdict().name(), outcome.bytesRead(), millis);
        }
    }
}
