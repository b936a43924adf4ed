package id.laporwarga.function.reviewstep;

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
 * Runs {@link Escalations} for one tenant per message of the escalation jobs queue. Every 15 minutes the schedule fans
 * out one message per tenant (TenantJobsFunction; in the local stack a timer or
 * {@code POST /_local/schedules/TenantJobsFunction}), so one tenant's slow or failing run never holds up the others.
 * Body: {@code {"tenant": "kotamobagu"}}. Each run also sweeps (docs/reliability.md).
 */
public class EscalationHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
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
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "Escalation", "escalation.job_failed", m -> escalations.get().process(m.getBody()));
    }
}
