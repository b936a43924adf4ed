package id.laporwarga.function.scorert;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.PeriodCaseQueries;
import id.laporwarga.platform.store.RtScoreStore;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The analysts' export: monthly (the previous local month of every tenant) or on demand
 * {@code {"tenant":"kotamobagu","period":"2026-10"}}. Writes to {@code ANALYTICS_BUCKET}; see {@link AnalyticsExporter}.
 */
public class ExportHandler extends PrimedRequestHandler<ExportRequest, ExportResult> {
    static {
        // the SDK clients used besides DynamoDB: built in Lambda's init phase on a background thread while the
        // context starts, and by SnapStart priming
        InitPhaseWarmup.prebuildClients(ExportHandler.class, InitPhaseWarmup.AwsClient.S3);
    }

    private volatile AnalyticsExporter exporter;

    public ExportHandler() {
        super();
    }

    public ExportHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    private AnalyticsExporter exporter() {
        if (exporter == null) {
            var ctx = getApplicationContext();
            exporter = new AnalyticsExporter(ctx.getBean(PeriodCaseQueries.class), ctx.getBean(RtScoreStore.class),
                    ctx.getBean(S3Client.class), ctx.getBean(Json.class),
                    ctx.getBean(FunctionEnvironment.class).require(FunctionEnvironment.ANALYTICS_BUCKET));
        }
        return exporter;
    }

    /** Before the SnapStart snapshot: the exporter with its S3 client and stores. */
    @Override
    protected void prime(ApplicationContext ctx) {
        exporter();
        ctx.getBean(DynamoTenantStore.class);
    }

    @Override
    public ExportResult execute(ExportRequest request) {
        JsonLog.clear();
        JsonLog.put("function", "Export");
        try {
            ExportRequest r = request == null ? new ExportRequest(null, null) : request;
            DynamoTenantStore tenants = getApplicationContext().getBean(DynamoTenantStore.class);
            List<Tenant> targets = r.tenant() == null ? tenants.all()
                    : List.of(tenants.find(r.tenant()).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                    LocalizedText.of("Pemda tidak dikenal: " + r.tenant(), "Unknown tenant: " + r.tenant()))));
            List<ExportResult.TenantExport> out = new ArrayList<>();
            for (Tenant tenant : targets) {
                ScorePeriod period;
                try {
                    period = r.period() == null
                            ? ScorePeriod.containing(Clock.systemUTC().instant(), tenant.zone()).previous()
                            : ScorePeriod.parse(r.period(), tenant.zone());
                } catch (IllegalArgumentException e) {
                    throw DomainException.validation(Map.of("period", LocalizedText.of("format yyyy-MM", "format yyyy-MM")));
                }
                out.add(exporter().export(tenant, period));
            }
            return new ExportResult(getApplicationContext().getBean(FunctionEnvironment.class)
                    .require(FunctionEnvironment.ANALYTICS_BUCKET), out);
        } finally {
            JsonLog.clear();
        }
    }
}
