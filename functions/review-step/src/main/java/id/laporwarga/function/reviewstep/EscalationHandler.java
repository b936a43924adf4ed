package id.laporwarga.function.reviewstep;

import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;

/**
 * Scheduled every 15 minutes (EventBridge; in the local stack a timer or {@code POST /_local/schedules/EscalationFunction}):
 * runs {@link Escalations} (the deadline actions and the sweeper) for every tenant. Input: the scheduled event (ignored) or {@code {"tenant": "kotamobagu"}}
 * to run for one tenant.
 */
public class EscalationHandler extends PrimedRequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(EscalationHandler.class, InitPhaseWarmup.AwsClient.S3_PRESIGNER);
    }

    @Inject
    Provider<Escalations> escalations;

    public EscalationHandler() {
        super();
    }

    public EscalationHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the review service, the deadline queries and the tenant catalogue. */
    @Override
    protected void prime(ApplicationContext ctx) {
        escalations.get();
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        JsonLog.clear();
        JsonLog.put("function", "Escalation");
        try {
            return escalations.get().run(input != null && input.get("tenant") instanceof String id ? id : null);
        } finally {
            JsonLog.clear();
        }
    }
}
