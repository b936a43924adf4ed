package id.laporwarga.function.scorert;

import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * The analysts' export ({@link Exports}): monthly (the previous local month of every tenant) or on demand
 * {@code {"tenant":"kotamobagu","period":"2026-10"}}. Writes to {@code ANALYTICS_BUCKET}.
 */
public class ExportHandler extends PrimedRequestHandler<ExportRequest, ExportResult> {
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
    public ExportResult execute(ExportRequest request) {
        JsonLog.clear();
        JsonLog.put("function", "Export");
        try {
            return exports.get().run(request == null ? new ExportRequest(null, null) : request);
        } finally {
            JsonLog.clear();
        }
    }
}
