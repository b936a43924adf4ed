package id.laporwarga.function.routetoagency;

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
 * Consumes the case events (the step-alerts queue, subscribed to the case-events topic with raw delivery) and alerts
 * the officials who must act in the step each case entered ({@link OfficialAlerts}). Partial batch failures
 * ({@link SqsBatch}): a failed publish is retried, and lands in the dead-letter queue after 3 receives.
 */
public class StepAlertHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(StepAlertHandler.class, InitPhaseWarmup.AwsClient.SNS);
    }

    @Inject
    Provider<OfficialAlerts> alerts;

    public StepAlertHandler() {
        super();
    }

    public StepAlertHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected void prime(ApplicationContext ctx) {
        alerts.get().prime();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "StepAlert", "step_alert_failed",
                message -> alerts.get().process(message.getBody()));
    }
}
