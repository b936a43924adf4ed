package id.laporwarga.function.scorert;

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
 * The analysts' export ({@link Exports}) of one tenant's month per message of the export jobs queue: the monthly
 * schedule fans out one message per tenant (TenantJobsFunction); on demand, a message
 * {@code {"tenant":"kotamobagu","period":"2026-10"}}. Writes to {@code ANALYTICS_BUCKET}.
 */
public class ExportHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(ExportHandler.class, InitPhaseWarmup.AwsClient.S3);
    }

    @Inject
    Provider<Exports> exports;

    public ExportHandler() {
        super();
    }

    public ExportHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the exporter with its S3 client and stores. */
    @Override
    protected void prime(ApplicationContext ctx) {
        exports.get();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "Export", "export.job_failed", m -> exports.get().process(m.getBody()));
    }
}
