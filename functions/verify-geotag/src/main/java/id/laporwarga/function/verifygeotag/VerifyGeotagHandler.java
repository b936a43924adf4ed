package id.laporwarga.function.verifygeotag;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.SqsBatch;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Consumes the photos bucket's {@code s3:ObjectCreated:*} notifications from the photo-uploaded queue and verifies
 * each photo's geotag ({@link PhotoChecks}). Partial batch failures ({@link SqsBatch}): a record that cannot be
 * processed (garbage body, unreadable object, a failing dependency) is reported alone and retried; after the queue's
 * maxReceiveCount it lands in the DLQ while the rest of its batch succeeds.
 */
public class VerifyGeotagHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(VerifyGeotagHandler.class, InitPhaseWarmup.AwsClient.S3);
    }

    @Inject
    Provider<PhotoChecks> checks;

    public VerifyGeotagHandler() {
        super();
    }

    public VerifyGeotagHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the verification beans and the S3 notification parser (nothing is read). */
    @Override
    protected void prime(ApplicationContext ctx) {
        checks.get().prime();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "VerifyGeotag", "photo_verification_failed",
                message -> checks.get().process(message.getBody()));
    }
}
