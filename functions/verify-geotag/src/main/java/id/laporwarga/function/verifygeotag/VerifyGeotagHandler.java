package id.laporwarga.function.verifygeotag;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geotag.PhotoKey;
import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the photos bucket's {@code s3:ObjectCreated:*} notifications from the photo-uploaded queue and verifies
 * each photo's geotag ({@link PhotoVerification}). Partial batch failures: a record that cannot be processed (garbage
 * body, unreadable object, a failing dependency) is reported alone and retried; after the queue's maxReceiveCount it
 * lands in the DLQ while the rest of its batch succeeds.
 */
public class VerifyGeotagHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // the SDK clients used besides DynamoDB: built in Lambda's init phase on a background thread while the
        // context starts, and by SnapStart priming
        InitPhaseWarmup.prebuildClients(VerifyGeotagHandler.class, InitPhaseWarmup.AwsClient.S3, InitPhaseWarmup.AwsClient.SNS);
    }

    private static final JsonLog LOG = JsonLog.get(VerifyGeotagHandler.class);

    public VerifyGeotagHandler() {
        super();
    }

    public VerifyGeotagHandler(ApplicationContextBuilder builder) {
        super(builder);
    }


    /** Before the SnapStart snapshot: the verification beans and the S3 notification parser (nothing is read). */
    @Override
    protected void prime(ApplicationContext ctx) {
        ctx.getBean(PhotoVerification.class);
        S3Notifications.parse(ctx.getBean(Json.class), PRIMING_NOTIFICATION);
    }

    private static final String PRIMING_NOTIFICATION = "{\"Records\":[{\"eventSource\":\"aws:s3\","
            + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"priming\"},"
            + "\"object\":{\"key\":\"photos/priming/priming/p1.jpg\",\"size\":1}}}]}";

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        Json json = getApplicationContext().getBean(Json.class);
        PhotoVerification verification = getApplicationContext().getBean(PhotoVerification.class);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            JsonLog.clear();
            JsonLog.put("function", "VerifyGeotag");
            JsonLog.put("messageId", message.getMessageId());
            try {
                for (PhotoVerification.PhotoUploaded upload : S3Notifications.parse(json, message.getBody())) {
                    verify(verification, upload);
                }
            } catch (Exception e) {
                LOG.error("photo_verification_failed", e, "receiveCount", receiveCount(message));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        JsonLog.clear();
        return new SQSBatchResponse(failures);
    }

    private static void verify(PhotoVerification verification, PhotoVerification.PhotoUploaded upload) throws Exception {
        long start = System.nanoTime();
        PhotoKey.parse(upload.key()).ifPresent(k -> {
            JsonLog.put("tenant", k.tenantId());
            JsonLog.put("caseId", k.caseId());
            JsonLog.put("photoId", k.photoId());
        });
        PhotoVerification.Outcome outcome = verification.verify(upload);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.kind() == PhotoVerification.Kind.UNKNOWN_OBJECT_DELETED) {
            LOG.warn("unknown_photo_object_deleted", "key", upload.key(), "objectSize", upload.size());
            return;
        }
        LOG.info("photo_verified", "outcome", outcome.kind().name(),
                "verdict", outcome.photoVerdict() == null ? null : outcome.photoVerdict().name(),
                "reason", outcome.reason(),
                "caseVerdict", outcome.caseVerdict() == null ? null : outcome.caseVerdict().name(),
                "objectSize", upload.size(), "bytesRead", outcome.bytesRead(), "durationMs", millis,
                "eventPublished", outcome.eventPublished(), "objectDeleted", outcome.objectDeleted());
        if (outcome.kind() != PhotoVerification.Kind.ALREADY_CHECKED) {
            GeotagMetrics.photoVerified(PhotoKey.parse(upload.key()).map(PhotoKey::tenantId).orElse(null),
                    outcome.photoVerdict() == null ? null : outcome.photoVerdict().name(), outcome.bytesRead(), millis);
        }
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    }
}
